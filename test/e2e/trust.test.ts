import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { ballots, inboundMessages, people, roles, rooms } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { eventually } from '../support/eventually.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '幸福里3号楼'

const staffRooms = async (db: Database) => (await db.db.select().from(rooms).where(eq(rooms.kind, 'staff'))).map((r) => r.topic)

describe('the staff group is bound once, deliberately', () => {
  let world: World
  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '张三', '坏人'])
    world.group('坏人的群', ['坏人'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('binds the first group with the configured topic and tells that group and the terminal', () => {
    expect(world.said(STAFF)[0]).toContain('本群已设为居委工作群：群成员就是居委工作人员')
    expect(world.operatorLines.some((l) => l.includes('staff group bound') && l.includes(STAFF))).toBe(true)
    // bound by its topic: no code is printed
    expect(world.operatorLines.some((l) => l.includes('binding code'))).toBe(false)
  })

  it('does not make a new group with the staff topic staff, and reports it to the real staff group', async () => {
    const fake = world.mocker.createRoom({ topic: STAFF, memberIdList: [world.person('坏人').id] })
    fake.add(world.me).by(world.person('坏人'))
    await eventually(async () => expect(world.app.db.select().from(rooms).where(eq(rooms.puppetId, fake.id))).resolves.toHaveLength(1))
    await world.app.settle()
    await world.flush()
    expect(await staffRooms(world.db)).toEqual([STAFF])
    expect(world.lastSaid(STAFF)).toContain('出现了一个也叫「居委工作群」的群，它不是本社区的居委工作群')
    expect(world.operatorLines.some((l) => l.includes('gained nothing'))).toBe(true)
  })

  it('gives the members of such a group nothing: no lists, no exports, no rounds, no roles', async () => {
    const fake = (await world.app.db.select().from(rooms).where(eq(rooms.topic, STAFF))).find((r) => r.kind === 'other')!
    const inFake = async (text: string) => {
      await world.say('坏人', text, { roomId: fake.puppetId! })
      return world.transcript.at(-1)!.text
    }
    expect(await inFake('建议列表')).toContain('请在居委工作群或私聊里')
    expect(await inFake('开启投票 P1-P2 每户1票 截止 明天20:00')).toMatch(/居委工作群|居委工作人员/)
    const inPrivate = async (text: string) => {
      await world.say('坏人', text)
      return world.lastSaid('坏人')
    }
    expect(await inPrivate('建议列表')).toContain('只有居委')
    expect(await inPrivate('导出')).toContain('只有居委')
    expect(await inPrivate('开启投票 P1-P2 每户1票 截止 明天20:00')).toContain('只有居委')
    await world.say('坏人', '楼组长', { room: G3, mentions: ['坏人'] })
    expect(world.lastSaid(G3)).toContain('只有居委工作人员可以指定楼组长')
    await world.say('坏人', '绑定 5号楼', { room: G3 })
    expect(world.lastSaid(G3)).toContain('只有居委工作人员可以绑定群')
  })

  it('does not make a renamed group staff either', async () => {
    const own = world.mocker.RoomMock.load(world.groupId('坏人的群')!)
    own.topic(STAFF).by(world.person('坏人'))
    await eventually(async () => {
      const [row] = await world.app.db.select().from(rooms).where(eq(rooms.puppetId, own.id))
      expect(row?.topic).toBe(STAFF)
    })
    await world.app.settle()
    await world.flush()
    expect(await staffRooms(world.db)).toEqual([STAFF])
    expect(world.lastSaid(STAFF)).toContain('有一个群改名为「居委工作群」的群')
    await world.say('坏人', '导出')
    expect(world.lastSaid('坏人')).toContain('只有居委')
  })

  it('moves the staff group only when the old one confirms', async () => {
    world.group('居委新工作群', ['王主任', '李干事'])
    const room = world.mocker.RoomMock.load(world.groupId('居委新工作群')!)
    room.add(world.me).by(world.person('王主任'))
    await eventually(async () => expect(world.app.db.select().from(rooms).where(eq(rooms.topic, '居委新工作群'))).resolves.toHaveLength(1))
    await world.app.settle()
    // someone who is not staff cannot ask
    await world.say('李干事', '换工作群', { room: '居委新工作群' })
    expect(world.lastSaid('居委新工作群')).toContain('只有居委工作人员可以换工作群')
    await world.say('王主任', '换工作群', { room: '居委新工作群' })
    expect(world.lastSaid('居委新工作群')).toContain('请在原来的工作群「居委工作群」里 @我 说「确认换群」')
    expect(world.lastSaid(STAFF)).toContain('申请把居委工作群换到「居委新工作群」')
    // not yet: the new group is not staff until confirmed
    await world.say('李干事', '导出')
    expect(world.lastSaid('李干事')).toContain('只有居委')
    await world.say('王主任', '确认换群', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已把居委工作群换到「居委新工作群」')
    expect(world.lastSaid('居委新工作群')).toContain('本群现在是「居委工作群」的居委工作群')
    expect(await staffRooms(world.db)).toEqual(['居委新工作群'])
    await world.say('李干事', '建议列表')
    expect(world.lastSaid('李干事')).not.toContain('只有居委')
  })
})

describe('binding the staff group with the one-time code', () => {
  let world: World
  beforeAll(async () => {
    world = new World(await testDatabase(), new FakeClock(), { staffRoomTopics: ['幸福里居委'] })
    world.group('工作群（临时）', ['王主任'])
    world.group('随便一个群', ['路人'])
    await world.start()
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  const code = () => /binding code: (\d{4}-\d{4})/.exec(world.operatorLines.join('\n'))?.[1]

  it('prints a code when no group has the staff topic, and no group is staff', async () => {
    expect(code()).toMatch(/^\d{4}-\d{4}$/)
    expect(await staffRooms(world.db)).toEqual([])
  })

  it('refuses a wrong code and changes nothing', async () => {
    await world.say('路人', '绑定工作群 0000-0000', { room: '随便一个群' })
    expect(world.lastSaid('随便一个群')).toContain('绑定码不对')
    expect(await staffRooms(world.db)).toEqual([])
    await world.say('路人', '绑定工作群', { room: '随便一个群' })
    expect(world.lastSaid('随便一个群')).toContain('请带上启动共建助手时电脑上显示的绑定码')
  })

  it('binds the group where the right code is said (spaces, full-width digits and no dash are fine)', async () => {
    const digits = code()!.replace('-', '')
    const wide = [...digits].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('')
    await world.say('王主任', `绑定工作群 ${wide.slice(0, 4)} ${wide.slice(4)}`, { room: '工作群（临时）' })
    expect(world.lastSaid('工作群（临时）')).toContain('本群现在是「幸福里居委」的居委工作群')
    expect(await staffRooms(world.db)).toEqual(['工作群（临时）'])
    // used up
    await world.say('路人', `绑定工作群 ${code()}`, { room: '随便一个群' })
    expect(world.lastSaid('随便一个群')).toContain('绑定码不对')
    expect(await staffRooms(world.db)).toEqual(['工作群（临时）'])
  })

  it('a group that later takes the configured topic gains nothing', async () => {
    const own = world.mocker.RoomMock.load(world.groupId('随便一个群')!)
    own.topic('幸福里居委').by(world.person('路人'))
    await eventually(async () => {
      const [row] = await world.app.db.select().from(rooms).where(eq(rooms.puppetId, own.id))
      expect(row?.topic).toBe('幸福里居委')
    })
    await world.app.settle()
    expect(await staffRooms(world.db)).toEqual(['工作群（临时）'])
  })
})

describe('one household, one ballot — through erasure and registering again', () => {
  let world: World
  const clock = new FakeClock('2026-12-01T09:00:00+08:00')
  beforeAll(async () => {
    world = new World(await testDatabase(), clock)
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '张三', '李四', '王五'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
    await world.say('李四', '登记 3号楼 502', { room: G3 })
    await world.say('张三', '确认', { room: G3, mentions: ['李四'] })
    await world.say('李四', '建议 3号楼门口路灯坏了', { room: G3 })
    await world.say('李四', '跳过', { room: G3, mention: false })
    await world.say('李四', '提交', { room: G3, mention: false })
    await world.say('王主任', '建议 3号楼车棚太挤')
    await world.say('王主任', '跳过')
    await world.say('王主任', '提交')
    await world.say('王主任', '合并 J1 为 路灯维修', { room: STAFF })
    await world.say('王主任', '合并 J2 为 车棚扩建', { room: STAFF })
    await world.say('王主任', '开启投票 P1-P2 每户1票 截止 明天20:00', { room: STAFF })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('keeps the first ballot counted once, and lets the re-registered household replace it, never add one', async () => {
    await world.say('李四', '投票 1')
    expect(world.lastSaid('李四')).toContain('已投（T1）：P1')
    await world.say('李四', '删除我的信息')
    await world.say('李四', '确认删除')
    expect(world.lastSaid('李四')).toContain('已删除您的信息')
    expect(await world.app.db.select().from(ballots)).toHaveLength(1)
    // the same door again, confirmed again
    await world.say('李四', '登记 3号楼 502', { room: G3 })
    await world.say('张三', '确认', { room: G3, mentions: ['李四'] })
    await world.say('李四', '投票 2')
    const all = await world.app.db.select().from(ballots)
    expect(all).toHaveLength(1)
    expect(all[0]!.dots).toEqual([2])
    await world.say('王主任', '结束投票 T1', { room: STAFF })
    expect(world.said(G3).find((t) => t.startsWith('【投票结果 T1】'))).toContain('共 1 户投票')
  })

  it('tells the head when someone registers into a door already confirmed for another person', async () => {
    await world.say('王五', '登记 3号楼 502')
    expect(world.lastSaid('王五')).toContain('这户已有邻居登记并确认过，楼组长会先核实')
    expect(world.lastSaid('张三')).toContain('王五 登记为 3号楼 502')
    expect(world.lastSaid('张三')).toContain('这个门牌已确认登记了 李四')
    await world.say('张三', '确认', { room: G3, mentions: ['王五'] })
    expect(world.lastSaid(G3)).toContain('与 李四 同一户，一户一票')
    expect(world.lastSaid(G3)).not.toContain('502')
  })
})

describe('after a re-login, look-alikes inherit nothing', () => {
  let db: Database
  const clock = new FakeClock()
  let second: World

  beforeAll(async () => {
    db = await testDatabase()
    const first = new World(db, clock)
    first.group(STAFF, ['王主任'])
    // a look-alike of the staff group too, with someone else in it
    first.mocker.createRoom({ topic: STAFF, memberIdList: [first.me.id, first.person('坏人').id] })
    first.group(G3, ['王主任', '张三', '李四', '赵六'])
    first.addToGroup(G3, first.newPerson('张三'))
    await first.start()
    await first.say('王主任', '绑定 3号楼', { room: G3 })
    await first.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
    await first.say('张三', '登记 3号楼 101', { room: G3 })
    await first.say('王主任', '确认', { room: G3, mentions: ['张三'] })
    await first.say('李四', '登记 3号楼 502', { room: G3 })
    await first.say('赵六', '登记 3号楼 601', { room: G3 })
    await first.stop()
    clock.advance(3_600_000)
    second = new World(db, clock)
    second.mocker.createRoom({ topic: STAFF, memberIdList: [second.me.id, second.person('坏人').id] })
    second.group(STAFF, ['王主任'])
    second.group(G3, ['王主任', '张三', '李四', '赵六'])
    second.addToGroup(G3, second.newPerson('张三'))
    await second.start()
  })
  afterAll(async () => {
    await second?.stop()
    await db?.close()
  })

  it('gives neither 张三 the household or the head role, and says so', async () => {
    expect(second.said(G3).join('\n')).toContain('本群有不止一位叫「张三」的成员，我分不清谁是之前登记过的那位')
    expect(second.said(STAFF).join('\n')).toContain('无法确认谁是原来的 张三（楼组长）')
    await second.say('张三', '确认', { room: G3, mentions: ['李四'] })
    expect(second.lastSaid(G3)).toContain('只有楼组长或居委工作人员可以确认邻居的登记。')
    await second.say('张三', '我的信息')
    expect(second.lastSaid('张三')).toContain('未登记')
    const held = await db.db.select().from(people).where(eq(people.name, '张三'))
    expect(held.filter((p) => p.identityHeldAt !== null)).toHaveLength(1)
    expect(held.filter((p) => p.householdId !== null && p.puppetId !== null)).toHaveLength(0)
  })

  it('gives the staff group back to the group whose members match, not to its look-alike', async () => {
    const staff = await db.db.select().from(rooms).where(eq(rooms.kind, 'staff'))
    expect(staff.map((r) => r.puppetId)).toEqual([second.groupId(STAFF)])
    await second.say('坏人', '导出')
    expect(second.lastSaid('坏人')).toContain('只有居委')
    await second.say('王主任', '导出')
    expect(second.lastSaid('王主任')).not.toContain('只有居委')
  })

  it('keeps unambiguous people as they were', async () => {
    await second.say('赵六', '我的信息')
    expect(second.lastSaid('赵六')).toContain('3号楼 601')
    const [head] = await db.db.select().from(roles).where(eq(roles.role, 'building_head'))
    expect(head).toBeDefined()
  })

  it('lets 张三 register again, confirmed by staff, and act as head once re-appointed', async () => {
    await second.say('张三', '登记 3号楼 101', { room: G3 })
    await second.say('王主任', '确认', { room: G3, mentions: ['张三'] })
    await second.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
    await second.say('张三', '确认', { room: G3, mentions: ['李四'] })
    expect(second.lastSaid(G3)).toContain('已确认：李四，3号楼')
  })
})

describe('every message gets an answer', () => {
  let world: World
  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '张三'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('answers a message with U+0000 in a group and logs it', async () => {
    expect(await world.say('张三', '帮\u0000助', { room: G3 })).toBe('handled')
    expect(world.lastSaid(G3)).toContain('您可以对我说')
    await world.say('张三', '\u0000\u0001\u0007', { room: G3 })
    expect(world.lastSaid(G3)).toContain('发「帮助」看看我能做什么')
  })

  it('answers U+0000 inside a dialog and goes on with it', async () => {
    await world.say('张三', '建议', { room: G3 })
    expect(await world.say('张三', '楼道灯\u0000坏了', { room: G3, mention: false })).toBe('handled')
    expect(world.lastSaid(G3)).not.toContain('抱歉')
    await world.say('张三', '取消', { room: G3, mention: false })
  })

  it('never cuts an emoji in half: a council sign-up whose name is cut at an emoji goes on', async () => {
    // 11 characters, then an emoji across the 12-character cut of the name
    const name = '张三丰张三丰张三丰张三😀好'
    world.addToGroup(G3, world.person(name))
    await world.say(name, '报名议事员')
    expect(world.lastSaid(name)).not.toContain('抱歉')
    await world.say(name, '好')
    const reply = world.lastSaid(name)
    expect(reply).not.toContain('抱歉')
    expect(reply).toContain('楼')
    await world.say(name, '取消')
  })

  it('keeps no words of chatter that is not for the bot', async () => {
    await world.say('张三', '今晚一起跳广场舞吗', { room: G3, mention: false })
    const rows = await world.app.db.select().from(inboundMessages)
    expect(rows.some((r) => r.text?.includes('广场舞'))).toBe(false)
    expect(rows.some((r) => r.status === 'ignored')).toBe(true)
  })
})

describe('a message that arrives after a re-login but before the groups are synced', () => {
  let db: Database
  const clock = new FakeClock()
  let second: World
  beforeAll(async () => {
    db = await testDatabase()
    const first = new World(db, clock)
    first.group(STAFF, ['王主任'])
    first.group(G3, ['王主任', '李四'])
    await first.start()
    await first.say('王主任', '绑定 3号楼', { room: G3 })
    await first.say('李四', '登记 3号楼 502', { room: G3 })
    await first.say('王主任', '确认', { room: G3, mentions: ['李四'] })
    await first.stop()
    clock.advance(3_600_000)
    second = new World(db, clock)
    second.group(STAFF, ['王主任'])
    second.group(G3, ['王主任', '李四'])
    await second.start({ login: false })
  })
  afterAll(async () => {
    await second?.stop()
    await db?.close()
  })

  it('waits for the sync, so the person is recognised by the member list, not guessed from the message', async () => {
    second.mocker.login(second.me)
    const early = second.say('李四', '我的信息', { room: G3 })
    await new Promise((r) => setTimeout(r, 50))
    const synced = new Promise<void>((resolve) => second.app.events.once('rooms-synced', () => resolve()))
    second.puppet.emit('ready', { data: '' })
    await synced
    expect(await early).toBe('handled')
    await second.flush()
    expect(second.lastSaid(G3)).toContain('3号楼（门牌私聊我可看），已确认')
    expect(await db.db.select().from(people).where(eq(people.name, '李四'))).toHaveLength(1)
  })
})
