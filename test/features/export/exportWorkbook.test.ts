import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/client.js'
import { householdKeySql } from '../../../src/db/households.js'
import {
  assignments,
  ballots,
  buildings,
  communities,
  files,
  households,
  outbox,
  partners,
  people,
  progressUpdates,
  projects,
  rooms,
  rounds,
  suggestionSupports,
  suggestions,
} from '../../../src/db/schema.js'
import { isAppError } from '../../../src/domain/errors.js'
import type { Ctx } from '../../../src/kit/context.js'
import { checkAccess } from '../../../src/kit/access.js'
import { createRegistry } from '../../../src/kit/registry.js'
import { COMMANDS } from '../../../src/features/index.js'
import { neighbourName } from '../../../src/domain/address.js'
import { buildWorkbook, exportWorkbook, XLSX_TYPE } from '../../../src/features/export/index.js'
import { testDatabase } from '../../support/db.js'

const TZ = 'Asia/Shanghai'
// 01:30 in Shanghai is still the day before in UTC: the file name must use the local date
const NOW = new Date('2026-12-20T01:30:00+08:00')
const at = (s: string) => new Date(`${s}+08:00`)
// door numbers that must never reach the file (households.unit, and the one typed in for 代提)
const UNITS = ['6061', '1702', '2单元9031', '8123', '3309', '4415']
const PROXY_DOOR = '8808'

type Sheet = (string | number | null)[][]

/** A sheet as rows of plain values (header first); rich values become their text. */
function rowsOf(wb: ExcelJS.Workbook, name: string): Sheet {
  const ws = wb.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}`)
  const out: Sheet = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: (string | number | null)[] = []
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value
      cells.push(v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : String(row.getCell(c).text))
    }
    out.push(cells)
  })
  return out
}

/** Rows as objects keyed by the header. */
function records(wb: ExcelJS.Workbook, name: string): Record<string, string | number | null>[] {
  const [header, ...rows] = rowsOf(wb, name)
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i] ?? null])))
}

describe('导出: the staff workbook', () => {
  let database: Database
  let wb: ExcelJS.Workbook
  let built: Awaited<ReturnType<typeof buildWorkbook>>
  const ids = {} as Record<'community' | 'other' | 'staff' | 'P1' | 'P2' | 'J1' | 'J5' | 'J6' | 'resident' | 'council' | 'resolution' | 'accept1' | 'accept2' | 'openVote' | 'unrated', number>

  beforeAll(async () => {
    database = await testDatabase()
    const { db } = database
    const t0 = at('2026-11-01T10:00:00')
    const [c] = await db.insert(communities).values({ name: '幸福社区', staffRoomTopic: '幸福居委工作群', createdAt: t0 }).returning()
    const [other] = await db.insert(communities).values({ name: '隔壁社区', staffRoomTopic: '隔壁居委工作群', createdAt: t0 }).returning()
    const cid = c!.id
    ids.community = cid
    ids.other = other!.id
    // inserted out of order: the participation sheet sorts by number
    const bRows = await db
      .insert(buildings)
      .values([5, 3, 7].map((number) => ({ communityId: cid, number, createdAt: t0 })))
      .returning()
    const b = Object.fromEntries(bRows.map((x) => [x.number, x.id])) as Record<3 | 5 | 7, number>
    const hRows = await db
      .insert(households)
      .values(
        [
        { communityId: cid, buildingId: b[3], unit: UNITS[0]!, createdAt: t0 },
        { communityId: cid, buildingId: b[3], unit: UNITS[1]!, createdAt: t0 },
        { communityId: cid, buildingId: b[5], unit: UNITS[2]!, createdAt: t0 },
        { communityId: cid, buildingId: b[5], unit: UNITS[3]!, createdAt: t0 },
        { communityId: cid, buildingId: b[7], unit: UNITS[4]!, createdAt: t0 },
        // nobody bound any more: not a registered household
        { communityId: cid, buildingId: b[3], unit: UNITS[5]!, createdAt: t0 },
        ].map((h) => ({ ...h, key: householdKeySql(h.buildingId, h.unit) })),
      )
      .returning()
    const [h1, h2, h3, h4, h5] = hRows.map((h) => h.key) as [string, string, string, string, string]
    const [i1, i2, i3, i4, i5] = hRows.map((h) => h.id) as [number, number, number, number, number]
    const person = (name: string, householdId: number | null, confirmed: boolean) => ({
      account: 'default',
      name,
      householdId,
      householdConfirmedAt: confirmed ? t0 : null,
      createdAt: t0,
    })
    const pRows = await db
      .insert(people)
      .values([
        person('爱丽丝', i1, true),
        person('鲍勃', i1, false),
        person('卡萝', i2, false),
        person('大卫', i3, true),
        person('伊琳', i4, true),
        person('弗兰克', i5, true),
        person('张楼长', null, false),
        person('李干事', null, false),
      ])
      .returning()
    const p = Object.fromEntries(pRows.map((x) => [x.name, x.id])) as Record<string, number>
    ids.staff = p['李干事']!

    const [P1, P2] = await db
      .insert(projects)
      .values([
        { communityId: cid, name: '3号楼路灯维修', stage: 'accepted', percent: 100, changedAt: at('2026-12-10T18:00:00'), createdAt: t0 },
        { communityId: cid, name: '5号楼车棚扩建', stage: 'assigned', percent: 40, changedAt: at('2026-12-05T09:00:00'), createdAt: t0 },
      ])
      .returning()
    ids.P1 = P1!.id
    ids.P2 = P2!.id
    const sug = (x: Partial<typeof suggestions.$inferInsert> & { problem: string }) => ({
      communityId: cid,
      category: '设施',
      features: [],
      fileIds: [],
      status: 'open',
      createdAt: at('2026-11-10T20:15:00'),
      updatedAt: at('2026-11-10T20:15:00'),
      ...x,
    })
    const sRows = await db
      .insert(suggestions)
      .values([
        sug({ personId: p['爱丽丝'], buildingId: b[3], place: '3号楼门口', problem: '路灯坏了，晚上很黑', status: 'merged', projectId: P1!.id }),
        sug({ personId: p['卡萝'], buildingId: b[3], problem: '楼下路灯不亮', status: 'merged', projectId: P1!.id }),
        sug({ personId: p['大卫'], buildingId: b[5], problem: '车棚太小', status: 'merged', projectId: P2!.id }),
        sug({ personId: p['伊琳'], buildingId: b[5], problem: '垃圾桶太少', status: 'withdrawn' }),
        sug({ personId: null, proxiedBy: p['张楼长'], proxyFor: `王奶奶 3号楼 ${PROXY_DOOR}`, buildingId: b[3], problem: '楼道扶手松了' }),
        // its author erased their data
        sug({ personId: null, buildingId: b[7], problem: '电梯经常坏' }),
        sug({ personId: p['鲍勃'], buildingId: b[3], problem: '楼道灯也坏了' }),
      ])
      .returning()
    ids.J1 = sRows[0]!.id
    ids.J5 = sRows[4]!.id
    ids.J6 = sRows[5]!.id
    const support = (suggestionId: number, personId: number) => ({ communityId: cid, suggestionId, personId, words: '是', fileIds: [], createdAt: t0 })
    await db.insert(suggestionSupports).values([support(sRows[0]!.id, p['鲍勃']!), support(sRows[0]!.id, p['卡萝']!), support(sRows[1]!.id, p['大卫']!)])

    const [partner, replaced] = await db
      .insert(partners)
      .values([
        { communityId: cid, name: '市政养护公司', createdAt: t0 },
        { communityId: cid, name: '绿化队', createdAt: t0 },
      ])
      .returning()
    const work = (projectId: number, partnerId: number, status: string, cost: number | null) => ({
      communityId: cid,
      projectId,
      partnerId,
      cost,
      startsAt: at('2026-12-01T08:00:00'),
      dueAt: at('2026-12-31T18:00:00'),
      places: [],
      status,
      createdAt: t0,
    })
    const [a1] = await db.insert(assignments).values([work(P1!.id, partner!.id, 'done', 48000), work(P2!.id, replaced!.id, 'replaced', 1000), work(P2!.id, partner!.id, 'active', null)]).returning()
    await db.insert(progressUpdates).values([
      { communityId: cid, projectId: P2!.id, percent: 20, note: '已进场', fileIds: [1, 2], byPerson: p['李干事'], at: at('2026-12-03T10:00:00') },
      // the liaison who posted it erased their data
      { communityId: cid, projectId: P2!.id, percent: 40, note: '地基完成', fileIds: [], byPerson: null, at: at('2026-12-05T09:00:00') },
      { communityId: cid, projectId: P1!.id, assignmentId: a1!.id, percent: 100, note: '全部换新', fileIds: [3], byPerson: p['李干事'], at: at('2026-12-08T16:00:00') },
    ])

    const round = (x: Partial<typeof rounds.$inferInsert> & { kind: string; projectIds: number[] }) => ({
      communityId: cid,
      dots: 1,
      per: 'household',
      seed: 'abcd1234',
      opensAt: at('2026-12-01T09:00:00'),
      closesAt: at('2026-12-05T20:00:00'),
      status: 'closed',
      closedAt: at('2026-12-05T20:00:00'),
      ...x,
    })
    const [resident, council, resolution, accept1, accept2, openVote, unrated] = await db
      .insert(rounds)
      .values([
        round({ kind: 'resident', projectIds: [P1!.id, P2!.id], dots: 3 }),
        round({ kind: 'council', projectIds: [P1!.id, P2!.id], per: 'person' }),
        round({ kind: 'resolution', projectIds: [P1!.id, P2!.id], refRoundId: null, passPercent: 50 }),
        round({ kind: 'acceptance', projectIds: [P1!.id], minRating: 3.5 }),
        round({ kind: 'acceptance', projectIds: [P2!.id], minRating: 3.5, status: 'open', closedAt: null, closesAt: at('2026-12-25T20:00:00') }),
        round({ kind: 'resident', projectIds: [P1!.id, P2!.id], per: 'person', status: 'open', closedAt: null, closesAt: at('2026-12-28T20:00:00') }),
        // an earlier 完成 of P2 nobody rated
        round({ kind: 'acceptance', projectIds: [P2!.id], minRating: 3.5, closesAt: at('2026-11-28T20:00:00'), closedAt: at('2026-11-28T20:00:00') }),
      ])
      .returning()
    Object.assign(ids, { resident: resident!.id, council: council!.id, resolution: resolution!.id, accept1: accept1!.id, accept2: accept2!.id, openVote: openVote!.id, unrated: unrated!.id })
    const ballot = (roundId: number, voterKey: string, buildingId: number | null, dots: number[], x: Partial<typeof ballots.$inferInsert> = {}) => ({
      communityId: cid,
      roundId,
      voterKey,
      buildingId,
      dots,
      castAt: at('2026-12-04T12:00:00'),
      ...x,
    })
    const [q1, q2] = [P1!.id, P2!.id]
    await db.insert(ballots).values([
      ballot(resident!.id, `household:${h1}`, b[3], [q1, q1, q2]),
      ballot(resident!.id, `household:${h2}`, b[3], [q1]),
      ballot(resident!.id, `household:${h3}`, b[5], [q2, q2, q2]),
      ballot(resident!.id, `household:${h4}`, b[5], [q1, q2]),
      ballot(council!.id, `person:${p['爱丽丝']}`, null, [], { scores: [{ project: q1, urgency: 5, importance: 4 }, { project: q2, urgency: 3, importance: 3 }] }),
      ballot(council!.id, `person:${p['大卫']}`, null, [], { scores: [{ project: q1, urgency: 4, importance: 4 }] }),
      ballot(resolution!.id, `household:${h1}`, b[3], [1]),
      ballot(resolution!.id, `household:${h3}`, b[5], [0]),
      ballot(resolution!.id, `household:${h5}`, b[7], [1]),
      ballot(accept1!.id, `household:${h1}`, b[3], [5], { comment: '灯很亮' }),
      ballot(accept1!.id, `household:${h2}`, b[3], [4], { comment: '不错' }),
      ballot(accept1!.id, `household:${h3}`, b[5], [2], { comment: '晚上还是暗' }),
      ballot(accept1!.id, `household:${h5}`, b[7], [4]),
      ballot(accept2!.id, `household:${h4}`, b[5], [3], { comment: '还没弄完' }),
      // a per-person round: 卡萝 counts for her household; an erased voter keeps the building recorded at casting
      ballot(openVote!.id, `person:${p['卡萝']}`, b[3], [q2]),
      ballot(openVote!.id, 'person:99999', b[7], [q1]),
    ])

    // the neighbouring community's data must not leak in
    const [ob] = await db.insert(buildings).values({ communityId: other!.id, number: 3, createdAt: t0 }).returning()
    const [oh] = await db.insert(households).values({ communityId: other!.id, buildingId: ob!.id, unit: '5151', key: householdKeySql(ob!.id, '5151'), createdAt: t0 }).returning()
    const [op] = await db.insert(people).values(person('隔壁居民', oh!.id, true)).returning()
    const [oproj] = await db.insert(projects).values({ communityId: other!.id, name: '隔壁项目', createdAt: t0 }).returning()
    await db.insert(suggestions).values({ ...sug({ personId: op!.id, buildingId: ob!.id, problem: '隔壁的事' }), communityId: other!.id })
    const [or] = await db.insert(rounds).values({ ...round({ kind: 'resident', projectIds: [oproj!.id] }), communityId: other!.id }).returning()
    await db.insert(ballots).values(ballot(or!.id, `household:${oh!.id}`, ob!.id, [oproj!.id], { communityId: other!.id }))

    built = await buildWorkbook(db, { communityId: cid, now: NOW, timeZone: TZ })
    wb = new ExcelJS.Workbook()
    await wb.xlsx.load(built.buffer as unknown as ArrayBuffer)
  })
  afterAll(async () => {
    await database?.close()
  })

  const count = async (sql: string, params: unknown[] = [ids.community]) => Number((await database.query<{ n: number | string }>(sql, params))[0]!.n)

  it('has the eleven sheets (结项指标 after 参与情况; the everyday 报事 and 积分, then 议题 and 商议 last) with frozen headers, and a local-date file name', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['建议', '项目', '投票', '进度', '验收', '参与情况', '结项指标', '报事', '积分', '议题', '商议'])
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(built.fileName).toBe('共建-导出-20261220.xlsx')
  })

  it('lists every suggestion of the community, with names and the erased person shown as such', async () => {
    const list = records(wb, '建议')
    expect(list).toHaveLength(await count('select count(*) as n from suggestions where community_id = $1'))
    const j1 = list.find((r) => r['编号'] === `J${ids.J1}`)!
    expect(j1).toMatchObject({ 提交时间: '2026-11-10 20:15', 楼栋: '3号楼', 状态: '已并入', 所属项目: `P${ids.P1}`, 提建议人: '爱丽丝' })
    expect(j1['附议人数']).toBe(await count('select count(*) as n from suggestion_supports where suggestion_id = $1', [ids.J1]))
    expect(list.find((r) => r['编号'] === `J${ids.J5}`)!['提建议人']).toBe('楼组长张楼长代王奶奶')
    expect(list.find((r) => r['编号'] === `J${ids.J6}`)!['提建议人']).toBe('（已删除）')
    expect(list.filter((r) => r['状态'] === '已撤回')).toHaveLength(1)
    expect(list.filter((r) => r['状态'] === '待汇总')).toHaveLength(3)
  })

  it('shows projects with the current partner, the counts and the latest closed acceptance', async () => {
    const list = records(wb, '项目')
    expect(list).toHaveLength(await count('select count(*) as n from projects where community_id = $1'))
    const p1 = list.find((r) => r['编号'] === `P${ids.P1}`)!
    const p2 = list.find((r) => r['编号'] === `P${ids.P2}`)!
    const mentioned = await count(
      `select (select count(*) from suggestions where project_id = $1)
            + (select count(*) from suggestion_supports s join suggestions j on j.id = s.suggestion_id where j.project_id = $1) as n`,
      [ids.P1],
    )
    const avg = Number((await database.query<{ a: string }>('select avg((dots->>0)::int) as a from ballots where round_id = $1', [ids.accept1]))[0]!.a)
    expect(p1).toMatchObject({ 名称: '3号楼路灯维修', 建议数: 2, 提到的人数: mentioned, 涉及楼栋: '3号楼', 阶段: '已结单', '进度 (%)': 100, 承办单位: '市政养护公司', '费用 (元)': 48000 })
    expect(p1['满意度']).toBeCloseTo(avg, 2)
    expect(p1['满意度']).toBe(3.75)
    // the replaced partner is history; the latest change is the later of changed_at and the last progress
    expect(p2).toMatchObject({ 阶段: '实施中', 承办单位: '市政养护公司', 开工: '2026-12-01 08:00', 预计完成: '2026-12-31 18:00', 最近更新: '2026-12-05 09:00', 满意度: null, '费用 (元)': null })
  })

  it('aggregates the rounds per project, never per voter, and keeps open tallies for after the deadline', async () => {
    const list = records(wb, '投票')
    const roundsHere = await database.query<{ kind: string; status: string; n: number }>('select kind, status, jsonb_array_length(project_ids) as n from rounds where community_id = $1', [ids.community])
    // a closed round: a row per project (a resolution: one); an open one: one row, its turnout
    const expected = roundsHere.reduce((n, r) => n + (r.kind === 'resolution' || r.status === 'open' ? 1 : Number(r.n)), 0)
    expect(list).toHaveLength(expected)
    const dots = await database.query<{ project: number; dots: number | string; voters: number | string }>(
      `select (d.value)::int as project, count(*) as dots, count(distinct b.id) as voters
         from ballots b cross join lateral jsonb_array_elements(b.dots) d
        where b.round_id = $1 group by 1`,
      [ids.resident],
    )
    expect(dots.length).toBe(2)
    for (const d of dots) {
      const row = list.find((r) => r['轮次'] === `T${ids.resident}` && String(r['项目']).startsWith(`P${d.project} `))!
      expect(row).toMatchObject({ 类型: '居民投票', 状态: '已结束', 得票: Number(d.dots), '投票户/人数': Number(d.voters) })
    }
    expect(list.find((r) => r['轮次'] === `T${ids.resident}` && String(r['项目']).startsWith(`P${ids.P2} `))!['得票']).toBe(5)
    const council = list.find((r) => r['轮次'] === `T${ids.council}` && String(r['项目']).startsWith(`P${ids.P1} `))!
    expect(council).toMatchObject({ 类型: '议事会评议', 平均紧迫: 4.5, 平均重要: 4, '投票户/人数': 2 })
    expect(list.find((r) => r['轮次'] === `T${ids.resolution}`)).toMatchObject({ 类型: '决议表决', 项目: '—', 同意: 2, 不同意: 1 })
    expect(list.find((r) => r['轮次'] === `T${ids.accept1}`)).toMatchObject({ 类型: '验收评价', 平均分: 3.75, 评价户数: 4 })
    const open = list.filter((r) => r['轮次'] === `T${ids.openVote}`)
    expect(open).toEqual([expect.objectContaining({ 状态: '进行中', 计票: '人', 项目: `P${ids.P1}、P${ids.P2}`, 得票: '截止后公布', '投票户/人数': 2 })])
    expect(list.filter((r) => r['轮次'] === `T${ids.accept2}`)).toEqual([expect.objectContaining({ 状态: '进行中', 平均分: '截止后公布', 评价户数: 1 })])
  })

  it('lists progress updates with photos and who posted them', async () => {
    const list = records(wb, '进度')
    expect(list).toHaveLength(await count('select count(*) as n from progress_updates where community_id = $1'))
    expect(list[0]).toMatchObject({ 项目: `P${ids.P1} 3号楼路灯维修`, 时间: '2026-12-08 16:00', '进度 (%)': 100, 照片数: 1, 更新人: '李干事' })
    expect(list.find((r) => r['说明'] === '地基完成')!['更新人']).toBe('（已删除）')
    expect(list.find((r) => r['说明'] === '已进场')!['照片数']).toBe(2)
  })

  it('shows one row per acceptance round with the rating spread and the comments', async () => {
    const list = records(wb, '验收')
    expect(list).toHaveLength(await count(`select count(*) as n from rounds where community_id = $1 and kind = 'acceptance'`))
    const spread = await database.query<{ r: number; n: number | string }>(`select (dots->>0)::int as r, count(*) as n from ballots where round_id = $1 group by 1`, [ids.accept1])
    const done = list.find((r) => r['轮次'] === `T${ids.accept1}`)!
    for (let k = 1; k <= 5; k++) expect(done[`${k}分`]).toBe(Number(spread.find((s) => s.r === k)?.n ?? 0))
    expect(done).toMatchObject({ 状态: '已结束', 评价户数: 4, 平均分: 3.75, 通过线: 3.5, 结果: '通过', 居民意见: '灯很亮；不错；晚上还是暗' })
    expect(list.find((r) => r['轮次'] === `T${ids.accept2}`)).toMatchObject({ 状态: '进行中', 结果: '进行中', 评价户数: 1, 居民意见: null })
    expect(list.find((r) => r['轮次'] === `T${ids.unrated}`)).toMatchObject({ 截止: '2026-11-28 20:00', 状态: '已结束', 评价户数: 0, 平均分: null, 结果: '无人评价', '1分': 0 })
  })

  it('counts participation per building in households, with a total', async () => {
    const list = records(wb, '参与情况')
    const perBuilding = async (sql: string) => {
      const rows = await database.query<{ number: number; n: number | string }>(sql, [ids.community])
      return new Map(rows.map((r) => [`${r.number}号楼`, Number(r.n)]))
    }
    const registered = await perBuilding(
      `select b.number, count(distinct h.id) as n from households h join buildings b on b.id = h.building_id
        where h.community_id = $1 and exists (select 1 from people p where p.household_id = h.id) group by b.number`,
    )
    const confirmed = await perBuilding(
      `select b.number, count(distinct h.id) as n from households h join buildings b on b.id = h.building_id
        where h.community_id = $1 and exists (select 1 from people p where p.household_id = h.id and p.household_confirmed_at is not null) group by b.number`,
    )
    const suggested = await perBuilding(
      `select b.number, count(distinct h.id) as n from suggestions s join people p on p.id = s.person_id
         join households h on h.id = p.household_id join buildings b on b.id = h.building_id
        where s.community_id = $1 group by b.number`,
    )
    // a ballot's household: from its key, or the voting person's; unknown (erased) persons count once each
    const voterUnits = `
      with v as (
        select r.kind, r.status, (b.dots->>0)::int as first,
               coalesce(case when b.voter_key like 'household:%' then b.voter_key end,
                        (select 'household:' || h.key from people p join households h on h.id = p.household_id where b.voter_key = 'person:' || p.id),
                        b.voter_key) as unit,
               coalesce((select h.building_id from households h where 'household:' || h.key = b.voter_key),
                        (select h.building_id from people p join households h on h.id = p.household_id where b.voter_key = 'person:' || p.id),
                        b.building_id) as building_id
          from ballots b join rounds r on r.id = b.round_id where r.community_id = $1)
      select bl.number, %s as n from v join buildings bl on bl.id = v.building_id where %s group by bl.number`
    const voted = await perBuilding(voterUnits.replace('%s', 'count(distinct unit)').replace('%s', `kind in ('resident', 'resolution')`))
    const rated = await perBuilding(voterUnits.replace('%s', 'count(distinct unit)').replace('%s', `kind = 'acceptance'`))
    const satisfaction = await perBuilding(voterUnits.replace('%s', 'round(avg(first)::numeric, 1)').replace('%s', `kind = 'acceptance' and status = 'closed'`))

    expect(list.map((r) => r['楼栋'])).toEqual(['3号楼', '5号楼', '7号楼', '合计'])
    for (const row of list.slice(0, -1)) {
      const key = String(row['楼栋'])
      expect(row).toEqual({
        楼栋: key,
        登记户数: registered.get(key) ?? 0,
        已确认户数: confirmed.get(key) ?? 0,
        提建议户数: suggested.get(key) ?? 0,
        投票户数: voted.get(key) ?? 0,
        评价户数: rated.get(key) ?? 0,
        平均满意度: satisfaction.get(key) ?? null,
      })
    }
    // the same figures, worked out by hand from the seed
    expect(list.map((r) => [r['登记户数'], r['已确认户数'], r['提建议户数'], r['投票户数'], r['评价户数'], r['平均满意度']])).toEqual([
      [2, 1, 2, 2, 2, 4.5],
      [2, 2, 2, 2, 2, 2],
      [1, 1, 0, 2, 1, 4],
      [5, 4, 4, 6, 5, 3.8],
    ])
    const overall = Number((await database.query<{ a: string }>(`select round(avg((b.dots->>0)::int)::numeric, 1) as a from ballots b join rounds r on r.id = b.round_id where r.community_id = $1 and r.kind = 'acceptance' and r.status = 'closed'`, [ids.community]))[0]!.a)
    expect(list.at(-1)!['平均满意度']).toBe(overall)
  })

  it('never carries a door number or a voter key', async () => {
    const text = wb.worksheets.flatMap((ws) => rowsOf(wb, ws.name).flat()).map((v) => String(v ?? '')).join('\n')
    const units = (await database.query<{ unit: string }>('select unit from households', [])).map((r) => r.unit)
    for (const u of [...units, PROXY_DOOR, '单元', 'household:', 'person:']) expect(text).not.toContain(u)
    expect(text).not.toContain('隔壁')
  })

  it('sums it up in a few lines for the chat', () => {
    expect(built.summary.split('\n').length).toBeGreaterThanOrEqual(3)
    expect(built.summary).toContain('已导出：建议 7 条，项目 2 个，投票 4 轮，进度 3 条，验收 3 轮。')
    expect(built.summary).toContain('参与：登记 5 户，提建议 4 户，投票 6 户，评价 5 户，平均满意度 3.8。')
  })

  it('the 导出 command: staff only, replies with the summary and queues the file to the same chat', async () => {
    const { db } = database
    const [community] = await db.select().from(communities).where(eq(communities.id, ids.community))
    const [staffRoom] = await db.insert(rooms).values({ communityId: ids.community, kind: 'staff', topic: '幸福居委工作群', puppetId: 'room-staff', account: 'default', createdAt: NOW }).returning()
    const [buildingRoom] = await db.insert(rooms).values({ communityId: ids.community, kind: 'building', topic: '3号楼群', puppetId: 'room-3', account: 'default', createdAt: NOW }).returning()
    const [staff] = await db.select().from(people).where(eq(people.id, ids.staff))
    const replies: string[] = []
    const ctxFor = (room: typeof staffRoom | null, isStaff: boolean, inboundId: number) =>
      ({
        db,
        now: NOW,
        config: { timeZone: TZ },
        msg: { talker: { puppetId: 'wx-li', name: '李干事' }, room: room ? { puppetId: room.puppetId, topic: room.topic } : undefined },
        inboundId,
        person: staff,
        room,
        community,
        isStaff,
        reply: async (t: string) => void replies.push(t),
      }) as unknown as Ctx

    // who and where are the router's check, made before the use-case runs
    const spec = createRegistry(COMMANDS).find('导出')!
    const refused = async (ctx: Ctx) => checkAccess(ctx, spec).then(() => null, (e: unknown) => (isAppError(e) ? e.code : e))
    expect(await refused(ctxFor(buildingRoom!, true, 1))).toBe('WRONG_ROOM')
    expect(await refused(ctxFor(null, false, 2))).toBe('FORBIDDEN')
    expect(replies).toEqual([])

    await exportWorkbook(ctxFor(staffRoom!, true, 3), '')
    expect(replies).toEqual([built.summary])
    const [queued] = await db.select().from(outbox).where(eq(outbox.idempotencyKey, 'reply:3:export'))
    expect(queued).toMatchObject({ kind: 'file', body: '[文件] 共建-导出-20261220.xlsx', roomId: staffRoom!.id, personId: null, puppetTo: 'room-staff', communityId: ids.community })
    const [file] = await db.select().from(files).where(eq(files.id, queued!.fileId!))
    expect(file).toMatchObject({ name: '共建-导出-20261220.xlsx', mediaType: XLSX_TYPE })
    const again = new ExcelJS.Workbook()
    await again.xlsx.load(Buffer.from(file!.base64, 'base64') as unknown as ArrayBuffer)
    expect(again.worksheets).toHaveLength(11)

    // in private, the file goes to the person
    await exportWorkbook(ctxFor(null, true, 4), '')
    const [mine] = await db.select().from(outbox).where(eq(outbox.idempotencyKey, 'reply:4:export'))
    expect(mine).toMatchObject({ roomId: null, personId: ids.staff, puppetTo: 'wx-li' })
  })
})

describe('the neighbour named in 代提', () => {
  it('keeps the name and drops the address, however it was typed', () => {
    expect(neighbourName('王奶奶 3号楼 502')).toBe('王奶奶')
    expect(neighbourName('王奶奶三号楼五零二')).toBe('王奶奶')
    expect(neighbourName('李阿姨3-2-502')).toBe('李阿姨')
    expect(neighbourName('张大爷 五号楼 一单元 三零一室')).toBe('张大爷')
    expect(neighbourName('王二')).toBe('王二')
    expect(neighbourName('502')).toBe('邻居')
  })
})
