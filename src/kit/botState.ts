import type { Logger } from 'pino'

/** What only this process knows about itself: login, the current QR code, the last error. */
export interface BotStateSnapshot {
  startedAt: Date
  loggedIn: boolean
  /** the logged-in account's name (the last one while logged out) */
  name: string | null
  /** when the current state (logged in / out) began */
  since: Date
  /** the latest QR code to scan, while logged out */
  qr: { code: string; status: number; at: Date } | null
  lastError: { message: string; at: Date } | null
}

export function createBotState(now: () => Date) {
  const s: BotStateSnapshot = { startedAt: now(), loggedIn: false, name: null, since: now(), qr: null, lastError: null }
  return {
    snapshot: (): BotStateSnapshot => ({ ...s }),
    login(name: string): void {
      Object.assign(s, { loggedIn: true, name, since: now(), qr: null })
    },
    /** returns when the login began (undefined if it was not logged in) */
    logout(): Date | undefined {
      const was = s.loggedIn ? s.since : undefined
      Object.assign(s, { loggedIn: false, since: now() })
      return was
    },
    scan(code: string, status: number): void {
      // a scan after login is only the puppet's echo of the confirmation
      if (!s.loggedIn && code) s.qr = { code, status, at: now() }
    },
    error(message: string): void {
      s.lastError = { message: message.slice(0, 300), at: now() }
    },
  }
}

export type BotState = ReturnType<typeof createBotState>

/** Every line logged at error or fatal also becomes the status' "last error". */
export function tapErrors(log: Logger, onError: (message: string) => void): Logger {
  const describe = (args: unknown[]): string => {
    const [first, second] = args
    const text = typeof first === 'string' ? first : typeof second === 'string' ? second : ''
    const err = first && typeof first === 'object' ? ((first as { err?: unknown }).err ?? (first instanceof Error ? first : undefined)) : undefined
    const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : ''
    return [text, detail].filter(Boolean).join(': ') || 'error'
  }
  return new Proxy(log, {
    get(target, key) {
      const value = Reflect.get(target, key)
      if ((key === 'error' || key === 'fatal') && typeof value === 'function') {
        return (...args: unknown[]) => {
          onError(describe(args))
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      }
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
