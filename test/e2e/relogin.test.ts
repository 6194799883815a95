import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { people, roomMembers, rooms } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const G3 = '幸福里3号楼'
const STAFF = '居委工作群'

/** Same people and groups, but a new login: every puppet id is new. */
function community(db: Database, clock: FakeClock): World {
  const w = new World(db, clock)
  w.group(STAFF, ['王主任'])
  w.group(G3, ['王主任', '张三', '李四', '钱七'])
  return w
}

describe('re-login where every puppet id changed', () => {
  let db: Database
  const clock = new FakeClock()
  let first: World
  let second: World
  const counts = async () => ({
    rooms: (await db.db.select().from(rooms)).length,
    people: (await db.db.select().from(people)).length,
  })

  beforeAll(async () => {
    db = await testDatabase()
    first = community(db, clock)
    await first.start()
    await first.say('王主任', '绑定 3号楼', { room: G3 })
    await first.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
    await first.say('李四', '登记 3号楼 502', { room: G3 })
    await first.say('张三', '确认', { room: G3, mentions: ['李四'] })
    await first.say('钱七', '登记 3号楼 601')
    await first.stop()
    clock.advance(3_600_000)
    second = community(db, clock)
    await second.start()
  })
  afterAll(async () => {
    await second?.stop()
    await db?.close()
  })

  it('tells the staff how long it was away', () => {
    expect(second.lastSaid(STAFF)).toMatch(/共建助手已重新上线。11月20日 \d\d:\d\d 至 11月20日 \d\d:\d\d离线/)
  })

  it('uses new ids for everything', () => {
    expect(second.me.id).not.toBe(first.me.id)
    expect(second.person('张三').id).not.toBe(first.person('张三').id)
  })

  it('finds the same group rows by topic and the same people by nickname, creating none', async () => {
    const after = await counts()
    expect(after).toEqual({ rooms: 2, people: 5 })
    const [g3] = await db.db.select().from(rooms).where(eq(rooms.topic, G3))
    expect(g3?.puppetId).toBe(second.groupId(G3))
    expect(g3?.buildingId).not.toBeNull()
    const [zhang] = await db.db.select().from(people).where(eq(people.name, '张三'))
    expect(zhang?.puppetId).toBe(second.person('张三').id)
  })

  it('still knows the staff, the building head and the confirmed household', async () => {
    await second.say('王主任', '帮助', { room: G3 })
    expect(second.lastSaid(G3)).toContain('绑定 3号楼')
    await second.say('李四', '我的信息')
    expect(second.lastSaid('李四')).toContain('3号楼 502，已确认')
    await second.say('张三', '确认', { room: G3, mentions: ['李四'] })
    expect(second.lastSaid(G3)).toContain('之前已确认')
  })

  it('recognises someone in private chat by name and household', async () => {
    const [before] = await db.db.select().from(people).where(eq(people.name, '钱七'))
    await second.say('钱七', '我的信息')
    expect(second.lastSaid('钱七')).toContain('3号楼 601')
    const [after] = await db.db.select().from(people).where(eq(people.name, '钱七'))
    expect(after?.id).toBe(before?.id)
  })

  it('does not hand a live mapping to a look-alike who joins later', async () => {
    const members = await db.db.select().from(roomMembers)
    const g3Nicknames = members.map((m) => m.nickname)
    expect(g3Nicknames.filter((n) => n === '张三')).toHaveLength(1)
    // a second "张三" (new contact, same nickname) speaks in the group after the real one was seen
    const impostor = second.newPerson('张三')
    second.addToGroup(G3, impostor)
    await second.sayAs(impostor, '确认', { room: G3, mentions: ['李四'] })
    expect(second.lastSaid(G3)).toContain('只有楼组长或居委工作人员可以确认邻居的登记。')
    const zhangs = await db.db.select().from(people).where(eq(people.name, '张三'))
    expect(zhangs).toHaveLength(2)
  })
})
