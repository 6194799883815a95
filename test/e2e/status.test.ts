import { and, count, eq, gt, inArray, lte } from 'drizzle-orm'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox, rooms } from '../../src/db/schema.js'
import { enqueueMessage } from '../../src/outbox/enqueue.js'
import type { StatusReport } from '../../src/features/status/index.js'
import { testDatabase } from '../support/db.js'
import { eventually } from '../support/eventually.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '幸福里3号楼'
const QR = 'https://login.weixin.qq.com/l/test-qr-code-123'

/** A local receiver for the operator webhook. */
async function receiver(): Promise<{ url: string; got: Record<string, unknown>[]; close(): Promise<void> }> {
  const got: Record<string, unknown>[] = []
  const app: FastifyInstance = Fastify()
  app.post('/hook', async (req) => {
    got.push(req.body as Record<string, unknown>)
    return { ok: true }
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return { url: `${url}/hook`, got, close: () => app.close() }
}

describe('status server, 状态, re-login notice, webhook', () => {
  let world: World
  let base: string
  let hook: Awaited<ReturnType<typeof receiver>>
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers })
  const status = async () => (await (await get('/status')).json()) as StatusReport

  beforeAll(async () => {
    hook = await receiver()
    world = new World(await testDatabase(), undefined, { http: { host: '127.0.0.1', port: 'any' }, opsWebhook: hook.url })
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '张三'])
    await world.start({ login: false })
    base = world.app.statusUrl()!
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
    await hook?.close()
  })

  it('listens on a port of its own and says 503 before login', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await get('/healthz')
    expect(res.status).toBe(503)
    const body = (await res.json()) as { ok: boolean; reason: string }
    expect(body.ok).toBe(false)
    expect(body.reason).toContain('未登录')
    expect((await status()).loggedIn).toBe(false)
  })

  it('shows the QR code on /login after a scan event', async () => {
    const html = await (await get('/status', { accept: 'text/html' })).text()
    expect(html).toContain('登录：未登录，11月20日 09:00 启动后等待扫码')
    const before = await (await get('/login')).text()
    expect(before).toContain('等待二维码')
    expect(before).not.toContain('<img')
    world.scan(QR)
    const page = await eventually(async () => {
      const html = await (await get('/login')).text()
      expect(html).toContain('<img')
      return html
    })
    expect(page).toMatch(/<img id="qr" alt="登录二维码" src="data:image\/png;base64,[A-Za-z0-9+/=]{200,}">/)
    expect(page).toContain('http-equiv="refresh"')
  })

  it('counts the outbox as it is: due, oldest, scheduled, failed in 24 h', async () => {
    const db = world.app.db
    const now = world.clock.now()
    const ago = (ms: number) => new Date(now.getTime() - ms)
    // the bot is not logged in: nothing is sent, the rows stay as written
    for (let i = 0; i < 3; i++) await enqueueMessage(db, { key: `t-due-${i}`, body: '待发', puppetTo: 'nobody', account: 'default', now: ago(600_000 - i * 1000) })
    for (let i = 0; i < 2; i++) await enqueueMessage(db, { key: `t-later-${i}`, body: '定时', puppetTo: 'nobody', account: 'default', now, notBefore: new Date(now.getTime() + 3_600_000) })
    await enqueueMessage(db, { key: 't-failed-new', body: '失败', puppetTo: 'nobody', account: 'default', now: ago(3_600_000) })
    await enqueueMessage(db, { key: 't-failed-old', body: '失败', puppetTo: 'nobody', account: 'default', now: ago(3 * 86_400_000) })
    await db.update(outbox).set({ status: 'failed' }).where(inArray(outbox.idempotencyKey, ['t-failed-new', 't-failed-old']))

    const r = await status()
    const waiting = inArray(outbox.status, ['pending', 'sending'])
    const [due] = await db.select({ n: count() }).from(outbox).where(and(waiting, lte(outbox.notBefore, now)))
    const [later] = await db.select({ n: count() }).from(outbox).where(and(waiting, gt(outbox.notBefore, now)))
    expect(r.outbox).toEqual({ pending: due!.n, oldestPendingSeconds: 600, scheduled: later!.n, failed24h: 1 })
    expect(r.outbox.pending).toBe(3)
    expect(r.outbox.scheduled).toBe(2)
    const html = await (await get('/status', { accept: 'text/html' })).text()
    expect(html).toContain('待发消息：3 条，最早的已等 10分钟')
    await db.delete(outbox).where(inArray(outbox.idempotencyKey, ['t-due-0', 't-due-1', 't-due-2', 't-later-0', 't-later-1', 't-failed-new', 't-failed-old']))
  })

  it('is healthy once logged in; /login says 已登录', async () => {
    await world.login()
    const res = await get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    const page = await (await get('/login')).text()
    expect(page).toContain('已登录')
    expect(page).not.toContain('<img')
    const r = await status()
    expect(r.loggedIn).toBe(true)
    expect(r.name).toBe('共建助手')
    const [known] = await world.app.db.select({ n: count() }).from(rooms)
    expect(r.groups).toEqual({ known: known!.n, present: 2 })
    expect(r.jobs.map((j) => j.name)).toContain('close-rounds')
  })

  it('answers 状态 to staff in the staff group or privately, refuses others', async () => {
    await world.say('王主任', '状态', { room: STAFF })
    const said = world.lastSaid(STAFF)
    expect(said).toContain('共建助手状态')
    expect(said).toContain('登录：已登录「共建助手」')
    expect(said).toContain('群：已知 2 个，在群 2 个')
    expect(said).toContain('24小时内发送失败：0 条')
    expect(said).toContain('定时任务最近运行：')
    await world.say('王主任', '机器人状态？')
    expect(world.lastSaid('王主任')).toContain('共建助手状态')
    await world.say('张三', '状态')
    expect(world.lastSaid('张三')).toBe('只有居委工作人员可以查看机器人状态。')
    await world.say('王主任', '状态', { room: G3 })
    expect(world.lastSaid(G3)).toContain('请在居委工作群或私聊里查看机器人状态。')
    await world.say('王主任', '帮助', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('状态')
  })

  it('on logout: 503, a webhook POST; on re-login the staff hear how long and what piled up', async () => {
    await world.logout()
    expect((await get('/healthz')).status).toBe(503)
    await world.app.webhookIdle()
    expect(hook.got.find((e) => e.event === 'logout')).toMatchObject({ source: 'gongjian', event: 'logout', name: '共建助手' })
    world.scan(`${QR}-2`)
    await eventually(async () => expect(await (await get('/login')).text()).toContain('<img'))
    // something to send while away: it waits for the login
    const [staff] = await world.app.db.select().from(rooms).where(eq(rooms.topic, STAFF))
    world.clock.advance(30 * 60_000)
    await enqueueMessage(world.app.db, { key: 't-while-away', body: '离线时要发的消息', roomId: staff!.id, now: world.clock.now() })
    await world.login()
    await eventually(async () => {
      await world.flush()
      const back = world.said(STAFF).find((t) => t.startsWith('共建助手已重新上线'))
      expect(back).toBeDefined()
      expect(back).toMatch(/\d\d:\d\d 至 11月20日 \d\d:\d\d离线/)
      expect(back).toContain('微信也不会补发')
      expect(back).toContain('积压了 1 条')
    })
    expect(world.said(STAFF)).toContain('离线时要发的消息')
    expect((await get('/healthz')).status).toBe(200)
  })

  it('posts to the webhook when a message is given up after the last try', async () => {
    await enqueueMessage(world.app.db, { key: 't-undeliverable', body: '发不出去的消息', puppetTo: 'no-such-contact', account: 'default', now: world.clock.now() })
    await eventually(async () => {
      world.clock.advance(60_000)
      await world.flush()
      await world.app.webhookIdle()
      expect(hook.got.find((e) => e.event === 'send-failed')).toMatchObject({ event: 'send-failed', message: expect.stringContaining('发不出去的消息') })
    }, 10_000)
    expect((await status()).outbox.failed24h).toBe(1)
    expect((await status()).lastError?.message).toContain('giving up')
  })

  it('says 503 when the database is gone', async () => {
    await world.app.settle()
    await world.db.close()
    const res = await get('/healthz')
    expect(res.status).toBe(503)
    expect(((await res.json()) as { reason: string }).reason).toContain('数据库')
    // /status still shows what the process knows
    const st = await get('/status')
    expect(st.status).toBe(503)
    expect(await st.json()).toMatchObject({ loggedIn: true, database: 'unreachable' })
    // stop() cannot close the session on a closed database: a fresh app would be needed
    await world.stop().catch(() => {})
    world = undefined as unknown as World
  })
})
