import { lookup } from 'node:dns/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import type { WechatyInterface } from 'wechaty/impls'

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
    return NETWORK.test(message)
      ? { sentence: '无法连接微信服务器，请检查网络后重试 / cannot reach WeChat’s servers: check the network and try again', retry: false }
      : undefined
  }
  if (/^Timeout after \d+ ms$/.test(message)) return undefined
  if (/requires a SNI as prefix of the token/.test(message)) {
    return {
      sentence: 'WECHATY_PUPPET_SERVICE_TOKEN 格式不对：应形如 puppet_workpro_xxxx / the puppet service token has the wrong form (expected puppet_workpro_…)',
      retry: false,
    }
  }
  if (/16 UNAUTHENTICATED|Invalid Wechaty TOKEN/i.test(message)) {
    return {
      sentence: '企业微信服务拒绝了这个 token：无效或已过期，请检查 WECHATY_PUPPET_SERVICE_TOKEN / the puppet service rejected the token (invalid or expired)',
      retry: false,
    }
  }
  if (/service discovery \/ resolution failed/.test(message)) {
    // the discovery says "does not exist" both for an unknown token and for no network at all
    const authority = s.authority ?? DEFAULT_AUTHORITY
    return (await resolves(authority))
      ? {
          sentence: `在 ${authority} 查不到这个 token：token 无效或已过期，或 WECHATY_PUPPET_SERVICE_AUTHORITY 不对（WorkPro 的是 token-service-discovery-test.juzibot.com）/ the token discovery at ${authority} does not know this token`,
          retry: false,
        }
      : { sentence: `无法连接 token 查询服务 ${authority}，请检查网络 / cannot reach the token discovery service ${authority}: check the network`, retry: true }
  }
  if (/wrong version number|WRONG_VERSION_NUMBER/.test(message)) {
    return {
      sentence: '企业微信服务不用 TLS：请设置 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true / the puppet service does not speak TLS: set WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true',
      retry: false,
    }
  }
  if (/^1 CANCELLED/.test(message) && s.noTls) {
    return {
      sentence: '企业微信服务断开了连接：它可能要求 TLS，请去掉 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT / the puppet service dropped the connection: it may require TLS',
      retry: false,
    }
  }
  const where = s.endpoint ?? 'token 查到的地址 / the address the token resolved to'
  if (NETWORK.test(message)) {
    return { sentence: `无法连接企业微信服务 ${where}：服务未开或网络不通 / cannot reach the puppet service at ${where}`, retry: true }
  }
  return { sentence: `企业微信服务启动失败：${message.split('\n')[0]!.slice(0, 120)} / the puppet service failed to start`, retry: true }
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
