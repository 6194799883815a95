import type { Logger } from 'pino'
import { isConnectionError } from './db/client.js'

/**
 * postgres.js 3.4.9 can throw from a timer when it writes on a connection the server closed
 * (`Cannot read properties of null (reading 'write')` at connection.js, porsager/postgres #1154,
 * #1208): no promise to reject, so nothing but a process handler sees it.
 */
export function isKnownDatabaseFault(err: unknown): boolean {
  if (isConnectionError(err)) return true
  if (!(err instanceof TypeError)) return false
  return /reading 'write'|evaluating 'socket\.write'/.test(err.message) && /postgres[\\/](src|cjs)[\\/]connection\.js/.test(err.stack ?? '')
}

export interface LastResortDeps {
  log: Logger
  /** a known database fault: the pool may hold a connection that will hang, renew it */
  onDatabaseFault: () => void
  /** anything else thrown outside every handler: the process state is unknown */
  onFatal: (err: unknown) => void
}

/**
 * Last-resort process handlers (main.ts only; tests run without them and must see no such error).
 * - a known database-connection fault, thrown or rejected: logged, the pool renewed, the bot goes on;
 * - any other unhandled rejection: logged as an error, the bot goes on — every message, job and
 *   send has its own error boundary, so a stray rejected promise is lost work, not broken state,
 *   and a silent bot costs the community more than one lost background task;
 * - any other uncaught exception: logged as fatal and the process ends (exit code 1) — code threw
 *   half-way with no handler, nothing it left behind can be trusted; a supervisor (docker
 *   `restart:`) starts it again and the outbox and job_runs make that safe.
 * Returns a function that removes the handlers.
 */
export function installLastResort(deps: LastResortDeps): () => void {
  const onException = (err: unknown) => {
    if (isKnownDatabaseFault(err)) {
      deps.log.warn({ err: (err as Error).message }, 'database connection fault caught by the last-resort handler; going on')
      deps.onDatabaseFault()
      return
    }
    deps.log.fatal({ err }, 'uncaught exception')
    deps.onFatal(err)
  }
  const onRejection = (reason: unknown) => {
    if (isKnownDatabaseFault(reason)) {
      deps.log.warn({ err: (reason as Error)?.message ?? String(reason) }, 'database connection error rejected unhandled; going on')
      deps.onDatabaseFault()
      return
    }
    deps.log.error({ err: reason }, 'unhandled rejection; going on')
  }
  process.on('uncaughtException', onException)
  process.on('unhandledRejection', onRejection)
  return () => {
    process.off('uncaughtException', onException)
    process.off('unhandledRejection', onRejection)
  }
}
