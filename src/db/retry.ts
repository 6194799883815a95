import type { Logger } from 'pino'
import { isConnectionError } from './client.js'

/**
 * Runs `fn` again, with backoff, for as long as it fails because the database is away (and the
 * process is not stopping); any other failure is thrown at once. For idempotent work only.
 */
export async function retryWhileAway<T>(fn: () => Promise<T>, p: { what: string; log: Logger; stopping: () => boolean }): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      if (!isConnectionError(err) || p.stopping()) throw err
      if (attempt === 0) p.log.warn({ err: (err as Error).message }, `${p.what}: database away, trying again`)
      await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 5_000)))
    }
  }
}
