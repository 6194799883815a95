import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ChatGateway, MentionRef } from '../../src/chat/types.js'
import type { Database } from '../../src/db/client.js'
import { ensureBotAccount } from '../../src/db/botAccounts.js'
import { ensureCommunities } from '../../src/db/communities.js'
import { outbox, people, roomMembers, rooms } from '../../src/db/schema.js'
import { createLogger } from '../../src/log.js'
import { enqueueMessage } from '../../src/outbox/enqueue.js'
import { OutboxSender } from '../../src/outbox/sender.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'

interface Sent {
  to: string
  text: string
  at: number
  mentions?: MentionRef[]
}

/** A gateway that records what it sent, when, and can be told to fail for a chat. */
function recordingGateway(clock: FakeClock, failFor = new Set<string>()) {
  const sent: Sent[] = []
  const gateway: ChatGateway = {
    async sendText(to, text, mentions) {
      const chat = to.roomPuppetId ?? to.contactPuppetId ?? '?'
      if (failFor.has(chat)) throw new Error('发送被限制')
      sent.push({ to: chat, text, at: clock.now().getTime(), ...(mentions ? { mentions } : {}) })
    },
    async sendFile(to, file) {
      sent.push({ to: to.roomPuppetId ?? to.contactPuppetId ?? '?', text: `[图片 ${file.name}]`, at: clock.now().getTime() })
    },
    async loadImage() {
      throw new Error('not in these tests')
    },
    async announce() {
      return false
    },
  }
  return { gateway, sent, failFor }
}

const silent = createLogger('silent')
const NO_LIMITS = { chatIntervalMs: 0, switchIntervalMs: 0, perMinute: 0 }

describe('outbox sender', () => {
  let database: Database
  const clock = new FakeClock()
  let roomIds: number[] = []
  let staffRoomId = 0
  let communityId = 0

  beforeAll(async () => {
    database = await testDatabase()
    const [c] = await ensureCommunities(database.db, { staffRoomTopics: ['居委工作群'], now: clock.now() })
    communityId = c!.id
    const staff = await database.db
      .insert(rooms)
      .values({ topic: '居委工作群', kind: 'staff', communityId, puppetId: 'staff@chatroom', account: 'default', createdAt: clock.now() })
      .returning()
    staffRoomId = staff[0]!.id
    const made = await database.db
      .insert(rooms)
      .values(Array.from({ length: 50 }, (_, i) => ({ topic: `${i + 1}号楼群`, kind: 'building', communityId, puppetId: `g${i + 1}@chatroom`, account: 'default', createdAt: clock.now() })))
      .returning()
    roomIds = made.map((r) => r.id)
  })
  afterAll(async () => {
    await database?.close()
  })
  beforeEach(async () => {
    await database.db.delete(outbox)
  })

  const sender = (gateway: ChatGateway, rules = NO_LIMITS, maxAttempts = 3) =>
    new OutboxSender({ db: database.db, account: 'default', gateway, now: clock.now, rules, maxAttempts, log: silent })

  it('@-mentions people by their current id and their name in that group; only on the first part', async () => {
    const [a, b, gone] = await database.db
      .insert(people)
      .values([
        { name: '张阿姨', puppetId: 'wx-zhang', account: 'default', createdAt: clock.now() },
        { name: '王阿姨', puppetId: null, account: 'default', createdAt: clock.now() },
        { name: '已删除', puppetId: 'wx-gone', account: 'default', createdAt: clock.now() },
      ])
      .returning()
    await database.db.insert(roomMembers).values({ roomId: roomIds[0]!, personId: a!.id, nickname: '3-101张', updatedAt: clock.now() })
    await database.db.delete(people).where(eq(people.id, gone!.id))
    await enqueueMessage(database.db, { key: 'news', body: `进度${'很长'.repeat(600)}`, roomId: roomIds[0], mentions: [a!.id, b!.id, gone!.id], now: clock.now() })
    const { gateway, sent } = recordingGateway(clock)
    expect(await sender(gateway).drain({ wait: false })).toBe(2)
    // 张阿姨 by her group nickname, 王阿姨 (no id this login) by name, the erased person not at all
    expect(sent[0]!.mentions).toEqual([
      { puppetId: 'wx-zhang', name: '3-101张' },
      { puppetId: null, name: '王阿姨' },
    ])
    expect(sent[1]!.mentions).toBeUndefined()
  })

  it('writes a message once per idempotency key', async () => {
    for (let i = 0; i < 3; i++) await enqueueMessage(database.db, { key: 'k1', body: '你好', roomId: roomIds[0], now: clock.now() })
    const { gateway, sent } = recordingGateway(clock)
    expect(await sender(gateway).drain({ wait: false })).toBe(1)
    expect(sent).toEqual([{ to: 'g1@chatroom', text: '你好', at: clock.t }])
  })

  it('splits a long text into numbered parts and sends them in order', async () => {
    const body = Array.from({ length: 250 }, (_, i) => `第${i + 1}句话说明情况。`).join('')
    expect(body.length).toBeGreaterThan(2500)
    await enqueueMessage(database.db, { key: 'long', body, roomId: roomIds[0], now: clock.now() })
    const { gateway, sent } = recordingGateway(clock)
    await sender(gateway).drain({ wait: false })
    expect(sent.length).toBe(3)
    expect(sent.map((s) => s.text.slice(0, 6))).toEqual(['(1/3) ', '(2/3) ', '(3/3) '])
    expect(sent.map((s) => s.text.slice(6)).join('')).toBe(body)
    expect(sent.every((s) => s.text.length <= 1000)).toBe(true)
  })

  it('lets a reply jump ahead of a broadcast in progress', async () => {
    for (const [i, roomId] of roomIds.slice(0, 10).entries()) {
      await enqueueMessage(database.db, { key: `bc:${i}`, body: `广播 ${i}`, roomId, now: clock.now(), priority: 'background' })
    }
    const { gateway, sent } = recordingGateway(clock)
    const s = sender(gateway, { chatIntervalMs: 0, switchIntervalMs: 1000, perMinute: 0 })
    await s.drain({ wait: false })
    expect(sent.map((x) => x.text)).toEqual(['广播 0'])
    clock.advance(1000)
    await enqueueMessage(database.db, { key: 'reply-now', body: '@张三 您好', roomId: roomIds[20], now: clock.now() })
    await s.drain({ wait: false })
    expect(sent.map((x) => x.text)).toEqual(['广播 0', '@张三 您好'])
  })

  it('keeps a scheduled message until its time', async () => {
    const at = new Date(clock.t + 3_600_000)
    await enqueueMessage(database.db, { key: 'later', body: '明天见', roomId: roomIds[1], now: clock.now(), notBefore: at })
    const { gateway, sent } = recordingGateway(clock)
    const s = sender(gateway)
    expect(await s.drain({ wait: false })).toBe(0)
    clock.advance(3_599_999)
    expect(await s.drain({ wait: false })).toBe(0)
    clock.advance(1)
    expect(await s.drain({ wait: false })).toBe(1)
    expect(sent[0]?.at).toBe(at.getTime())
  })

  it.each([
    // 3 s between chats: 20 a minute, the per-minute cap never binds
    { rules: { chatIntervalMs: 1000, switchIntervalMs: 3000, perMinute: 40 }, minimum: 49 * 3000 },
    // 0.5 s between chats: 40 in the first 19.5 s, then the 41st waits for the first to leave the minute
    { rules: { chatIntervalMs: 1000, switchIntervalMs: 500, perMinute: 40 }, minimum: 60_000 + 9 * 500 },
  ])('paces 50 groups by the configured spacing under a fake clock ($rules.switchIntervalMs ms)', async ({ rules, minimum }) => {
    for (const [i, roomId] of roomIds.entries()) {
      await enqueueMessage(database.db, { key: `n:${i}`, body: `通知 ${i}`, roomId, now: clock.now() })
    }
    const { gateway, sent } = recordingGateway(clock)
    const s = sender(gateway, rules)
    const start = clock.t
    const step = 250
    for (let guard = 0; sent.length < 50 && guard < 10_000; guard++) {
      await s.drain({ wait: false })
      clock.advance(step)
    }
    expect(sent).toHaveLength(50)
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(rules.switchIntervalMs)
    for (let i = 40; i < sent.length; i++) expect(sent[i]!.at - sent[i - 40]!.at).toBeGreaterThanOrEqual(60_000)
    // no slower than the limits make necessary (up to the clock's step)
    expect(sent[49]!.at - start).toBeGreaterThanOrEqual(minimum)
    expect(sent[49]!.at - start).toBeLessThanOrEqual(minimum + step)
  })

  it('never sends a row twice when two senders drain together', async () => {
    for (let i = 0; i < 40; i++) await enqueueMessage(database.db, { key: `pair:${i}`, body: `消息 ${i}`, roomId: roomIds[i % 5], now: clock.now() })
    const a = recordingGateway(clock)
    const b = recordingGateway(clock)
    const [na, nb] = await Promise.all([sender(a.gateway).drain({ wait: false }), sender(b.gateway).drain({ wait: false })])
    expect(na + nb).toBe(40)
    const texts = [...a.sent, ...b.sent].map((s) => s.text).sort()
    expect(new Set(texts).size).toBe(40)
  })

  it('sends only the rows of its own account: another account’s group is that account’s to reach', async () => {
    await ensureBotAccount(database.db, { name: 'other-bot', now: clock.now() })
    const [theirs] = await database.db
      .insert(rooms)
      .values({ account: 'other-bot', topic: '别的社区1号楼', kind: 'building', communityId, puppetId: 'other@chatroom', createdAt: clock.now() })
      .returning()
    await enqueueMessage(database.db, { key: 'acct:mine', body: '本账号的群', roomId: roomIds[0], now: clock.now() })
    await enqueueMessage(database.db, { key: 'acct:theirs', body: '别的账号的群', roomId: theirs!.id, now: clock.now() })
    const [row] = await database.db.select({ account: outbox.account }).from(outbox).where(eq(outbox.idempotencyKey, 'acct:theirs'))
    expect(row?.account).toBe('other-bot')
    const mine = recordingGateway(clock)
    expect(await sender(mine.gateway).drain({ wait: false })).toBe(1)
    expect(mine.sent.map((s) => s.text)).toEqual(['本账号的群'])
    const other = recordingGateway(clock)
    const otherSender = new OutboxSender({ db: database.db, account: 'other-bot', gateway: other.gateway, now: clock.now, rules: NO_LIMITS, maxAttempts: 3, log: silent })
    expect(await otherSender.drain({ wait: false })).toBe(1)
    expect(other.sent).toEqual([expect.objectContaining({ to: 'other@chatroom', text: '别的账号的群' })])
  })

  it('resumes after a crash: a claimed but unsent row goes out once the lease ends', async () => {
    await enqueueMessage(database.db, { key: 'crash', body: '断电前', roomId: roomIds[2], now: clock.now() })
    // a sender claimed it and died before sending
    await database.db.update(outbox).set({ status: 'sending', leaseUntil: new Date(clock.t + 120_000) })
    const { gateway, sent } = recordingGateway(clock)
    const s = sender(gateway)
    expect(await s.drain({ wait: false })).toBe(0)
    clock.advance(120_001)
    expect(await s.drain({ wait: false })).toBe(1)
    expect(await s.drain({ wait: false })).toBe(0)
    expect(sent.map((x) => x.text)).toEqual(['断电前'])
  })

  it('retries with backoff and, after the last try, tells the staff group', async () => {
    await enqueueMessage(database.db, { key: 'fails', body: '请大家注意安全', roomId: roomIds[3], communityId, now: clock.now() })
    const { gateway, sent, failFor } = recordingGateway(clock, new Set(['g4@chatroom']))
    const s = sender(gateway, NO_LIMITS, 3)
    expect(await s.drain({ wait: false })).toBe(0)
    let [row] = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'fails'))
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row!.notBefore.getTime()).toBeGreaterThan(clock.t)
    clock.advance(5_000)
    await s.drain({ wait: false })
    clock.advance(10_000)
    await s.drain({ wait: false })
    ;[row] = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'fails'))
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: '发送被限制' })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toBe('staff@chatroom')
    expect(sent[0]!.text).toContain('发送失败')
    expect(sent[0]!.text).toContain('4号楼群')
    failFor.clear()
    expect(staffRoomId).toBeGreaterThan(0)
  })
  it('acks of one kind waiting in one group go as one message @-mentioning all; others stay as they are', async () => {
    const ps = await database.db
      .insert(people)
      .values(['甲', '乙', '丙', '丁', '戊'].map((name, i) => ({ name: `${name}居民`, puppetId: `wx-ack-${i}`, account: 'default', createdAt: clock.now() })))
      .returning()
    const ack = (key: string, person: number, room: number | null, kind = 'ballot:7') =>
      enqueueMessage(database.db, {
        key,
        body: `已收到您家的票（T7）`,
        ...(room !== null ? { roomId: room } : { personId: person }),
        mentions: room !== null ? [person] : [],
        coalesce: { key: kind, body: '已收到以上各户的票（T7）' },
        now: clock.now(),
      })
    await ack('a', ps[0]!.id, roomIds[0]!)
    await enqueueMessage(database.db, { key: 'question', body: '投票 T7 的项目：…', roomId: roomIds[0], mentions: [ps[4]!.id], now: clock.now() })
    await ack('b', ps[1]!.id, roomIds[0]!)
    await ack('c', ps[2]!.id, roomIds[0]!)
    await ack('d', ps[3]!.id, roomIds[1]!)
    await ack('e', ps[4]!.id, roomIds[0]!, 'rating:8')
    await ack('f', ps[4]!.id, null)
    const { gateway, sent } = recordingGateway(clock)
    expect(await sender(gateway).drain({ wait: false })).toBe(5)
    const names = (m?: MentionRef[]) => (m ?? []).map((x) => x.name)
    expect(sent.map((x) => [x.to, x.text, names(x.mentions)])).toEqual([
      ['g1@chatroom', '已收到以上各户的票（T7）', ['甲居民', '乙居民', '丙居民']],
      ['g1@chatroom', '投票 T7 的项目：…', ['戊居民']],
      ['g2@chatroom', '已收到您家的票（T7）', ['丁居民']],
      ['g1@chatroom', '已收到您家的票（T7）', ['戊居民']],
      ['wx-ack-4', '已收到您家的票（T7）', []],
    ])
    const rows = await database.db.select().from(outbox)
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
    // off: every ack on its own
    await database.db.delete(outbox)
    await ack('a2', ps[0]!.id, roomIds[0]!)
    await ack('b2', ps[1]!.id, roomIds[0]!)
    const off = recordingGateway(clock)
    const plain = new OutboxSender({ db: database.db, account: 'default', gateway: off.gateway, now: clock.now, rules: NO_LIMITS, maxAttempts: 3, log: silent, coalesce: false })
    expect(await plain.drain({ wait: false })).toBe(2)
  })

  it('a merged ack that fails gives its others back, to go on their next try', async () => {
    const [p1, p2] = await database.db
      .insert(people)
      .values([{ name: '失败一', puppetId: 'wx-f1', account: 'default', createdAt: clock.now() }, { name: '失败二', puppetId: 'wx-f2', account: 'default', createdAt: clock.now() }])
      .returning()
    for (const [key, p] of [['x', p1!], ['y', p2!]] as const) {
      await enqueueMessage(database.db, { key, body: '已收到', roomId: roomIds[2], mentions: [p.id], coalesce: { key: 'ballot:9', body: '已收到以上各户的票' }, now: clock.now() })
    }
    const { gateway, failFor } = recordingGateway(clock, new Set(['g3@chatroom']))
    await sender(gateway).drain({ wait: false })
    const rows = await database.db.select().from(outbox)
    // neither lost nor stuck as claimed: y was given back, then tried (and failed) on its own
    expect(rows.map((r) => [r.idempotencyKey, r.status, r.attempts]).sort()).toEqual([
      ['x', 'pending', 1],
      ['y', 'pending', 1],
    ])
    failFor.clear()
  })
})
