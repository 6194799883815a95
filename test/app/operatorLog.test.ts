import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import { PuppetMock } from 'wechaty-puppet-mock'
import { createApp, type App } from '../../src/app.js'
import { testDatabase } from '../support/db.js'
import { FakeClock } from '../support/clock.js'

/** A pino logger at debug that keeps every line it writes. */
function capture() {
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>)
      done()
    },
  })
  return { log: pino({ level: 'debug' }, sink), lines }
}

describe('what the operator reads in the log', () => {
  let app: App | undefined
  afterAll(async () => {
    await app?.stop()
  })

  it('says once at start which puppet, database, port and staff groups are in use; routine jobs only at debug', async () => {
    const database = await testDatabase()
    const { log, lines } = capture()
    const clock = new FakeClock('2026-12-01T03:31:00+08:00')
    app = await createApp({
      puppet: new PuppetMock(),
      database,
      now: clock.now,
      log,
      config: { staffRoomTopics: ['甲居委工作群', '乙居委工作群'], sessionName: undefined, http: { host: '127.0.0.1', port: 9090 }, backup: { dir: '', cron: '0 3 * * *', keep: 0 } },
    })
    await app.runDue()
    const starting = lines.filter((l) => l.msg === 'starting')
    expect(starting).toHaveLength(1)
    expect(starting[0]).toMatchObject({
      level: 30,
      puppet: expect.stringMatching(/^wechaty-puppet-mock/),
      database: `${database.kind} ${database.label}`,
      httpPort: 9090,
      staffRooms: ['甲居委工作群', '乙居委工作群'],
    })
    expect(JSON.stringify(starting[0])).not.toMatch(/:\/\/[^@/]*:[^@/]*@/) // no password
    const done = lines.filter((l) => l.msg === 'job done')
    expect(done.length).toBeGreaterThan(3)
    expect(done.every((l) => l.level === 20)).toBe(true)
    await app.stop()
    app = undefined
    await database.close()
  })
})
