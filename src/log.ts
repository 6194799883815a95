import pino, { type Logger } from 'pino'

/** Structured JSON logs to stderr (stdout stays for the QR code and the demo transcript). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'gongjian' } }, pino.destination(2))
}
