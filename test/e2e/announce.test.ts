import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../support/db.js'
import { FakeClock } from '../support/clock.js'
import { World } from '../support/world.js'

describe('group announcements (群公告)', () => {
  let world: World
  const announced: { roomId: string; text: string }[] = []
  let supported = true

  beforeAll(async () => {
    world = new World(await testDatabase(), new FakeClock(), { announce: true })
    world.group('居委工作群', ['王主任'])
    world.group('3号楼群', ['王主任'])
    world.group('5号楼群', ['王主任'])
    const original = world.puppet.roomAnnounce.bind(world.puppet)
    world.puppet.roomAnnounce = (async (roomId: string, text?: string) => {
      if (text === undefined) return original(roomId)
      if (!supported) throw new Error('roomAnnounce unsupported')
      announced.push({ roomId, text })
    }) as typeof world.puppet.roomAnnounce
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: '3号楼群' })
    await world.say('王主任', '绑定 5号楼', { room: '5号楼群' })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  async function publish(title: string, where: string) {
    for (const text of ['发布通知', title, '请大家知悉。', '跳过', where, '立即', '确认']) await world.say('王主任', text)
  }

  it('posts the notice as the group announcement when the puppet allows it', async () => {
    await publish('电梯检修', '3号楼')
    expect(announced).toHaveLength(1)
    expect(announced[0]!.roomId).toBe(world.groupId('3号楼群'))
    expect(announced[0]!.text).toContain('【通知 G1】电梯检修')
    expect(world.said('3号楼群').some((t) => t.includes('电梯检修'))).toBe(false)
  })

  it('falls back to a normal message when it does not', async () => {
    supported = false
    await publish('消防演练', '5号楼')
    expect(announced.some((a) => a.text.includes('消防演练'))).toBe(false)
    expect(world.said('5号楼群').some((t) => t.includes('【通知 G2】消防演练'))).toBe(true)
  })
})
