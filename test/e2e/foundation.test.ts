import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { World } from '../support/world.js'
import { testDatabase } from '../support/db.js'

describe('foundation: binding, registration, help', () => {
  let world: World
  beforeAll(async () => {
    const db = await testDatabase()
    world = new World(db)
    world.group('居委工作群', ['王主任', '李干事'])
    world.group('幸福里3号楼', ['王主任', '张三', '李四', '赵阿姨'])
    await world.start()
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('binds a group to a building', async () => {
    await world.say('王主任', '绑定 三号楼', { room: '幸福里3号楼' })
    expect(world.lastSaid('幸福里3号楼')).toContain('本群已绑定为3号楼')
  })

  it('asks for help', async () => {
    await world.say('张三', '帮助', { room: '幸福里3号楼' })
    expect(world.lastSaid('幸福里3号楼')).toContain('登记 3号楼 502')
    console.log(world.transcript)
  })
})
