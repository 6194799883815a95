import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/client.js'
import { inboundMessages, jobRuns } from '../../../src/db/schema.js'
import { purgeInbound } from '../../../src/features/ops/index.js'
import { testDatabase } from '../../support/db.js'

const DAY = 86_400_000

describe('daily housekeeping', () => {
  let database: Database
  const now = new Date('2026-11-20T03:30:00+08:00')
  const ago = (days: number) => new Date(now.getTime() - days * DAY)

  beforeAll(async () => {
    database = await testDatabase()
    const msg = (id: string, days: number) => ({ messageId: id, type: 'text', text: `话 ${id}`, sentAt: ago(days), receivedAt: ago(days), status: 'ignored' })
    await database.db.insert(inboundMessages).values([msg('old', 91), msg('edge', 89), msg('new', 0)])
    await database.db.insert(jobRuns).values([
      { job: 'expire-dialogs', slot: ago(31), startedAt: ago(31) },
      { job: 'expire-dialogs', slot: ago(1), startedAt: ago(1) },
    ])
  })
  afterAll(async () => {
    await database?.close()
  })

  it('blanks texts older than the retention and forgets old job slots, keeping the rest', async () => {
    expect(await purgeInbound({ db: database.db, now, retentionDays: 90 })).toEqual({ blanked: 1, jobRunsDeleted: 1 })
    const rows = await database.db.select({ id: inboundMessages.messageId, text: inboundMessages.text }).from(inboundMessages).orderBy(inboundMessages.id)
    expect(rows).toEqual([
      { id: 'old', text: null },
      { id: 'edge', text: '话 edge' },
      { id: 'new', text: '话 new' },
    ])
    expect(await database.db.select().from(jobRuns)).toHaveLength(1)
    // run again: nothing more to do
    expect(await purgeInbound({ db: database.db, now, retentionDays: 90 })).toEqual({ blanked: 0, jobRunsDeleted: 0 })
  })
})
