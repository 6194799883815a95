import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { ballots, outbox } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const GROUPS = { 3: '3号楼群', 5: '5号楼群', 7: '7号楼群' } as const
// 20 households: 8 in building 3, 7 in 5, 5 in 7
const RESIDENTS = Object.entries({ 3: 8, 5: 7, 7: 5 }).flatMap(([b, n]) => Array.from({ length: n }, (_, i) => ({ name: `${b}栋居民${i + 1}`, building: Number(b), unit: `${i + 1}01` })))

describe('a residents’ voting round', () => {
  let world: World
  const clock = new FakeClock('2026-12-01T09:00:00+08:00')
  const groupOf = (b: number) => GROUPS[b as 3 | 5 | 7]

  beforeAll(async () => {
    world = new World(await testDatabase(), clock)
    world.group(STAFF, ['王主任'])
    for (const [b, topic] of Object.entries(GROUPS)) {
      const members = RESIDENTS.filter((r) => r.building === Number(b)).map((r) => r.name)
      world.group(topic, ['王主任', ...members, ...(b === '3' ? ['3栋居民1的老伴', '没登记的人'] : [])])
    }
    await world.start()
    for (const [b, topic] of Object.entries(GROUPS)) await world.say('王主任', `绑定 ${b}号楼`, { room: topic })
    for (const r of RESIDENTS) await world.say(r.name, `登记 ${r.building}号楼 ${r.unit}`, { room: groupOf(r.building) })
    await world.say('王主任', '楼组长 @3栋居民2', { room: GROUPS[3], mentions: ['3栋居民2'] })
    await world.say('3栋居民1的老伴', '登记 3号楼 101', { room: GROUPS[3] })
    for (const [b, topic] of Object.entries(GROUPS)) {
      const names = RESIDENTS.filter((r) => r.building === Number(b)).map((r) => r.name)
      await world.say('王主任', '确认', { room: topic, mentions: b === '3' ? [...names, '3栋居民1的老伴'] : names })
    }
    // three projects from suggestions
    for (const [who, text] of [
      ['3栋居民1', '3号楼门口路灯坏了'],
      ['5栋居民1', '5号楼车棚不够停电瓶车'],
      ['7栋居民1', '7号楼电梯经常坏'],
    ] as const) {
      const room = groupOf(Number(who[0]))
      await world.say(who, `建议 ${text}`, { room })
      await world.say(who, '跳过', { room, mention: false })
      await world.say(who, '提交', { room, mention: false })
    }
    await world.say('王主任', '合并 J1 为 路灯维修', { room: STAFF })
    await world.say('王主任', '合并 J2 为 车棚扩建', { room: STAFF })
    await world.say('王主任', '合并 J3 为 电梯维护', { room: STAFF })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('opens a round and announces it, with the tie rules and seed, in every building group', async () => {
    await world.say('王主任', '开启投票 P1-P3 每户2票 截止 明天20:00', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已开启投票 T1：3 个项目，每户（已登记并经楼组长确认的住户）2 票，截止 12月2日 20:00。已通知 3 个楼栋群')
    for (const topic of Object.values(GROUPS)) {
      const announcement = world.said(topic).find((t) => t.startsWith('【居民投票 T1】'))
      expect(announcement).toContain('P1 路灯维修')
      expect(announcement).toMatch(/种子 [0-9a-f]{8}/)
    }
  })

  it('takes ballots: stacked dots, re-votes replace, one per household, refusals say why', async () => {
    await world.say('3栋居民2', '投票', { room: GROUPS[3] })
    expect(world.lastSaid(GROUPS[3])).toContain('进行中：T1，项目 P1 P2 P3，每户 2 票')
    await world.say('3栋居民2', '投票 1 1', { room: GROUPS[3] })
    expect(world.lastSaid(GROUPS[3])).toContain('已收到您家的 2 票（T1）')
    // in a group the ack may be merged with others waiting there (GONGJIAN_COALESCE_ACKS); privately never
    const acks = await world.app.db.select().from(outbox).where(eq(outbox.coalesceKey, 'ballot:1'))
    expect(acks.map((a) => a.coalesceBody)).toEqual(['已收到以上各户的票（T1）。想不公开投，可以私聊我投。截止前可重投。'])
    await world.say('3栋居民3', '投票 1 2')
    expect(world.lastSaid('3栋居民3')).toBe('已投（T1）：P1、P2。共 2/2 票，截止前可重投，以最后一次为准。')
    expect(await world.app.db.select().from(outbox).where(eq(outbox.coalesceKey, 'ballot:1'))).toHaveLength(1)
    await world.say('3栋居民3', '投票 3')
    expect(world.lastSaid('3栋居民3')).toContain('已投（T1）：P3')
    // the same household from two members: the later ballot replaces the earlier
    await world.say('3栋居民1', '投票 2 2')
    await world.say('3栋居民1的老伴', '投票 1')
    // refusals
    await world.say('没登记的人', '投票 1', { room: GROUPS[3] })
    expect(world.lastSaid(GROUPS[3])).toContain('投票要先登记门牌')
    await world.say('5栋居民1', '投票 1 2 3')
    expect(world.lastSaid('5栋居民1')).toContain('每户最多 2 票，您写了 3 票')
    await world.say('5栋居民1', '投票 9')
    expect(world.lastSaid('5栋居民1')).toContain('P9 不在这次投票里')
    for (const n of [1, 2, 3, 4]) await world.say(`5栋居民${n}`, '投票 2 3')
    await world.say('7栋居民1', '投票 3 3')
    const rows = await world.app.db.select().from(ballots)
    expect(rows).toHaveLength(8)
  })

  it('reminds each building group of its own turnout, once', async () => {
    clock.set('2026-12-02T07:59:00+08:00')
    await world.flush()
    expect(world.said(GROUPS[5]).filter((t) => t.startsWith('提醒：投票 T1'))).toHaveLength(0)
    clock.set('2026-12-02T08:10:00+08:00')
    await world.flush()
    const r5 = world.said(GROUPS[5]).filter((t) => t.startsWith('提醒：投票 T1'))
    expect(r5).toEqual(['提醒：投票 T1 将于 12月2日 20:00 截止。5号楼已有 4/7 户投票。还没投的请 @我 说「投票」看项目。'])
    // building 3 has a head: @-mentioned for real, to nudge the neighbours (never who has not voted)
    const r3 = world.saidTo(GROUPS[3], '3栋居民2').filter((t) => t.includes('提醒：投票 T1'))
    expect(r3).toEqual(['@3栋居民2 提醒：投票 T1 将于 12月2日 20:00 截止。3号楼已有 3/8 户投票。请楼组长帮忙提醒邻居。还没投的请 @我 说「投票」看项目。'])
    clock.set('2026-12-02T09:10:00+08:00')
    await world.flush()
    expect(world.said(GROUPS[5]).filter((t) => t.startsWith('提醒：投票 T1'))).toHaveLength(1)
  })

  it('closes exactly at the deadline and publishes the result everywhere', async () => {
    await world.say('王主任', '结果 T1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('T1 还在进行')
    clock.set('2026-12-02T19:59:59+08:00')
    await world.flush()
    expect(world.said(STAFF).some((t) => t.startsWith('【投票结果 T1】'))).toBe(false)
    clock.set('2026-12-02T20:00:00+08:00')
    await world.flush()
    const result = world.said(STAFF).find((t) => t.startsWith('【投票结果 T1】'))!
    // P2: 3-101 ×2 (household's later ballot was "1", so no), 3栋居民3 → 3; … computed by hand:
    // 3-201 [1,1]; 3-301 [3]; 3-101 [1] (the later ballot); 5-101..401 [2,3] ×4; 7-101 [3,3]
    // P1 = 3, P2 = 4, P3 = 1 + 4 + 2 = 7
    expect(result).toContain('共 8 户投票')
    expect(result.split('\n').slice(1, 4)).toEqual([
      '1. P3 电梯维护 ██████████ 7票（6户，3栋）',
      '2. P2 车棚扩建 ██████░░░░ 4票（4户，1栋）',
      '3. P1 路灯维修 ████░░░░░░ 3票（2户，1栋）',
    ])
    expect(result).toContain('各楼参与：3号楼 3/8、5号楼 4/7、7号楼 1/5')
    for (const topic of Object.values(GROUPS)) {
      const said = world.said(topic)
      const at = said.findIndex((t) => t.startsWith('【投票结果 T1】'))
      expect(at).toBeGreaterThanOrEqual(0)
      // the chart follows the text
      expect(said[at + 1]).toBe('[图片]')
    }
  })

  it('refuses late ballots and shows the result again on request', async () => {
    await world.say('7栋居民2', '投票 1')
    expect(world.lastSaid('7栋居民2')).toContain('投票 T1 已于 12月2日 20:00 截止')
    await world.say('7栋居民2', '结果')
    expect(world.lastSaid('7栋居民2')).toContain('1. P3 电梯维护')
    await world.say('王主任', '结束投票 T1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('T1 已经结束了')
  })

  it('ratifies the ranking by a household yes/no vote and publishes the numbers', async () => {
    await world.say('王主任', '开启决议 T1 通过线 50% 截止 12月4日20:00', { room: STAFF })
    expect(world.said(STAFF).join('\n')).toContain('已开启决议 T2（表决 T1，通过线 50%）')
    const announced = world.said(GROUPS[5]).find((t) => t.startsWith('【决议 T2】'))!
    expect(announced).toContain('1. P3 电梯维护')
    expect(announced).toContain('@我 说「同意」或「不同意」')
    await world.say('没登记的人', '同意', { room: GROUPS[3] })
    expect(world.lastSaid(GROUPS[3])).toContain('投票要先登记门牌')
    for (const n of [1, 2, 3]) await world.say(`3栋居民${n}`, '同意', { room: GROUPS[3] })
    await world.say('5栋居民1', '反对')
    expect(world.lastSaid('5栋居民1')).toBe('已记下：不同意（T2）。截止前可以改。')
    await world.say('5栋居民2', '不同意')
    await world.say('5栋居民2', '同意') // changed their mind: the last one counts
    clock.set('2026-12-04T20:00:00+08:00')
    await world.flush()
    const result = world.said(STAFF).find((t) => t.startsWith('【决议结果 T2】'))!
    expect(result).toContain('表决 T1 的排序：通过')
    expect(result).toContain('同意 4 户，不同意 1 户；投票 5/20 户。赞成占 80.0%，通过线 50%。')
    for (const topic of Object.values(GROUPS)) expect(world.said(topic).some((t) => t.startsWith('【决议结果 T2】'))).toBe(true)
  })
})
