import { like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InboundMessage } from '../../src/chat/types.js'
import type { Database } from '../../src/db/client.js'
import { outbox } from '../../src/db/schema.js'
import type { CommandHandler } from '../../src/kit/context.js'
import { testPipeline } from '../support/registry.js'
import { createPipeline } from '../../src/router/pipeline.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'

const closed = () => Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' })

describe('pipeline while the database is away', () => {
  let database: Database
  const clock = new FakeClock()
  let failuresLeft = 0
  let calls = 0
  const commands: Record<string, CommandHandler> = {
    帮助: async (ctx) => {
      calls++
      if (failuresLeft-- > 0) {
        // the outage lasts: by the clock, the message would be stale on a later try
        clock.advance(2 * 60_000)
        throw closed()
      }
      await ctx.reply(`答复${ctx.msg.id}`)
    },
  }
  let pipeline: ReturnType<typeof createPipeline>
  beforeAll(async () => {
    database = await testDatabase()
    pipeline = await testPipeline(database, { now: clock.now, handlers: commands })
  })
  afterAll(async () => {
    await database?.close()
  })

  const msg = (id: string, at: Date): InboundMessage => ({
    id,
    sentAt: at,
    isSelf: false,
    talker: { puppetId: 'wx_zhang', name: '张三' },
    type: 'text',
    text: '帮助',
    mentionsBot: false,
    mentions: [],
  })

  it('keeps the message and handles it once the database answers: one answer, no apology', async () => {
    failuresLeft = 3
    calls = 0
    const m = msg('away-1', clock.now())
    // staleness is judged by the first arrival, not by the try that succeeds
    expect(await pipeline.receive(m)).toBe('handled')
    expect(calls).toBe(4)
    const rows = await database.db.select().from(outbox).where(like(outbox.body, '%away-1%'))
    expect(rows).toHaveLength(1)
    expect(await database.db.select().from(outbox).where(like(outbox.body, '%抱歉%'))).toHaveLength(0)
  })

  it('a repeat of a handled message is a duplicate, not a second answer', async () => {
    expect(await pipeline.receive(msg('away-1', clock.now()))).toBe('duplicate')
    expect(await database.db.select().from(outbox).where(like(outbox.body, '%away-1%'))).toHaveLength(1)
  })

  it('gives up (logged) when the process stops while waiting', async () => {
    failuresLeft = 1_000
    const pending = pipeline.receive(msg('away-2', clock.now()))
    await new Promise((r) => setTimeout(r, 300))
    pipeline.stop()
    expect(await pending).toBe('failed')
  })
})
