import Fastify, { type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import QRCode from 'qrcode'
import type { BotStateSnapshot } from '../kit/botState.js'
import { escapeHtml, page, statusHtml, type StatusReport } from '../features/status/index.js'

export interface StatusServerDeps {
  host: string
  /** 0 lets the system choose a free port */
  port: number
  log: Logger
  timeZone: string
  state: () => BotStateSnapshot
  report: () => Promise<StatusReport>
  /** resolves true when the database answered `select 1` in time; rejects or false otherwise */
  pingDatabase: () => Promise<boolean>
}

export interface StatusServer {
  /** listens; resolves with the base URL (http://host:port) */
  start(): Promise<string>
  stop(): Promise<void>
  /** for tests and the bench: the fastify instance */
  fastify: FastifyInstance
}

/** The QR as a PNG data URL (qrcode renders it on the server: no script in the page). */
function qrDataUrl(code: string): Promise<string> {
  return QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, scale: 8 })
}

/**
 * The local status server: /healthz for docker and monitors, /status for people and scripts,
 * /login with the QR code to re-scan from a phone on the committee's network.
 */
export function createStatusServer(deps: StatusServerDeps): StatusServer {
  const app = Fastify({ logger: false })

  app.get('/healthz', async (_req, reply) => {
    const state = deps.state()
    if (!state.loggedIn) return reply.code(503).send({ ok: false, reason: 'not logged in to WeChat / 未登录微信' })
    let ok = false
    try {
      ok = await deps.pingDatabase()
    } catch {
      ok = false
    }
    if (!ok) return reply.code(503).send({ ok: false, reason: 'database not answering / 数据库无响应' })
    return { ok: true }
  })

  app.get('/status', async (req, reply) => {
    const html = /text\/html/.test(req.headers.accept ?? '')
    let report: StatusReport
    try {
      report = await deps.report()
    } catch (err) {
      // the database is away: what this process knows is still worth showing
      const state = deps.state()
      const reason = err instanceof Error ? err.message : String(err)
      if (html) {
        const lines = [`登录：${state.loggedIn ? '已登录' : '未登录'}`, `数据库无响应（${reason}）`].map((l) => `<li>${escapeHtml(l)}</li>`).join('')
        return reply.code(503).type('text/html; charset=utf-8').send(page('共建助手状态', `<h1>共建助手状态</h1>\n<ul>${lines}</ul>`, 10))
      }
      return reply.code(503).send({ loggedIn: state.loggedIn, name: state.name, since: state.since.toISOString(), database: 'unreachable', reason, lastError: state.lastError })
    }
    if (html) return reply.type('text/html; charset=utf-8').send(statusHtml(report, deps.timeZone))
    return report
  })

  app.get('/login', async (_req, reply) => {
    const state = deps.state()
    let body: string
    if (state.loggedIn) body = `<h1>已登录</h1>\n<p>${escapeHtml(state.name ?? '')} 在线，无需扫码。</p>`
    else if (state.qr) {
      const src = await qrDataUrl(state.qr.code)
      body = `<h1>请扫码登录</h1>\n<p>用机器人的微信扫描下面的二维码，然后在手机上确认。</p>\n<img id="qr" alt="登录二维码" src="${src}">\n<p>二维码会自动更新。</p>`
    } else body = '<h1>等待二维码…</h1>\n<p>机器人正在连接微信，几秒后刷新。</p>'
    return reply.type('text/html; charset=utf-8').send(page('共建助手登录', `${body}\n<p><a href="/status">状态</a></p>`, 5))
  })

  app.setErrorHandler((err, _req, reply) => {
    deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'status server: request failed')
    void reply.code(500).send({ ok: false, reason: 'internal error / 内部错误' })
  })

  return {
    fastify: app,
    async start() {
      const address = await app.listen({ host: deps.host, port: deps.port }).catch((err: { code?: string }) => {
        if (err?.code !== 'EADDRINUSE') throw err
        throw new Error(`状态页端口 ${deps.port} 已被占用，请换一个 GONGJIAN_HTTP_PORT（0 = 不开状态页） / port ${deps.port} is in use`)
      })
      deps.log.info({ address }, 'status server listening')
      return address
    },
    async stop() {
      await app.close()
    },
  }
}
