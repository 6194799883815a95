import type { Logger } from 'pino'

export type OpsEvent =
  | { event: 'logout'; at: string; name: string | null; message: string }
  | { event: 'send-failed'; at: string; outboxId: number; to: string | null; error: string; message: string }

export interface OpsWebhook {
  notify(e: OpsEvent): void
  /** resolves when every POST started so far has finished (tests, stop) */
  idle(): Promise<void>
}

/**
 * Fire and forget: a POST with a short timeout, never awaited by the caller; a failure is only
 * logged (the operator's receiver being down must not hold up or crash the bot).
 */
export function createOpsWebhook(deps: { url: string | undefined; log: Logger; timeoutMs?: number }): OpsWebhook {
  const inFlight = new Set<Promise<void>>()
  return {
    notify(e) {
      if (!deps.url) return
      const p = fetch(deps.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'gongjian', ...e }),
        signal: AbortSignal.timeout(deps.timeoutMs ?? 3000),
      })
        .then(async (res) => {
          await res.body?.cancel().catch(() => {})
          if (!res.ok) deps.log.warn({ status: res.status, event: e.event }, 'ops webhook answered with an error')
        })
        .catch((err: unknown) => deps.log.warn({ err: err instanceof Error ? err.message : String(err), event: e.event }, 'ops webhook failed'))
        .finally(() => inFlight.delete(p))
      inFlight.add(p)
    },
    async idle() {
      await Promise.allSettled([...inFlight])
    },
  }
}
