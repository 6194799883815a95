import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isPostgresUrl, type Database } from '../../src/db/client.js'
import { testDatabase } from '../support/db.js'
import { eventually } from '../support/eventually.js'
import { World } from '../support/world.js'

const PG = isPostgresUrl(process.env.DATABASE_URL)
const STAFF = '居委工作群'
const PEOPLE = ['甲', '乙', '丙', '丁']
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Terminates every other backend of the test database, as a failover or an admin would. */
const TERMINATE = 'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'

describe.skipIf(!PG)('database blips (Postgres): terminated connections mid-traffic', () => {
  let db: Database & { url: string }
  let world: World
  let admin: postgres.Sql
  const faults: unknown[] = []
  const onFault = (err: unknown) => void faults.push(err)

  beforeAll(async () => {
    process.on('uncaughtException', onFault)
    process.on('unhandledRejection', onFault)
    db = await testDatabase()
    admin = postgres(db.url, { max: 1, onnotice: () => {} })
    world = new World(db)
    world.group(STAFF, ['王主任'])
    await world.start()
  })
  afterAll(async () => {
    await world?.stop().catch(() => {})
    await admin?.end()
    await db?.close()
    process.off('uncaughtException', onFault)
    process.off('unhandledRejection', onFault)
  })

  /** private messages the bot answers with a hint that repeats them: one answer per message */
  const ask = (who: string, i: number) => world.say(who, `问${who}${i}`, { flush: false })
  const answersTo = (who: string, i: number) => world.said(who).filter((t) => t.includes(`「问${who}${i}」`)).length

  it('keeps running, answers every message exactly once, through repeated terminations', async () => {
    const perPerson = 12
    let killed = 0
    let stop = false
    const killer = (async () => {
      for (let round = 0; round < 5 && !stop; round++) {
        await sleep(150 + Math.random() * 150)
        killed += (await admin.unsafe(TERMINATE))[0]!.n as number
      }
    })()
    await Promise.all(
      PEOPLE.map(async (who) => {
        for (let i = 0; i < perPerson; i++) {
          await ask(who, i)
          await sleep(20)
        }
      }),
    )
    stop = true
    await killer
    expect(killed).toBeGreaterThan(0)
    // the sender's own loop delivers what was enqueued, also after the blips
    await eventually(async () => {
      for (const who of PEOPLE) expect(world.said(who).length).toBe(perPerson)
    }, 30_000)
    for (const who of PEOPLE) for (let i = 0; i < perPerson; i++) expect(answersTo(who, i), `${who}${i}`).toBe(1)
    expect(faults).toEqual([])
  }, 60_000)

  it('answers the next message after a blip', async () => {
    await admin.unsafe(TERMINATE)
    await ask('甲', 100)
    await eventually(async () => expect(answersTo('甲', 100)).toBe(1), 15_000)
    expect(faults).toEqual([])
  })

  it('goes on with a renewed pool (what the watchdog and the last-resort handler do)', async () => {
    const renewed = world.app.recoverDatabase()
    await ask('丙', 300)
    await renewed
    await ask('丙', 301)
    await eventually(async () => {
      expect(answersTo('丙', 300)).toBe(1)
      expect(answersTo('丙', 301)).toBe(1)
    }, 15_000)
    expect(faults).toEqual([])
  })

  it('keeps a message that arrives while the database refuses connections and answers it when it is back', async () => {
    const name = new URL(db.url).pathname.slice(1)
    // from another database: a database cannot close its own doors
    const owner = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
    await owner.unsafe(`alter database ${name} allow_connections false`)
    await owner.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`)
    await admin.end().catch(() => {})
    const handled = ask('乙', 200)
    await sleep(1_500)
    expect(answersTo('乙', 200)).toBe(0)
    await owner.unsafe(`alter database ${name} allow_connections true`)
    await owner.end()
    admin = postgres(db.url, { max: 1, onnotice: () => {} })
    expect(await handled).toBe('handled')
    await eventually(async () => expect(answersTo('乙', 200)).toBe(1), 15_000)
    expect(faults).toEqual([])
  }, 30_000)
})
