import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { suggestions } from '../../src/db/schema.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '幸福里3号楼'
const G5 = '幸福里5号楼'

describe('the project pool', () => {
  let world: World
  const suggest = async (who: string, room: string, text: string) => {
    await world.say(who, `建议 ${text}`, { room })
    await world.say(who, '跳过', { room, mention: false })
    await world.say(who, '提交', { room, mention: false })
    if (world.lastSaid(room).includes('是同一件事吗')) await world.say(who, '不是', { room, mention: false })
  }

  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '张三', '李四'])
    world.group(G5, ['王主任', '孙叔叔'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '绑定 5号楼', { room: G5 })
    await suggest('张三', G3, '3号楼门口路灯坏了') // J1
    await suggest('李四', G3, '3号楼楼道声控灯不亮') // J2
    await suggest('孙叔叔', G5, '5号楼门口路灯太暗') // J3
    await suggest('孙叔叔', G5, '5号楼电梯经常坏') // J4
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('has the four suggestions to work with', async () => {
    expect((await world.app.db.select().from(suggestions)).map((s) => s.id)).toEqual([1, 2, 3, 4])
  })

  it('merges suggestions into a project that their submitters can see', async () => {
    await world.say('张三', '合并 J1 J2 为 楼道照明')
    expect(world.lastSaid('张三')).toContain('只有居委工作人员可以合并建议')
    await world.say('王主任', '合并 J1 J2 为 3号楼照明', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已建项目 P1「3号楼照明」，含 J1、J2')
    await world.say('张三', '我的建议')
    expect(world.lastSaid('张三')).toContain('J1 3号楼门口路灯坏了 — 已并入 P1')
    await world.say('张三', '进度 J1')
    expect(world.lastSaid('张三')).toMatch(/J1「3号楼门口路灯坏了」 → 已并入 P1「3号楼照明」：2 条建议，2 人提到（3号楼）/)
  })

  it('adds to a project, splits out, renames — and undoes step by step', async () => {
    await world.say('王主任', '合并 J3 到 P1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已把 J3 并入 P1')
    await world.say('王主任', '拆分 P1 J2', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已从 P1「3号楼照明」拆出 J2')
    await world.say('王主任', '改名 P1 路灯维修', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('「3号楼照明」→「路灯维修」')
    await world.say('王主任', '进度 P1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('P1「路灯维修」：2 条建议，2 人提到（3号楼、5号楼）')
    await world.say('王主任', '撤销', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已撤销：P1 改回「3号楼照明」')
    await world.say('王主任', '撤销', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已撤销：J2 回到 P1')
    await world.say('李四', '进度 J2')
    expect(world.lastSaid('李四')).toContain('已并入 P1「3号楼照明」：3 条建议')
    await world.say('王主任', '项目历史 P1', { room: STAFF })
    const history = world.lastSaid(STAFF)
    expect(history).toContain('建立，含 J1、J2')
    expect(history).toContain('拆出 J2（已撤销）')
    expect(history).toContain('改名 「3号楼照明」→「路灯维修」（已撤销）')
  })

  it('explains what cannot be merged, and changes nothing', async () => {
    await world.say('王主任', '合并 J1 J4 为 杂项', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('J1 在 P1，请先「拆分」出来')
    await world.say('王主任', '合并 J9 为 不存在', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('没有建议 J9')
    await world.say('王主任', '合并 J4', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('请给项目起个名字')
    await world.say('王主任', '拆分 P1 J4', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('J4 不在 P1 里')
    const j4 = (await world.app.db.select().from(suggestions)).find((s) => s.id === 4)
    expect(j4).toMatchObject({ status: 'open', projectId: null })
  })

  it('lets a resident withdraw with 撤销 J-id too, and lists the pool for everyone', async () => {
    await world.say('孙叔叔', '撤销 J4')
    expect(world.lastSaid('孙叔叔')).toContain('已撤回 J4')
    await world.say('王主任', '合并 J4 为 电梯', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('J4 已被撤回，不能合并')
    await world.say('孙叔叔', '进度', { room: G5 })
    expect(world.lastSaid(G5)).toContain('项目进展：\n· P1「3号楼照明」项目库')
  })
})
