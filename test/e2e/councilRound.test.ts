import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '3号楼群'
const COUNCIL = '议事会群'

describe('a council scoring round', () => {
  let world: World
  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '张三', '李四', '赵阿姨'])
    world.group(COUNCIL, ['王主任', '张三', '李四'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '绑定 议事会', { room: COUNCIL })
    for (const text of ['3号楼门口路灯坏了', '3号楼车棚不够停', '3号楼垃圾桶太臭']) {
      await world.say('赵阿姨', `建议 ${text}`, { room: G3 })
      await world.say('赵阿姨', '跳过', { room: G3, mention: false })
      await world.say('赵阿姨', '提交', { room: G3, mention: false })
    }
    for (const [j, name] of [[1, '路灯'], [2, '车棚'], [3, '垃圾桶']] as const) await world.say('王主任', `合并 J${j} 为 ${name}`, { room: STAFF })
    await world.say('王主任', '议事员', { room: COUNCIL, mentions: ['张三', '李四'] })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('makes council members and opens the round in the council group', async () => {
    expect(world.lastSaid(COUNCIL)).toContain('张三、李四 是议事员了')
    await world.say('王主任', '开启评议 P1-P3 截止 明天18:00', { room: STAFF })
    expect(world.said(STAFF).join('\n')).toContain('已开启评议 T1：3 个项目')
    expect(world.said(COUNCIL).find((t) => t.startsWith('【议事会评议 T1】'))).toContain('P2 车棚')
  })

  it('takes compact scores, refuses non-members and bad scores', async () => {
    await world.say('赵阿姨', '评分 P1 5 5')
    expect(world.lastSaid('赵阿姨')).toContain('只有议事员可以评分')
    await world.say('张三', '评分 P1 5 4，P2 3 3', { room: COUNCIL })
    expect(world.lastSaid(COUNCIL)).toContain('已记下 P1（5，4）、P2（3，3）。还没打分：P3')
    await world.say('张三', '评分 P3 9 9', { room: COUNCIL })
    expect(world.lastSaid(COUNCIL)).toContain('1 到 5 之间')
  })

  it('guides a member one project at a time, with skips', async () => {
    await world.say('李四', '评分')
    expect(world.lastSaid('李四')).toContain('P1：紧迫性几分？重要性几分？')
    await world.say('李四', '4 4')
    expect(world.lastSaid('李四')).toContain('P2：')
    await world.say('李四', '跳过')
    expect(world.lastSaid('李四')).toContain('P3：')
    await world.say('李四', '五 五')
    expect(world.lastSaid('李四')).toContain('好了，谢谢')
  })

  it('ranks by the sum of the two means and publishes the result', async () => {
    await world.say('王主任', '结束投票 T1', { room: STAFF })
    const result = world.said(COUNCIL).find((t) => t.startsWith('【议事会评议结果 T1】'))!
    // P1: (5+4)/2 + (4+4)/2 = 8.5; P3: 5 + 5 = 10 (one rater); P2: 3 + 3 = 6
    expect(result.split('\n').slice(1, 4)).toEqual([
      '1. P3 垃圾桶 得分 10.00（紧迫 5.0，重要 5.0，中位数 10，1 人打分）',
      '2. P1 路灯 得分 8.50（紧迫 4.5，重要 4.0，中位数 8.5，2 人打分）',
      '3. P2 车棚 得分 6.00（紧迫 3.0，重要 3.0，中位数 6，1 人打分）',
    ])
    expect(world.said(G3).some((t) => t.startsWith('【议事会评议结果 T1】'))).toBe(true)
  })
})
