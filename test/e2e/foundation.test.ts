import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { erasures, inboundMessages, outbox, people, roles, rooms } from '../../src/db/schema.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const G3 = '幸福里3号楼'
const G5 = '幸福里5号楼'
const STAFF = '居委工作群'

async function personRow(world: World, name: string) {
  const [row] = await world.app.db.select().from(people).where(eq(people.name, name))
  return row
}

describe('foundation: groups, buildings, households, help', () => {
  let world: World
  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group(STAFF, ['王主任', '李干事'])
    world.group(G3, ['王主任', '张三', '李四', '赵阿姨', '孙大爷', '二号楼刘姐'])
    world.group(G5, ['李干事', '周五', '吴六'])
    world.group('广场舞队', ['赵阿姨', '周五'])
    await world.start()
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('records its groups at start; the staff group is known by its topic', async () => {
    const all = await world.app.db.select().from(rooms)
    expect(all.map((r) => r.topic).sort()).toEqual([STAFF, '广场舞队', G3, G5].sort())
    expect(all.find((r) => r.topic === STAFF)?.kind).toBe('staff')
  })

  it('answers help before binding, and hints at unknown commands', async () => {
    await world.say('张三', '帮助', { room: G3 })
    const help = world.lastSaid(G3)
    expect(help.startsWith('@张三 ')).toBe(true)
    expect(help).toContain('登记 3号楼 502')
    expect(help).not.toContain('绑定')
    await world.say('张三', '今天天气怎么样', { room: G3 })
    expect(world.lastSaid(G3)).toContain('发「帮助」')
    await world.say('张三', '我想登记一下', { room: G3 })
    expect(world.lastSaid(G3)).toContain('「登记」')
    // a command for later stages answers with what is (not yet) there
    await world.say('张三', '评价 P3 5 很满意', { room: G3 })
    expect(world.lastSaid(G3)).toContain('现在没有等待评价的项目')
  })


  it('ignores chatter that does not @ the bot', async () => {
    const before = world.transcript.length
    expect(await world.say('李四', '大家好，今晚停水吗？', { room: G3, mention: false })).toBe('ignored')
    expect(world.transcript.length).toBe(before)
  })

  it('understands "@<bot name>" in the text even without a mention list', async () => {
    await world.say('李四', '@共建助手 帮助', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('@李四 您可以对我说')
  })

  it('lets only staff bind, and only in a group', async () => {
    await world.say('张三', '绑定 3号楼', { room: G3 })
    expect(world.lastSaid(G3)).toContain('只有居委工作人员可以绑定群')
    await world.say('王主任', '绑定 3号楼', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('居委工作群，不能绑定')
    await world.say('王主任', '绑定 3号楼')
    expect(world.lastSaid('王主任')).toContain('请在要绑定的楼栋群里')
    await world.say('王主任', '绑定', { room: G3 })
    expect(world.lastSaid(G3)).toContain('例如「绑定 3号楼」')
    const [g3] = await world.app.db.select().from(rooms).where(eq(rooms.topic, G3))
    expect(g3?.buildingId).toBeNull()
  })

  it('binds a group to a building, tolerant of how it is written', async () => {
    await world.say('王主任', '＃绑定：三号楼', { room: G3 })
    expect(world.lastSaid(G3)).toContain('本群已绑定为3号楼')
    await world.say('李干事', '/绑定 5栋', { room: G5 })
    expect(world.lastSaid(G5)).toContain('本群已绑定为5号楼')
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    expect(world.lastSaid(G3)).toContain('已是3号楼的群')
  })

  it('makes a building head, only by staff, only in a bound group', async () => {
    await world.say('李四', '楼组长', { room: G3, mentions: ['张三'] })
    expect(world.lastSaid(G3)).toContain('只有居委工作人员可以指定楼组长')
    await world.say('王主任', '楼组长', { room: G3 })
    expect(world.lastSaid(G3)).toContain('请 @ 要办理的人')
    await world.say('李干事', '楼组长', { room: STAFF, mentions: ['王主任'] })
    expect(world.lastSaid(STAFF)).toContain('还没绑定楼栋')
    await world.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
    expect(world.lastSaid(G3)).toContain('张三 现在是3号楼的楼组长')
    const zhang = await personRow(world, '张三')
    const heads = await world.app.db.select().from(roles).where(eq(roles.personId, zhang!.id))
    expect(heads).toHaveLength(1)
  })

  it('finds an @name typed in the text when the puppet gives no mention list', async () => {
    await world.say('王主任', '楼组长 @二号楼刘姐', { room: G3 })
    // looked up as typed, not normalised to "2号楼刘姐"
    expect(world.lastSaid(G3)).toContain('二号楼刘姐 现在是3号楼的楼组长')
    await world.say('王主任', '楼组长 @没这个人', { room: G3 })
    expect(world.lastSaid(G3)).toContain('本群里找不到「没这个人」')
  })

  it('registers households and refuses bad input without changing anything', async () => {
    await world.say('李四', '登记 三号楼 五零二', { room: G3 })
    // the door is never said back in a group
    expect(world.lastSaid(G3)).toBe('@李四 已登记3号楼（门牌不在群里显示）。请楼组长 @我 说「确认 @李四」。')
    await world.say('李四', '登记 3号楼 502', { room: G3 })
    expect(world.lastSaid(G3)).toContain('已登记过 3号楼（等楼组长确认）')
    await world.say('李四', '登记 3号楼 602', { room: G3 })
    expect(world.lastSaid(G3)).toContain('不能重复登记')
    expect(world.said(G3).filter((t) => t.startsWith('@李四') && t.includes('登记')).slice(-3).join('\n')).not.toMatch(/502|602/)
    await world.say('李四', '登记 3号楼 502')
    expect(world.lastSaid('李四')).toContain('已登记过 3号楼 502')
    await world.say('赵阿姨', '登记 9号楼 101', { room: G3 })
    expect(world.lastSaid(G3)).toContain('还没有9号楼')
    await world.say('赵阿姨', '登记 我家', { room: G3 })
    expect(world.lastSaid(G3)).toContain('例如「登记 3号楼 502」')
    expect((await personRow(world, '赵阿姨'))?.householdId).toBeNull()
    expect((await personRow(world, '李四'))?.householdId).not.toBeNull()
  })

  it('lets the head (not others) confirm a registration', async () => {
    await world.say('赵阿姨', '确认', { room: G3, mentions: ['李四'] })
    expect(world.lastSaid(G3)).toContain('只有楼组长或居委工作人员可以确认邻居的登记。')
    expect((await personRow(world, '李四'))?.householdConfirmedAt).toBeNull()
    // not a head: the router refuses before the use-case looks at 吴六
    await world.say('周五', '确认', { room: G5, mentions: ['吴六'] })
    expect(world.lastSaid(G5)).toBe('@周五 只有楼组长或居委工作人员可以确认邻居的登记。')
    await world.say('李干事', '确认', { room: G5, mentions: ['吴六'] })
    expect(world.lastSaid(G5)).toContain('吴六 还没有登记')
    await world.say('张三', '确认', { room: G3, mentions: ['李四'] })
    // the door number stays out of the group
    expect(world.lastSaid(G3)).toBe('@张三 已确认：李四，3号楼。')
    expect((await personRow(world, '李四'))?.householdConfirmedAt).not.toBeNull()
    await world.say('张三', '确认', { room: G3, mentions: ['李四'] })
    expect(world.lastSaid(G3)).toContain('之前已确认')
  })

  it('does not let a head confirm their own registration, but staff may', async () => {
    await world.say('张三', '登记 3号楼 301', { room: G3 })
    await world.say('张三', '确认', { room: G3, mentions: ['张三'] })
    expect(world.lastSaid(G3)).toContain('自己的登记请另一位楼组长或居委确认')
    expect((await personRow(world, '张三'))?.householdConfirmedAt).toBeNull()
    await world.say('王主任', '确认', { room: G3, mentions: ['张三'] })
    expect(world.lastSaid(G3)).toContain('已确认：张三')
  })

  it('explains a building that no group is bound to yet', async () => {
    await world.say('周五', '登记 7号楼 101', { room: '广场舞队' })
    expect(world.lastSaid('广场舞队')).toContain('本社区还没有7号楼（没有群绑定到这栋楼）')
  })

  it('shows each role what it can do', async () => {
    await world.say('李四', '?', { room: G3 })
    const resident = world.lastSaid(G3)
    await world.say('张三', '菜单', { room: G3 })
    const head = world.lastSaid(G3)
    await world.say('王主任', '帮助', { room: G3 })
    const staff = world.lastSaid(G3)
    expect(resident).not.toContain('确认 @邻居')
    expect(head).toContain('确认 @邻居')
    expect(head).not.toContain('绑定 3号楼')
    expect(staff).toContain('绑定 3号楼')
    expect(staff).toContain('楼组长 @张三')
    await world.say('王主任', '帮助')
    expect(world.lastSaid('王主任')).toContain('在楼栋群里还可以')
    for (const text of [resident, head, staff]) expect(text.split('\n').length).toBeLessThanOrEqual(10)
  })

  it('registers privately and tells the heads privately', async () => {
    await world.say('孙大爷', '登记 3号楼 1101')
    expect(world.lastSaid('孙大爷')).toContain('已登记 3号楼 1101，等楼组长确认')
    expect(world.lastSaid('张三')).toContain('孙大爷 登记为 3号楼 1101')
  })

  it('shows what is stored, hiding the door number in a group', async () => {
    await world.say('李四', '我的信息', { room: G3 })
    const inGroup = world.lastSaid(G3)
    expect(inGroup).toContain('3号楼（门牌私聊我可看）')
    expect(inGroup).not.toContain('502')
    await world.say('李四', '我的信息')
    expect(world.lastSaid('李四')).toContain('3号楼 502，已确认')
    await world.say('张三', '我的信息', { room: G3 })
    expect(world.lastSaid(G3)).toContain('3号楼楼组长')
  })

  it('handles a duplicate message event once', async () => {
    const before = world.said(G3).length
    expect(await world.say('李四', '帮助', { room: G3, id: 'dup-1' })).toBe('handled')
    expect(await world.say('李四', '帮助', { room: G3, id: 'dup-1' })).toBe('duplicate')
    expect(world.said(G3).length).toBe(before + 1)
    const logged = await world.app.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, 'dup-1'))
    expect(logged).toHaveLength(1)
  })

  it('logs but does not act on messages older than a few minutes', async () => {
    const before = world.transcript.length
    const at = new Date(world.clock.now().getTime() - 10 * 60_000)
    expect(await world.say('李四', '帮助', { room: G3, at })).toBe('stale')
    expect(world.transcript.length).toBe(before)
  })

  it('erases a person after a confirmation, keeping only anonymous counts', async () => {
    await world.say('李四', '删除我的信息', { room: G3, id: 'erase-ask' })
    expect(world.lastSaid(G3)).toContain('确认删除')
    // others' chatter is not taken as an answer; the person need not @ the bot again
    await world.say('赵阿姨', '确认删除', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('确认删除')
    await world.say('李四', '嗯？', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('请回复「确认删除」')
    expect(await personRow(world, '李四')).toBeDefined()
    await world.say('李四', '确认删除', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('已删除您的信息')
    expect(await personRow(world, '李四')).toBeUndefined()
    const counts = await world.app.db.select().from(erasures)
    expect(counts).toEqual([expect.objectContaining({ hadHousehold: true })])
    // the message stays counted, unlinked and without its text
    const [asked] = await world.app.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, 'erase-ask'))
    expect(asked).toMatchObject({ personId: null, text: null })
  })

  it('takes "不要" as a no to erasing', async () => {
    await world.say('赵阿姨', '删除我的信息')
    await world.say('赵阿姨', '不要')
    expect(world.lastSaid('赵阿姨')).toContain('不删除')
    expect(await personRow(world, '赵阿姨')).toBeDefined()
  })

  it('cancels a dialog with 取消', async () => {
    await world.say('赵阿姨', '删除我的信息')
    await world.say('赵阿姨', '取消')
    expect(world.lastSaid('赵阿姨')).toContain('已取消')
    expect(await personRow(world, '赵阿姨')).toBeDefined()
    await world.say('赵阿姨', '取消')
    expect(world.lastSaid('赵阿姨')).toContain('没有进行中的操作')
  })

  it('sends every reply through the outbox exactly once', async () => {
    const rows = await world.app.db.select().from(outbox)
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
    expect(rows.length).toBe(world.transcript.length)
    if (process.env.SHOW_TRANSCRIPT) console.log(world.transcript.map((t) => `[${t.where}] ${t.text}`).join('\n'))
  })
})
