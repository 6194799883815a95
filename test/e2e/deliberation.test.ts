import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorkbook } from '../../src/features/export/workbook.js'
import { consultations, questionChoices } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const GROUPS = { 3: '3号楼群', 5: '5号楼群', 7: '7号楼群' } as const
// 9 households: 4 in building 3, 3 in 5, 2 in 7
const RESIDENTS = Object.entries({ 3: 4, 5: 3, 7: 2 }).flatMap(([b, n]) => Array.from({ length: n }, (_, i) => ({ name: `${b}栋居民${i + 1}`, building: Number(b), unit: `${i + 1}01` })))
const NAMES = [...RESIDENTS.map((r) => r.name), '3栋居民1的老伴']

describe('deliberation: a question with options, representatives’ resolutions with a quorum, 商议', () => {
  let world: World
  const clock = new FakeClock('2026-12-18T09:00:00+08:00')
  const groupOf = (b: number) => GROUPS[b as 3 | 5 | 7]
  /** the bot's last words in a chat, without the @name a group reply starts with */
  const last = (where: string) => world.lastSaid(where).replace(/^@\S+ /, '')
  /** the last thing said in a chat that contains these words (a reply followed by a broadcast) */
  const lastWith = (where: string, words: string) => (world.said(where).filter((t) => t.includes(words)).at(-1) ?? '').replace(/^@\S+ /, '')
  const announcement = (topic: string) => world.said(topic).find((t) => t.startsWith('【议题 Q1】'))

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
    await world.say('3栋居民1的老伴', '登记 3号楼 101', { room: GROUPS[3] })
    for (const [b, topic] of Object.entries(GROUPS)) {
      const names = RESIDENTS.filter((r) => r.building === Number(b)).map((r) => r.name)
      await world.say('王主任', '确认', { room: topic, mentions: b === '3' ? [...names, '3栋居民1的老伴'] : names })
    }
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('opens a question in the groups of its buildings only, with the options and how to choose', async () => {
    await world.say('王主任', '开启议题 3号楼门口水井去留 选项 保留/填平/改成花坛 范围 3号楼 5号楼 截止 12月20日18:00', { room: STAFF })
    expect(lastWith(STAFF, '已开启议题')).toBe('已开启议题 Q1：3 个选项，范围 3号楼、5号楼，截止 12月20日 18:00。已发到 3 个群。说「议题 Q1」看各选项的理由。')
    for (const topic of [GROUPS[3], GROUPS[5], STAFF]) {
      expect(announcement(topic)).toContain('1. 保留\n2. 填平\n3. 改成花坛')
      expect(announcement(topic)).toContain('每户一选')
    }
    expect(announcement(GROUPS[7])).toBeUndefined()
  })

  it('takes one choice per household with a reason; re-choosing replaces it; refusals say why', async () => {
    await world.say('3栋居民1', '选 3 可以种花，孩子们也安全', { room: GROUPS[3] })
    expect(last(GROUPS[3])).toBe('已收到您家的选择（议题 Q1）。截止前可以改选。')
    // the same household, from the other member, privately: replaces
    await world.say('3栋居民1的老伴', '选 1 井水还能浇花')
    expect(last('3栋居民1的老伴')).toBe('已记下（改选）：议题 Q1 选 1. 保留，理由已记下。截止前可以改选，以最后一次为准。')
    await world.say('3栋居民2', '选 改成花坛 理由：晚上井口看不清，太危险', { room: GROUPS[3] })
    await world.say('3栋居民3', '选3')
    await world.say('3栋居民4', '选 2 填平了好停车，我家502门口太挤', { room: GROUPS[3] })
    // a quote-reply to the announcement: the number and a reason
    await world.say('5栋居民1', '3 种花好看', { room: GROUPS[5], mention: false, quote: { text: announcement(GROUPS[5])! } })
    expect(last(GROUPS[5])).toBe('已收到您家的选择（议题 Q1）。截止前可以改选。')
    await world.say('5栋居民2', '选 2', { room: GROUPS[5] })
    // refusals
    await world.say('7栋居民1', '选 Q1 1', { room: GROUPS[7] })
    expect(last(GROUPS[7])).toBe('议题 Q1 只请3号楼、5号楼的住户选择。')
    await world.say('没登记的人', '选 1', { room: GROUPS[3] })
    expect(last(GROUPS[3])).toContain('选择要先登记门牌')
    await world.say('5栋居民3', '选 5')
    expect(last('5栋居民3')).toBe('没有第 5 项，这个议题有 1–3 项。')
    const rows = await world.app.db.select().from(questionChoices)
    expect(rows).toHaveLength(6)
    expect(rows.filter((r) => r.option === 1).map((r) => r.reason)).toEqual(['井水还能浇花'])
  })

  it('shows staff the counts and the reasons grouped by option, with buildings and no names', async () => {
    await world.say('王主任', '议题 Q1', { room: STAFF })
    const summary = lastWith(STAFF, '【议题 Q1】')
    expect(summary).toContain('共 6 户选择（范围内已确认 7 户）')
    const lines = summary.split('\n')
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s))
    expect(lines.slice(at('1. 保留'), at('2. 填平'))).toEqual(['1. 保留：1 户', '  · 井水还能浇花（3号楼）'])
    expect(lines.slice(at('3. 改成花坛'))).toEqual(['3. 改成花坛：3 户', '  · 晚上井口看不清，太危险（3号楼）', '  · 种花好看（5号楼）'])
    // a door number in a reason is masked
    expect(summary).toContain('填平了好停车，我家***门口太挤')
    for (const name of NAMES) expect(summary).not.toContain(name)
  })

  it('posts the roundtable’s minutes and the photos after them to the same groups', async () => {
    await world.say('王主任', '议题纪要 Q1 12月19日圆桌会：居民代表、绿化所技术员到场，倾向改成花坛，井口先加盖。', { room: STAFF })
    expect(lastWith(STAFF, '的纪要已发到')).toContain('议题 Q1 的纪要已发到 3 个群')
    await world.say('王主任', '', { room: STAFF, image: true, mention: false })
    for (const topic of [GROUPS[3], GROUPS[5]]) {
      const said = world.said(topic)
      const at = said.findIndex((t) => t.startsWith('【议题纪要 Q1】3号楼门口水井去留'))
      expect(said[at]).toContain('井口先加盖')
      expect(said[at + 1]).toBe('[图片]')
    }
    expect(world.said(GROUPS[7]).some((t) => t.includes('议题纪要'))).toBe(false)
  })

  it('stops taking choices at the deadline (a job) and tells the staff group the count', async () => {
    clock.set('2026-12-20T17:59:00+08:00')
    await world.flush()
    expect(world.said(STAFF).some((t) => t.startsWith('议题 Q1「'))).toBe(false)
    clock.set('2026-12-20T18:00:00+08:00')
    await world.flush()
    expect(world.said(STAFF).find((t) => t.startsWith('议题 Q1「'))).toContain('已截止：1. 保留 1 户；2. 填平 2 户；3. 改成花坛 3 户（共 6 户，范围内 7 户）')
    await world.say('5栋居民3', '选 1')
    expect(last('5栋居民3')).toBe('议题 Q1 已于 12月20日 18:00 截止，不能再选了。')
  })

  it('publishes the conclusion with the numbers and a few reasons per option, naming nobody', async () => {
    await world.say('王主任', '议题结论 Q1 改成花坛 理由 多数住户选了花坛，井口加盖后最安全', { room: STAFF })
    expect(lastWith(STAFF, '的结论已发到')).toContain('议题 Q1 的结论已发到 3 个群')
    for (const topic of [GROUPS[3], GROUPS[5]]) {
      const c = world.said(topic).find((t) => t.startsWith('【议题结论 Q1】'))!
      expect(c).toContain('结论：改成花坛。理由：多数住户选了花坛，井口加盖后最安全')
      expect(c).toContain('各选项：1. 保留 1 户；2. 填平 2 户；3. 改成花坛 3 户（共 6 户选择，范围内已确认 7 户）。')
      expect(c).toContain('改成花坛：「晚上井口看不清，太危险」「种花好看」')
      expect(c).toContain('保留：「井水还能浇花」')
      expect(c).not.toContain('502')
      for (const name of NAMES) expect(c).not.toContain(name)
    }
    expect(world.said(GROUPS[7]).some((t) => t.includes('议题结论'))).toBe(false)
  })

  describe('representatives’ resolutions', () => {
    beforeAll(async () => {
      // a ranked plan to resolve on: two projects, a closed residents' round T1
      for (const [who, text] of [
        ['3栋居民1', '3号楼门口路灯坏了'],
        ['5栋居民1', '5号楼车棚不够停电瓶车'],
      ] as const) {
        const room = groupOf(Number(who[0]))
        await world.say(who, `建议 ${text}`, { room })
        await world.say(who, '跳过', { room, mention: false })
        await world.say(who, '提交', { room, mention: false })
      }
      await world.say('王主任', '合并 J1 为 路灯维修', { room: STAFF })
      await world.say('王主任', '合并 J2 为 车棚扩建', { room: STAFF })
      await world.say('王主任', '开启投票 P1-P2 每户1票 截止 12月25日20:00', { room: STAFF })
      await world.say('3栋居民2', '投票 1')
      // 选 said while a vote is open and no question is: pointed to 投票
      await world.say('7栋居民1', '选 1 2')
      expect(last('7栋居民1')).toBe('现在没有进行中的议题。给项目投票请说「投票 3 7」（写项目号）。')
      await world.say('王主任', '结束投票 T1', { room: STAFF })
    })

    it('appoints representatives per building, lists them and takes one back', async () => {
      await world.say('王主任', '居民代表', { room: GROUPS[3], mentions: ['3栋居民1', '3栋居民2'] })
      expect(last(GROUPS[3])).toBe('好的，3栋居民1、3栋居民2 是3号楼的居民代表了。')
      expect(last('3栋居民1')).toContain('您已被设为3号楼的居民代表')
      await world.say('王主任', '居民代表', { room: GROUPS[5], mentions: ['5栋居民1', '5栋居民2'] })
      await world.say('王主任', '居民代表 取消', { room: GROUPS[5], mentions: ['5栋居民2'] })
      expect(last(GROUPS[5])).toBe('已撤销 5栋居民2 的居民代表。')
      await world.say('王主任', '居民代表', { room: STAFF })
      expect(last(STAFF)).toBe('居民代表（共 3 人）：\n· 3号楼：3栋居民1、3栋居民2\n· 5号楼：5栋居民1')
    })

    it('announces the quorum and tie rules; without the quorum the resolution does not pass', async () => {
      await world.say('王主任', '开启决议 T1 居民代表 通过线 过半 到会 三分之二 截止 12月26日20:00', { room: STAFF })
      expect(lastWith(STAFF, '已开启决议 T2')).toBe('已开启决议 T2（居民代表表决，表决 T1，通过线 50%，参与至少 三分之二（约66.7%）），截止 12月26日 20:00。已发到 4 个群。')
      const a = world.said(GROUPS[7]).find((t) => t.startsWith('【决议 T2】'))!
      expect(a).toContain('居民代表每人一票')
      expect(a).toContain('赞成须超过投票人数的 50% 才通过，正好等于不算通过。居民代表共 3 人，至少 三分之二（约66.7%）（2 人）参加表决，结果才有效。')
      expect(world.said('5栋居民1').at(-1)).toContain('居民代表表决 T2')
      // a household that is no representative cannot vote on it
      await world.say('7栋居民1', '同意', { room: GROUPS[7] })
      expect(last(GROUPS[7])).toBe('这次决议只由居民代表表决。')
      await world.say('3栋居民1', '同意', { room: GROUPS[3] })
      expect(last(GROUPS[3])).toBe('已收到您的表决（T2）。截止前可以改。')
      await world.say('王主任', '结束投票 T2', { room: STAFF })
      const r = world.said(STAFF).find((t) => t.startsWith('【决议结果 T2】'))!
      expect(r).toContain('居民代表表决 T1 的排序：未通过（参与未达到法定比例）')
      expect(r).toContain('同意 1 人，不同意 0 人；投票 1/3 人。赞成占 100.0%，通过线 50%。')
      expect(r).toContain('法定参与：至少 三分之二（约66.7%），即 2 人；实到 1 人，未达到。')
    })

    it('a tie on the pass line does not pass, even with the quorum', async () => {
      await world.say('王主任', '开启决议 T1 居民代表 通过线 过半 到会 三分之二 截止 12月26日20:00', { room: STAFF })
      await world.say('3栋居民1', '同意')
      await world.say('5栋居民1', '不同意')
      await world.say('王主任', '结束投票 T3', { room: STAFF })
      const r = world.said(STAFF).find((t) => t.startsWith('【决议结果 T3】'))!
      expect(r).toContain('：未通过')
      expect(r).toContain('同意 1 人，不同意 1 人；投票 2/3 人。赞成占 50.0%')
      expect(r).toContain('实到 2 人，已达到。')
    })

    it('passes with the quorum and yes above the line', async () => {
      await world.say('王主任', '开启决议 T1 居民代表 通过线 过半 到会 三分之二 截止 12月26日20:00', { room: STAFF })
      await world.say('3栋居民1', '同意')
      await world.say('3栋居民2', '同意', { room: GROUPS[3] })
      await world.say('5栋居民1', '不同意')
      // a representative may change their mind: the last one counts
      await world.say('5栋居民1', '同意')
      clock.set('2026-12-26T20:00:00+08:00')
      await world.flush()
      const r = world.said(GROUPS[5]).find((t) => t.startsWith('【决议结果 T4】'))!
      expect(r).toContain('居民代表表决 T1 的排序：通过')
      expect(r).toContain('同意 3 人，不同意 0 人；投票 3/3 人。')
      expect(r).toContain('实到 3 人，已达到。')
    })

    it('a household resolution with 参与率至少 50% misses it with 4 of 9 households', async () => {
      await world.say('王主任', '开启决议 T1 通过线 50% 参与率至少 50% 截止 12月28日20:00', { room: STAFF })
      expect(lastWith(STAFF, '已开启决议 T5')).toContain('通过线 50%，参与至少 50%')
      for (const n of ['3栋居民1', '3栋居民3', '5栋居民2', '7栋居民1']) await world.say(n, '同意')
      await world.say('王主任', '结束投票 T5', { room: STAFF })
      const r = world.said(STAFF).find((t) => t.startsWith('【决议结果 T5】'))!
      expect(r).toContain('未通过（参与未达到法定比例）')
      expect(r).toContain('法定参与：至少 50%，即 5 户；实到 4 户，未达到。')
    })
  })

  it('keeps a department’s 商议 on the record and shows it in 进度', async () => {
    await world.say('王主任', '商议 P1 绿化所：可以做，预算3万', { room: STAFF })
    expect(last(STAFF)).toBe('已记下绿化所对 P1「路灯维修」的商议意见。说「进度 P1」可以看到。')
    await world.say('王主任', '商议 P1 房管办 需要先看管线走向')
    await world.say('3栋居民2', '进度 P1', { room: GROUPS[3] })
    const p = last(GROUPS[3])
    expect(p).toContain('商议：\n· 绿化所（')
    expect(p).toContain('）：可以做，预算3万\n· 房管办（')
    expect(p).toContain('）：需要先看管线走向')
    expect(await world.app.db.select().from(consultations)).toHaveLength(2)
    await world.say('王主任', '商议 P9 绿化所：可以做', { room: STAFF })
    expect(last(STAFF)).toContain('没有项目 P9')
  })

  it('exports the 议题 sheet (counts and reasons, no names) and the 商议 sheet', async () => {
    const { buffer } = await buildWorkbook(world.app.db, { communityId: 1, now: clock.now(), timeZone: 'Asia/Shanghai' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buffer as unknown as ArrayBuffer)
    const values = (name: string) => {
      const rows: string[][] = []
      wb.getWorksheet(name)!.eachRow((row) => void rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))))
      return rows
    }
    const q = values('议题')
    expect(q[0]).toEqual(['议题', '标题', '状态', '截止', '选项', '户数', '理由（不具名）', '结论'])
    expect(q.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['Q1', '1. 保留', '1'],
      ['Q1', '2. 填平', '2'],
      ['Q1', '3. 改成花坛', '3'],
    ])
    expect(q[3]![6]).toBe('晚上井口看不清，太危险；种花好看')
    expect(q[1]![7]).toBe('改成花坛')
    // the representatives' resolutions in the rounds sheet, counted per representative
    const rounds = values('投票')
    expect(rounds.filter((r) => r[0] === 'T4').map((r) => r[3])).toEqual(['居民代表'])
    for (const name of NAMES) expect(JSON.stringify(q)).not.toContain(name)
    const c = values('商议')
    expect(c.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['P1 路灯维修', '绿化所', '可以做，预算3万'],
      ['P1 路灯维修', '房管办', '需要先看管线走向'],
    ])
  })
})
