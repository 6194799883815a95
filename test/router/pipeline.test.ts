import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InboundMessage } from '../../src/chat/types.js'
import type { Database } from '../../src/db/client.js'
import { inboundMessages, outbox, people } from '../../src/db/schema.js'
import { AppError } from '../../src/domain/errors.js'
import type { CommandHandler } from '../../src/kit/context.js'
import { testPipeline } from '../support/registry.js'
import { createPipeline } from '../../src/router/pipeline.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'

let seq = 0
function message(talker: string, text: string, over: Partial<InboundMessage> = {}, clock?: FakeClock): InboundMessage {
  return {
    id: `m${++seq}`,
    sentAt: clock?.now() ?? new Date('2026-11-20T01:00:00Z'),
    isSelf: false,
    talker: { puppetId: `wx_${talker}`, name: talker },
    room: { puppetId: 'r1@chatroom', topic: '幸福里3号楼' },
    type: 'text',
    text,
    mentionsBot: true,
    mentions: [],
    ...over,
  }
}

describe('pipeline', () => {
  let database: Database
  const clock = new FakeClock('2026-11-20T09:00:00+08:00')
  const order: string[] = []
  let enqueued = 0

  const commands: Record<string, CommandHandler> = {
    // "登记" is slow, "帮助" fast: the same talker's messages must still finish in order
    登记: async (ctx, args) => {
      await new Promise((r) => setTimeout(r, 30))
      order.push(`${ctx.person.name}:登记${args}`)
      await ctx.reply('慢')
    },
    帮助: async (ctx) => {
      order.push(`${ctx.person.name}:帮助`)
      await ctx.reply('快')
    },
    我的信息: async () => {
      throw new Error('database on fire')
    },
    绑定: async (ctx) => {
      // a change, then a refusal: the change must not survive
      await ctx.db.update(people).set({ name: '改过了' }).where(eq(people.id, ctx.person.id))
      await ctx.reply('这句不该发出')
      throw new AppError('FORBIDDEN', '只有居委工作人员可以绑定群。')
    },
  }

  let pipeline: ReturnType<typeof createPipeline>
  beforeAll(async () => {
    database = await testDatabase()
    pipeline = await testPipeline(database, { now: clock.now, handlers: commands, onEnqueued: () => enqueued++ })
  })
  afterAll(async () => {
    await database?.close()
  })

  it('handles one talker in order, others concurrently', async () => {
    // first sightings create rows (and so wait on each other's unique keys): get them done
    await Promise.all([pipeline.receive(message('张三', '你好', { mentionsBot: false }, clock)), pipeline.receive(message('李四', '你好', { mentionsBot: false }, clock))])
    const results = await Promise.all([
      pipeline.receive(message('张三', '登记 1', {}, clock)),
      pipeline.receive(message('张三', '帮助', {}, clock)),
      pipeline.receive(message('李四', '帮助', {}, clock)),
    ])
    expect(results).toEqual(['handled', 'handled', 'handled'])
    expect(order.indexOf('张三:登记1')).toBeLessThan(order.indexOf('张三:帮助'))
    // 李四 did not wait behind 张三's slow command (PGlite has one connection: there it must)
    if (database.kind === 'postgres') expect(order.indexOf('李四:帮助')).toBeLessThan(order.indexOf('张三:登记1'))
  })

  it('drops own messages without logging them', async () => {
    const m = message('共建助手', '帮助', { isSelf: true }, clock)
    expect(await pipeline.receive(m)).toBe('self')
    expect(await database.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, m.id))).toHaveLength(0)
  })

  it('survives a crashing handler: logs it, apologises, and goes on', async () => {
    const bad = message('王五', '我的信息', {}, clock)
    expect(await pipeline.receive(bad)).toBe('failed')
    const [logged] = await database.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, bad.id))
    expect(logged).toMatchObject({ status: 'failed', error: 'database on fire' })
    const replies = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, `reply:${logged!.id}:error`))
    // the talker is @-mentioned for real: the puppet puts the name in front
    const [wang] = await database.db.select().from(people).where(eq(people.puppetId, 'wx_王五'))
    expect(replies[0]).toMatchObject({ body: expect.stringMatching(/^抱歉/), mentions: [wang!.id] })
    expect(await pipeline.receive(message('王五', '帮助', {}, clock))).toBe('handled')
  })

  it('rolls back a refused command and sends only the explanation', async () => {
    const m = message('赵六', '绑定 3号楼', {}, clock)
    await pipeline.receive(m)
    const [logged] = await database.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, m.id))
    const replies = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, `reply:${logged!.id}:0`))
    const [person] = await database.db.select().from(people).where(eq(people.puppetId, 'wx_赵六'))
    expect(replies.map((r) => [r.body, r.mentions])).toEqual([['只有居委工作人员可以绑定群。', [person!.id]]])
    expect(person?.name).toBe('赵六')
  })

  it('treats a private message as addressed, a group message only with a mention', async () => {
    expect(await pipeline.receive(message('钱七', '帮助', { room: undefined, mentionsBot: false }, clock))).toBe('handled')
    expect(await pipeline.receive(message('钱七', '帮助', { mentionsBot: false }, clock))).toBe('ignored')
  })

  it('tells the sender after each transaction that queued a reply', () => {
    expect(enqueued).toBeGreaterThanOrEqual(5)
  })
})
