import { lookup } from 'node:dns/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import type { WechatyInterface } from 'wechaty/impls'
import { puppetText as t } from './puppetStart.text.js'

/** The puppet cannot start: `message` is the one sentence the operator reads (Chinese / English). */
export class PuppetStartError extends Error {
  override name = 'PuppetStartError'
}

export interface PuppetSettings {
  puppet: string
  /** WECHATY_PUPPET_SERVICE_ENDPOINT: a fixed host:port instead of the token discovery */
  endpoint?: string
  /** WECHATY_PUPPET_SERVICE_AUTHORITY: the token discovery host */
  authority?: string
  /** WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT */
  noTls?: boolean
}

export interface Verdict {
  sentence: string
  /** worth another try (the network, a service not up yet); a refused token is not */
  retry: boolean
}

/** wechaty-puppet-service's default discovery host (wechaty-token's DEFAULT_AUTHORITY) */
const DEFAULT_AUTHORITY = 'api.chatie.io'
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|getaddrinfo|socket hang up|No connection established/i

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message)
  if (err && typeof err === 'object' && 'data' in err) return String((err as { data: unknown }).data)
  return String(err)
}

async function hostResolves(host: string): Promise<boolean> {
  try {
    await lookup(host.replace(/:\d+$/, ''))
    return true
  } catch {
    return false
  }
}

/**
 * One sentence for what a puppet error means, or undefined for noise (the service puppet's own
 * "Timeout after 5000 ms" while it waits for a first event). Messages as wechaty-puppet-service
 * 1.19 and @grpc/grpc-js 1.9 word them.
 */
export async function explainPuppetError(
  message: string,
  s: PuppetSettings,
  resolves: (host: string) => Promise<boolean> = hostResolves,
): Promise<Verdict | undefined> {
  if (s.puppet !== 'wechaty-puppet-service') {
    return NETWORK.test(message) ? { sentence: t.wechatUnreachable, retry: false } : undefined
  }
  if (/^Timeout after \d+ ms$/.test(message)) return undefined
  if (/requires a SNI as prefix of the token/.test(message)) {
    return { sentence: t.tokenForm, retry: false }
  }
  if (/16 UNAUTHENTICATED|Invalid Wechaty TOKEN/i.test(message)) {
    return { sentence: t.tokenRefused, retry: false }
  }
  if (/service discovery \/ resolution failed/.test(message)) {
    // the discovery says "does not exist" both for an unknown token and for no network at all
    const authority = s.authority ?? DEFAULT_AUTHORITY
    return (await resolves(authority)) ? { sentence: t.tokenUnknown(authority), retry: false } : { sentence: t.discoveryUnreachable(authority), retry: true }
  }
  if (/wrong version number|WRONG_VERSION_NUMBER/.test(message)) {
    return { sentence: t.noTls, retry: false }
  }
  if (/^1 CANCELLED/.test(message) && s.noTls) {
    return { sentence: t.needsTls, retry: false }
  }
  const where = s.endpoint ?? t.resolvedAddress
  if (NETWORK.test(message)) {
    return { sentence: t.serviceUnreachable(where), retry: true }
  }
  return { sentence: t.serviceFailed(message.split('\n')[0]!.slice(0, 120)), retry: true }
}

/** a sign that the puppet talks to its service (or to WeChat) */
const ALIVE = ['heartbeat', 'scan', 'login', 'ready'] as const

export interface StartOptions {
  settings: PuppetSettings
  log: Logger
  /** tries in all (a refused token is not tried again) */
  attempts?: number
  /** the pause before try n+1 */
  delayMs?: (attempt: number) => number
  explain?: (message: string, s: PuppetSettings) => Promise<Verdict | undefined>
}

/**
 * `bot.start()` that fails instead of idling: Wechaty resolves start() even when its puppet
 * could not connect, and then the bot would sit there forever. A few tries, then a
 * PuppetStartError with one sentence.
 */
export async function startPuppet(bot: WechatyInterface, opts: StartOptions): Promise<void> {
  const attempts = opts.attempts ?? 3
  const delayMs = opts.delayMs ?? ((n) => 2000 * n)
  const explain = opts.explain ?? explainPuppetError
  for (let attempt = 1; ; attempt++) {
    const errors: string[] = []
    let alive = false
    const onError = (err: unknown) => void errors.push(errorText(err))
    const onAlive = () => void (alive = true)
    bot.on('error', onError)
    for (const ev of ALIVE) bot.on(ev as 'heartbeat', onAlive)
    try {
      await bot.start()
    } finally {
      bot.off('error', onError)
      for (const ev of ALIVE) bot.off(ev as 'heartbeat', onAlive)
    }
    if (alive || errors.length === 0) return
    let verdict: Verdict | undefined
    for (const e of errors) if ((verdict = await explain(e, opts.settings))) break
    if (!verdict) return
    opts.log.warn({ attempt, attempts, errors: [...new Set(errors)] }, 'puppet did not start')
    if (!verdict.retry || attempt >= attempts) throw new PuppetStartError(verdict.sentence)
    await bot.stop().catch(() => {})
    await sleep(delayMs(attempt))
  }
}
