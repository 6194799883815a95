import { eq } from 'drizzle-orm'
import type { MessageInterface } from 'wechaty/impls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InboundMessage } from '../../src/chat/types.js'
import { toInbound, wechatyGateway } from '../../src/chat/wechaty.js'
import { conversations, files, outbox, rooms } from '../../src/db/schema.js'
import { keepAttachment } from '../../src/kit/understand/attachments.js'
import { FakeClock } from '../support/clock.js'
import { testCtx } from '../support/ctx.js'
import { testDatabase } from '../support/db.js'
import { BOT_NAME, type SayOptions } from '../support/mockCommunity.js'
import { World } from '../support/world.js'

const G3 = '幸福里3号楼'

/** What the adapter makes of each kind of message, and the real @mention of replies in groups. */
describe('the Wechaty adapter and the mock harness', () => {
  let world: World
  const clock = new FakeClock('2026-12-01T09:00:00+08:00')
  const seen = new Map<string, { msg: MessageInterface; inbound: InboundMessage }>()

  beforeAll(async () => {
    world = new World(await testDatabase(), clock)
    world.group('居委工作群', ['王主任'])
    world.group(G3, ['王主任', '张阿姨', '李大爷'])
    await world.start()
    world.app.bot.on('message', async (m) => {
      if (!m.self()) seen.set(m.id, { msg: m, inbound: await toInbound(world.app.bot, m, BOT_NAME) })
    })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  async function inbound(who: string, text: string, opts: SayOptions): Promise<InboundMessage> {
    const id = `shape-${seen.size}-${Math.random()}`
    await world.say(who, text, { ...opts, id })
    for (let i = 0; i < 100 && !seen.has(id); i++) await new Promise((r) => setTimeout(r, 5))
    return seen.get(id)!.inbound
  }

  it('keeps a location pin’s name and coordinates on the message', async () => {
    const m = await inbound('李大爷', '', { type: 'location', place: { name: '幸福里小区东门', address: '幸福路1号', latitude: 31.21, longitude: 121.44 } })
    expect(m).toMatchObject({ type: 'location', place: { name: '幸福里小区东门', address: '幸福路1号', latitude: 31.21, longitude: 121.44 } })
    // privately, with no command, a pin starts a 随手拍 with that place
    expect(world.lastSaid('李大爷')).toContain('地点记为「幸福里小区东门」')
    await world.say('李大爷', '取消')
  })

  it('names every other type plainly', async () => {
    for (const type of ['voice', 'video', 'link', 'mini-program', 'file', 'sticker', 'contact', 'chat-history', 'money', 'recalled'] as const) {
      expect((await inbound('李大爷', '', { type })).type, type).toBe(type)
    }
    expect((await inbound('李大爷', '', { type: 'file' })).fileName).toBe('通知.pdf')
    expect((await inbound('李大爷', '', { type: 'link' })).card).toMatchObject({ title: expect.stringContaining('mock title') })
  })

  it('keeps a voice message as a file with its length, when asked to', async () => {
    const m = await inbound('李大爷', '', { type: 'voice', voiceMs: 12_000 })
    const file = await wechatyGateway(world.app.bot).loadImage(m.id)
    expect(file.durationMs).toBe(12_000)
    const ctx = await testCtx(world.app.db, { type: 'voice' })
    ctx.loadImage = async () => file
    const kept = await keepAttachment(ctx)
    expect(kept).toMatchObject({ durationMs: 12_000, name: expect.stringMatching(/\.sil$/) })
    expect(await world.app.db.select().from(files).where(eq(files.id, kept.fileId))).toHaveLength(1)
  })

  it('splits a quote-reply: the new words are the text; a quote of the bot counts as speaking to it', async () => {
    const m = await inbound('李大爷', '2 4', { room: G3, mention: false, quote: { text: '【居民投票 T3】请为小区微更新项目投票' } })
    expect(m).toMatchObject({ text: '2 4', mentionsBot: false, quote: { name: BOT_NAME, text: '【居民投票 T3】请为小区微更新项目投票', fromBot: true } })
    const other = await inbound('李大爷', '我也觉得', { room: G3, mention: false, quote: { name: '张阿姨', text: '@共建助手 建议 路灯坏了' } })
    expect(other).toMatchObject({ text: '我也觉得', mentionsBot: false, quote: { name: '张阿姨', fromBot: false } })
    const workpro = await inbound('李大爷', '2 4', { room: G3, quote: { text: '【居民投票 T3】', format: 'workpro' } })
    expect(workpro).toMatchObject({ text: '2 4', mentionsBot: true })
    expect(workpro.quote).toBeUndefined()
  })

  it('@-mentions the talker for real in a group reply, with the name in front as before', async () => {
    await world.say('张阿姨', '帮助', { room: G3 })
    expect(world.lastSaid(G3).startsWith('@张阿姨 ')).toBe(true)
    expect(world.saidTo(G3, '张阿姨').at(-1)).toBe(world.lastSaid(G3))
    const [room] = await world.app.db.select().from(rooms).where(eq(rooms.topic, G3))
    const rows = await world.app.db.select().from(outbox).where(eq(outbox.roomId, room!.id))
    const last = rows.sort((a, b) => a.id - b.id).at(-1)!
    expect(last.body.startsWith('@')).toBe(false)
    expect(last.mentions).toHaveLength(1)
  })

  it('lets an unanswered question lapse without a word', async () => {
    await world.say('张阿姨', '登计 3号楼 101', { room: G3 })
    expect(world.lastSaid(G3)).toBe('@张阿姨 您是想「登记 3号楼 101」吗？回复「是」')
    expect(await world.app.db.select().from(conversations)).toHaveLength(1)
    const before = world.transcript.length
    clock.advance(11 * 60_000)
    await world.flush()
    expect(await world.app.db.select().from(conversations)).toHaveLength(0)
    expect(world.transcript.length).toBe(before)
  })
})
