import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { scrubEverywhere, textColumns } from '../../src/db/scrub.js'
import { conversations, people } from '../../src/db/schema.js'
import { testDatabase } from '../support/db.js'

describe('scrubbing a name out of every text column', () => {
  let database: Database
  const now = new Date('2026-12-01T09:00:00+08:00')
  beforeAll(async () => {
    database = await testDatabase()
  })
  afterAll(async () => database?.close())

  it('lists the free-text columns and leaves keys, ids and topics alone', async () => {
    const cols = (await textColumns(database.db)).map((c) => `${c.table}.${c.column}`)
    expect(cols).toContain('outbox.body')
    expect(cols).toContain('inbound_messages.text')
    expect(cols).toContain('conversations.state')
    expect(cols).not.toContain('outbox.idempotency_key')
    expect(cols).not.toContain('rooms.topic')
    expect(cols).not.toContain('ballots.voter_key')
  })

  it('replaces inside JSON strings only: a name that looks like JSON syntax cannot break a state', async () => {
    const [p] = await database.db.insert(people).values({ name: '老王', account: 'default', createdAt: now }).returning()
    const state = { fileIds: [1, 2], name: '1,2号', note: 'null', names: ['1,2', 'null'] }
    await database.db.insert(conversations).values({ chatKey: 'private', personId: p!.id, name: 'intake', version: 1, step: 'what', state, expiresAt: now, updatedAt: now })
    await scrubEverywhere(database.db, { replacements: [['1,2', '某居民'], ['null', '某居民'], ['name', '某居民']] })
    const [row] = await database.db.select().from(conversations).where(eq(conversations.personId, p!.id))
    expect(row!.state).toEqual({ fileIds: [1, 2], name: '某居民号', note: '某居民', names: ['某居民', '某居民'] })
  })
})
