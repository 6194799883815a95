import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { outbox } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { eventually } from '../support/eventually.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const GROUPS = ['1号楼群', '2号楼群', '3号楼群', '4号楼群']

function community(db: Database, clock: FakeClock): World {
  const w = new World(db, clock)
  w.group(STAFF, ['王主任'])
  for (const g of GROUPS) w.group(g, ['王主任', `${g}居民`])
  return w
}

describe('a broadcast interrupted by a crash', () => {
  let db: Database
  afterAll(async () => {
    await db?.close()
  })

  it('ends with exactly one copy of every part in every group after a restart', async () => {
    db = await testDatabase()
    const clock = new FakeClock()
    const first = community(db, clock)
    await first.start()
    for (const [i, g] of GROUPS.entries()) await first.say('王主任', `绑定 ${i + 1}号楼`, { room: g })

    // the puppet of the first process stops answering after 3 sends of the letter: a crash
    let sends = 0
    const send = first.puppet.messageSendText.bind(first.puppet)
    first.puppet.messageSendText = async (id: string, text: string) => {
      if (text.includes('【公开信 G') || /^\(\d+\/\d+\) /.test(text)) {
        if (++sends > 3) return new Promise<undefined>(() => {})
      }
      return send(id, text)
    }
    const body = Array.from({ length: 200 }, (_, i) => `第${i + 1}条说明。`).join('')
    await first.say('王主任', '发布公开信')
    await first.say('王主任', '断电演练')
    await first.say('王主任', body)
    await first.say('王主任', '跳过')
    await first.say('王主任', '全部')
    await first.say('王主任', '立即')
    // 确认: the reply comes back, the broadcast starts and hangs on the 4th part
    const confirmed = first.say('王主任', '确认').catch(() => undefined)
    const letterSoFar = () => new Map(GROUPS.map((g) => [g, first.said(g).filter((t) => !t.startsWith('@'))]))
    await eventually(async () => {
      expect(sends).toBeGreaterThan(3)
      expect([...letterSoFar().values()].flat()).toHaveLength(3)
    })
    const before = letterSoFar()

    // a new process on the same database, after the dead one's lease ran out
    clock.advance(5 * 60_000)
    const second = community(db, clock)
    await second.start()
    await second.flush()
    for (const g of GROUPS) {
      const all = [...before.get(g)!, ...second.said(g).filter((t) => !t.startsWith('@'))]
      expect(all).toHaveLength(2)
      expect(all[0]).toMatch(/^\(1\/2\) 【公开信 G1】断电演练/)
      expect(all[1]).toMatch(/^\(2\/2\) /)
      expect(all.map((t) => t.replace(/^\(\d\/2\) /, '')).join('')).toContain(body)
    }
    // and nothing was tried against the dead login's ids
    const rows = await db.db.select().from(outbox)
    expect(rows.filter((r) => r.idempotencyKey.startsWith('notice:')).map((r) => [r.status, r.attempts])).toEqual(
      Array.from({ length: GROUPS.length * 2 }, () => ['sent', 0]),
    )
    await second.stop()
    void confirmed
  })
})
