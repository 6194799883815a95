import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { jobRuns } from '../../src/db/schema.js'
import { createLogger } from '../../src/log.js'
import { createScheduler, type Job } from '../../src/scheduler/scheduler.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'

describe('scheduler', () => {
  let database: Database
  const clock = new FakeClock('2026-11-20T03:29:00+08:00')
  const runs: string[] = []
  let failNext = false
  const job: Job = {
    name: 'digest',
    cron: '30 3 * * *',
    async run({ slot }) {
      if (failNext) {
        failNext = false
        throw new Error('boom')
      }
      runs.push(slot.toISOString())
      return { ok: true }
    },
  }
  const make = () => createScheduler({ db: database.db, now: clock.now, timeZone: 'Asia/Shanghai', log: createLogger('silent'), jobs: [job] })
  const a = () => make()

  beforeAll(async () => {
    database = await testDatabase()
  })
  afterAll(async () => {
    await database?.close()
  })

  it('runs the latest missed slot once (catch-up), then only new slots, in the configured time zone', async () => {
    const s = a()
    expect(await s.runDue()).toBe(1)
    expect(runs).toEqual(['2026-11-18T19:30:00.000Z']) // yesterday 03:30 in Shanghai
    expect(await s.runDue()).toBe(0)
    clock.set('2026-11-20T03:30:00+08:00')
    expect(await s.runDue()).toBe(1)
    expect(runs.at(-1)).toBe('2026-11-19T19:30:00.000Z')
    clock.advance(59_000)
    expect(await s.runDue()).toBe(0)
    await s.stop()
  })

  it('runs a slot in exactly one of two processes', async () => {
    clock.set('2026-11-21T03:30:00+08:00')
    const [x, y] = [make(), make()]
    const ran = await Promise.all([x.runDue(), y.runDue(), x.runDue()])
    expect(ran.reduce((p, n) => p + n, 0)).toBe(1)
    expect(runs.filter((r) => r === '2026-11-20T19:30:00.000Z')).toHaveLength(1)
    await x.stop()
    await y.stop()
  })

  it('gives a failed slot back so that it is tried again', async () => {
    clock.set('2026-11-22T03:31:00+08:00')
    const s = make()
    failNext = true
    await s.runDue()
    expect(runs).not.toContain('2026-11-21T19:30:00.000Z')
    await s.runDue()
    expect(runs).toContain('2026-11-21T19:30:00.000Z')
    const rows = await database.db.select().from(jobRuns)
    expect(rows.every((r) => r.finishedAt !== null)).toBe(true)
    await s.stop()
  })
})
