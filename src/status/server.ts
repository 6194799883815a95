import Fastify, { type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import QRCode from 'qrcode'
import type { BotStateSnapshot } from '../kit/botState.js'
import { page, statusHtml, statusHtmlWithoutDatabase, type StatusReport } from '../features/status/index.js'
import { serverText as t } from './text.js'

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
    if (!state.loggedIn) return reply.code(503).send({ ok: false, reason: t.notLoggedIn })
    let ok = false
    try {
      ok = await deps.pingDatabase()
    } catch {
      ok = false
    }
    if (!ok) return reply.code(503).send({ ok: false, reason: t.databaseDown })
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
      if (html) return reply.code(503).type('text/html; charset=utf-8').send(statusHtmlWithoutDatabase({ loggedIn: state.loggedIn, reason }))
      return reply.code(503).send({ loggedIn: state.loggedIn, name: state.name, since: state.since.toISOString(), database: 'unreachable', reason, lastError: state.lastError })
    }
    if (html) return reply.type('text/html; charset=utf-8').send(statusHtml(report, deps.timeZone))
    return report
  })

  app.get('/login', async (_req, reply) => {
    const state = deps.state()
    let body: string
    if (state.loggedIn) body = t.login.loggedIn(state.name ?? '')
    else if (state.qr) body = t.login.scan(await qrDataUrl(state.qr.code))
    else body = t.login.waiting
    return reply.type('text/html; charset=utf-8').send(page(t.login.title, `${body}\n${t.login.footer}`, 5))
  })

  app.setErrorHandler((err, _req, reply) => {
    deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'status server: request failed')
    void reply.code(500).send({ ok: false, reason: t.internalError })
  })

  return {
    fastify: app,
    async start() {
      const address = await app.listen({ host: deps.host, port: deps.port }).catch((err: { code?: string }) => {
        if (err?.code !== 'EADDRINUSE') throw err
        throw new Error(t.portInUse(deps.port))
      })
      deps.log.info({ address }, 'status server listening')
      return address
    },
    async stop() {
      await app.close()
    },
  }
}
