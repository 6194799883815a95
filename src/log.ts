import pino, { type Logger } from 'pino'

/**
 * Structured JSON logs to stderr (stdout stays for the QR code and the demo transcript).
 * Written synchronously: a fatal sentence printed right after must come after every log line.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'gongjian' } }, pino.destination({ dest: 2, sync: true }))
}
