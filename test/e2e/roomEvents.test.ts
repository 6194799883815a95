import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { people, roomMembers, rooms } from '../../src/db/schema.js'
import { testDatabase } from '../support/db.js'
import { eventually } from '../support/eventually.js'
import { World } from '../support/world.js'

describe('room events keep the group records current', () => {
  let world: World
  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group('居委工作群', ['王主任'])
    world.group('幸福里3号楼', ['王主任', '张三'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: '幸福里3号楼' })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  const roomByTopic = async (topic: string) => (await world.app.db.select().from(rooms).where(eq(rooms.topic, topic)))[0]

  it('records a group the bot is added to', async () => {
    const g5 = world.mocker.createRoom({ topic: '幸福里5号楼', memberIdList: [world.person('周五').id] })
    g5.add(world.me).by(world.person('周五'))
    const row = await eventually(async () => {
      const r = await roomByTopic('幸福里5号楼')
      expect(r).toBeDefined()
      return r!
    })
    expect(row.puppetId).toBe(g5.id)
    const members = await world.app.db.select().from(roomMembers).where(eq(roomMembers.roomId, row.id))
    expect(members.map((m) => m.nickname).sort()).toEqual(['共建助手', '周五'].sort())
  })

  it('records a member who joins', async () => {
    const g3 = world.mocker.RoomMock.load(world.groupId('幸福里3号楼')!)
    g3.add(world.person('新邻居')).by(world.person('张三'))
    await eventually(async () => {
      const rows = await world.app.db
        .select({ nickname: roomMembers.nickname })
        .from(roomMembers)
        .innerJoin(people, eq(people.id, roomMembers.personId))
        .where(eq(people.name, '新邻居'))
      expect(rows).toEqual([{ nickname: '新邻居' }])
    })
  })

  it('follows a topic change without losing the binding', async () => {
    const before = await roomByTopic('幸福里3号楼')
    const g3 = world.mocker.RoomMock.load(world.groupId('幸福里3号楼')!)
    g3.topic('幸福里3号楼（业主群）').by(world.person('张三'))
    const after = await eventually(async () => {
      const r = await roomByTopic('幸福里3号楼（业主群）')
      expect(r).toBeDefined()
      return r!
    })
    expect(after.id).toBe(before!.id)
    expect(after.buildingId).toBe(before!.buildingId)
  })
})
