/**
 * The staff export (导出): `buildWorkbook` on a community the size of the papers' one — 2,253
 * households in 20 buildings (two confirmed people each), ~1,500 suggestions (supports,
 * withdrawals, most merged into 60 projects), a resident round (a ballot per household, 3 dots),
 * a council round (40 members' scores), 40 assignments to 6 partners, 300 progress updates and
 * 20 closed acceptance rounds of ~300 commented ratings. Seeded with batched inserts, reproducible.
 *
 * Measured: the export's wall time (median of 5) and memory, against a baseline of reading every
 * row of the tables it reads; the file's size and each sheet's rows (read back with exceljs);
 * a rough split of the time by query. Goal: export ≤ 5 s.
 *
 *   npm run bench:export -- --households 2253
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { and, eq, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { ensureBuilding, ensureCommunities } from '../src/db/communities.js'
import { householdKeySql } from '../src/db/households.js'
import {
  reportBallots,
  reportBuildings,
  reportHouseholds,
  reportProgress,
  reportProjects,
  reportRounds,
  reportSuggestions,
  suggesterHouseholds,
} from '../src/db/report.js'
import {
  assignments,
  ballots,
  campaigns,
  households,
  partners,
  people,
  progressUpdates,
  projects,
  rounds,
  suggestionSupports,
  suggestions,
} from '../src/db/schema.js'
import { acceptanceOutcome } from '../src/domain/implementation/acceptance.js'
import { seededRandom } from '../src/domain/random.js'
import { buildWorkbook } from '../src/services/exportWorkbook.js'
import { scratchDatabase } from './scratch.js'
import { suggestionCorpus } from './suggestionCorpus.js'

const { values: argv } = parseArgs({ options: { households: { type: 'string', default: '2253' } } })
const N = Number(argv.households)
if (!Number.isInteger(N) || N < 100) throw new Error(`--households must be an integer ≥ 100, got ${argv.households}`)
// the papers' community; the household-driven counts scale with --households
const PAPERS = 2253
const scale = (x: number) => Math.max(1, Math.round((x * N) / PAPERS))
const BUILDINGS = 20
const SUGGESTIONS = scale(1500)
const PROJECTS = 60
const PARTNERS = 6
const ASSIGNED = 36 // projects with an assignment; 4 of them were reassigned (改派): 40 assignments
const REASSIGNED = 4
const ACCEPTANCE = 20 // the first 20 assigned projects went through a (closed) acceptance round
const RATINGS = Math.min(N, scale(300))
const COUNCIL = 40
const ROUND_PROJECTS = 24 // projects put to the resident and council rounds
const PROGRESS = 300
const RUNS = 5
const GOAL_MS = 5000
const TZ = 'Asia/Shanghai'
const BATCH = 1000
// the default pass line (GONGJIAN_ACCEPT_MIN_AVG)
const MIN_RATING = 3.5

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
const day = (d: number) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000) // day 0 = 1 March 2026

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH))
}

/** Times one async call, ms. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const r = await fn()
  return [r, performance.now() - t]
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench_export')
  try {
    const { db } = scratch.database
    const rand = seededRandom(2253)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
    /** k distinct items (partial Fisher–Yates) */
    const sample = <T>(xs: readonly T[], k: number): T[] => {
      const a = [...xs]
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(rand() * (a.length - i))
        ;[a[i], a[j]] = [a[j]!, a[i]!]
      }
      return a.slice(0, k)
    }
    const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗']
    const GIVEN = ['秀英', '桂兰', '建国', '志强', '丽', '伟', '芳', '敏', '静', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞']
    const name = () => (rand() < 0.2 ? `${pick(SURNAMES)}${pick(['阿姨', '师傅', '奶奶', '大爷'])}` : `${pick(SURNAMES)}${pick(GIVEN)}`)

    const t = performance.now()
    const t0 = day(0)
    const [community] = await ensureCommunities(db, { staffRoomTopics: ['居委工作群'], now: t0 })
    const communityId = community!.id
    const [campaign] = await db.insert(campaigns).values({ communityId, name: '2026年微更新', createdAt: t0 }).returning({ id: campaigns.id })
    const campaignId = campaign!.id
    const buildingIds: number[] = []
    for (let b = 1; b <= BUILDINGS; b++) buildingIds.push((await ensureBuilding(db, { communityId, number: b, now: t0 })).id)

    // households and their two confirmed members
    const hh: { id: number; buildingId: number }[] = []
    await inBatches(
      Array.from({ length: N }, (_, i) => ({ communityId, buildingId: buildingIds[i % BUILDINGS]!, unit: String(101 + Math.floor(i / BUILDINGS)), createdAt: t0 })).map((h) => ({ ...h, key: householdKeySql(h.buildingId, h.unit) })),
      async (batch) => hh.push(...(await db.insert(households).values(batch).returning({ id: households.id, buildingId: households.buildingId }))),
    )
    const buildingOfHousehold = new Map(hh.map((h) => [h.id, h.buildingId]))
    const residents: { id: number; householdId: number; buildingId: number }[] = []
    await inBatches(
      Array.from({ length: 2 * N }, (_, i) => ({ name: name(), puppetId: `wx_${i}`, householdId: hh[i % N]!.id, householdConfirmedAt: day(int(1, 20)), createdAt: t0 })),
      async (batch) => {
        const made = await db.insert(people).values(batch).returning({ id: people.id, householdId: people.householdId })
        residents.push(...made.map((p) => ({ id: p.id, householdId: p.householdId!, buildingId: buildingOfHousehold.get(p.householdId!)! })))
      },
    )
    const members = new Map<number, number[]>()
    for (const r of residents) members.set(r.householdId, [...(members.get(r.householdId) ?? []), r.id])
    // one building head per building (they type suggestions in for neighbours: 代提)
    const heads = buildingIds.map((b) => residents.find((r) => r.buildingId === b)!.id)

    // partners and their liaisons (no household)
    const partnerRows = await db
      .insert(partners)
      .values(['街道城管科', '区绿化所', '物业公司', '供电所', '区住建委', '共建单位：城建集团'].slice(0, PARTNERS).map((n) => ({ communityId, name: n, createdAt: t0 })))
      .returning({ id: partners.id })
    const liaisons = await db
      .insert(people)
      .values(partnerRows.map((_, i) => ({ name: `联络员${pick(SURNAMES)}${pick(GIVEN)}`, puppetId: `wx_liaison_${i}`, createdAt: t0 })))
      .returning({ id: people.id })

    // 60 projects; their stage is fixed below once the acceptance ratings are drawn
    const PROJECT_NAMES = ['路灯维修', '楼道照明', '停车线重划', '非机动车棚', '充电桩加装', '道路修补', '无障碍坡道', '电梯加装', '垃圾房改造', '绿化修剪', '监控补装', '门禁更换', '健身器材', '晾衣架', '屋顶防水']
    const projectIds = (
      await db
        .insert(projects)
        .values(Array.from({ length: PROJECTS }, (_, i) => ({ communityId, campaignId, name: `${pick(['', '', '', `${int(1, BUILDINGS)}号楼`, '中心花园', '东门'])}${PROJECT_NAMES[i % PROJECT_NAMES.length]}${i >= PROJECT_NAMES.length ? `（${Math.floor(i / PROJECT_NAMES.length) + 1}期）` : ''}`, createdAt: day(40) })))
        .returning({ id: projects.id })
    ).map((p) => p.id)

    // suggestions: ~85% merged into projects, ~7% withdrawn, the rest open; some 代提, a few erased authors
    const corpus = suggestionCorpus(7, BUILDINGS).generate(SUGGESTIONS)
    const suggestionRows = corpus.map((c) => {
      const author = pick(residents)
      const proxied = rand() < 0.05
      const erased = !proxied && rand() < 0.01
      const u = rand()
      const status = u < 0.85 ? 'merged' : u < 0.92 ? 'withdrawn' : 'open'
      const created = day(int(5, 35))
      return {
        communityId,
        campaignId,
        // 代提: the head is proxiedBy, the suggestion has no person of its own (as the intake stores it)
        personId: proxied || erased ? null : author.id,
        proxiedBy: proxied ? heads[(c.building ?? 1) - 1]! : null,
        proxyFor: proxied ? `${pick(SURNAMES)}${pick(['奶奶', '大爷', '阿姨'])} ${c.building ?? int(1, BUILDINGS)}号楼 ${int(1, 6)}0${int(1, 4)}` : null,
        buildingId: c.building ? buildingIds[c.building - 1]! : null,
        place: c.place,
        placeKind: c.placeKind,
        category: c.category,
        problem: c.text,
        features: [...(c.features ?? [])],
        fileIds: rand() < 0.3 ? [int(1, 500)] : [],
        status,
        // skewed: the first projects gather most suggestions
        projectId: status === 'merged' ? projectIds[Math.floor(rand() ** 1.6 * PROJECTS)]! : null,
        createdAt: created,
        updatedAt: status === 'open' ? created : day(int(36, 45)),
      }
    })
    const suggestionIds: number[] = []
    await inBatches(suggestionRows, async (batch) => suggestionIds.push(...(await db.insert(suggestions).values(batch).returning({ id: suggestions.id })).map((s) => s.id)))
    // ~40% have supports (1–4 each, "是同一件事")
    const WORDS = ['同感', '我家也是', '确实如此，希望尽快解决', '+1', '这个问题很久了', '赞同', '老人孩子都不方便']
    const supportRows = suggestionIds.flatMap((id) =>
      rand() < 0.4 ? Array.from({ length: int(1, 4) }, () => ({ suggestionId: id, personId: pick(residents).id, words: pick(WORDS), fileIds: [], createdAt: day(int(6, 38)) })) : [],
    )
    await inBatches(supportRows, (batch) => db.insert(suggestionSupports).values(batch))

    // resident round: a ballot per household, 3 dots over 24 projects
    const roundProjects = projectIds.slice(0, ROUND_PROJECTS)
    const [resident] = await db
      .insert(rounds)
      .values({ communityId, campaignId, kind: 'resident', projectIds: roundProjects, dots: 3, per: 'household', seed: 'bench-resident', opensAt: day(46), closesAt: day(53), status: 'closed', closedAt: day(53) })
      .returning({ id: rounds.id })
    await inBatches(
      hh.map((h) => ({
        roundId: resident!.id,
        voterKey: `household:${h.id}`,
        personId: pick(members.get(h.id)!),
        buildingId: h.buildingId,
        dots: Array.from({ length: 3 }, () => roundProjects[Math.floor(rand() ** 1.4 * ROUND_PROJECTS)]!),
        castAt: new Date(day(46).getTime() + rand() * 7 * 86_400_000),
      })),
      (batch) => db.insert(ballots).values(batch),
    )
    // council round: 40 members score every project (urgency, importance)
    const [council] = await db
      .insert(rounds)
      .values({ communityId, campaignId, kind: 'council', projectIds: roundProjects, dots: 0, per: 'person', seed: 'bench-council', opensAt: day(55), closesAt: day(60), status: 'closed', closedAt: day(60) })
      .returning({ id: rounds.id })
    await db.insert(ballots).values(
      sample(residents, COUNCIL).map((m) => ({
        roundId: council!.id,
        voterKey: `person:${m.id}`,
        personId: m.id,
        buildingId: m.buildingId,
        dots: [],
        scores: roundProjects.map((p) => ({ project: p, urgency: int(1, 5), importance: int(1, 5) })),
        castAt: day(int(55, 59)),
      })),
    )

    // 40 assignments to 6 partners: 36 projects, 4 of them reassigned (the first assignment replaced)
    const assigned = projectIds.slice(0, ASSIGNED)
    const assignmentRows = [
      ...assigned.slice(0, REASSIGNED).map((p, i) => ({ p, i, status: 'replaced' as const, start: 62 })),
      ...assigned.map((p, i) => ({ p, i, status: i < ACCEPTANCE ? ('done' as const) : ('active' as const), start: i < REASSIGNED ? 75 : 62 + (i % 10) })),
    ].map(({ p, i, status, start }) => ({
      communityId,
      projectId: p,
      partnerId: partnerRows[(i + (status === 'replaced' ? 1 : 0)) % PARTNERS]!.id,
      cost: rand() < 0.8 ? int(20, 400) * 100 : null,
      startsAt: day(start),
      dueAt: day(start + int(20, 60)),
      places: [`b:${int(1, BUILDINGS)}`],
      status,
      createdAt: day(start - 2),
      endedAt: status === 'replaced' ? day(74) : null,
    }))
    const assignmentIds = await db.insert(assignments).values(assignmentRows).returning({ id: assignments.id, projectId: assignments.projectId, status: assignments.status, partnerId: assignments.partnerId })
    // 300 progress updates over the assigned projects, rising percent
    const NOTES = ['材料已进场', '完成基础施工', '主体施工中', '已完成一半', '等待验收', '雨天暂停一天', '已更换灯具', '整改完成，请复查']
    const perProject = new Map<number, number>()
    const progressRows = Array.from({ length: PROGRESS }, () => {
      const a = pick(assignmentIds.filter((x) => x.status !== 'replaced'))
      const k = (perProject.get(a.projectId) ?? 0) + 1
      perProject.set(a.projectId, k)
      return {
        communityId,
        projectId: a.projectId,
        assignmentId: a.id,
        percent: Math.min(100, k * int(5, 15)),
        note: pick(NOTES),
        fileIds: Array.from({ length: int(0, 3) }, () => int(1, 500)),
        byPerson: liaisons[partnerRows.findIndex((x) => x.id === a.partnerId)]!.id,
        at: day(62 + k * 2 + int(0, 1)),
      }
    })
    await inBatches(progressRows, (batch) => db.insert(progressUpdates).values(batch))

    // 20 closed acceptance rounds, one project each, ~300 household ratings, most with a comment
    const COMMENTS = ['修得不错', '谢谢社区', '晚上亮多了', '还可以，希望保持', '施工有点慢', '质量一般', '终于解决了！', '灯还是有点暗', '很满意', '地面没清理干净', '比以前好多了', '希望以后多听听居民意见']
    const stages = new Map<number, { stage: string; percent: number }>()
    for (let i = 0; i < ACCEPTANCE; i++) {
      const p = assigned[i]!
      const opens = day(110 + i * 3)
      const [round] = await db
        .insert(rounds)
        .values({ communityId, campaignId, kind: 'acceptance', minRating: MIN_RATING, projectIds: [p], dots: 1, per: 'household', seed: `bench-accept-${i}`, opensAt: opens, closesAt: day(117 + i * 3), status: 'closed', closedAt: day(117 + i * 3) })
        .returning({ id: rounds.id })
      const quality = 2.8 + rand() * 2
      const rows = sample(hh, RATINGS).map((h) => {
        const r = Math.max(1, Math.min(5, Math.round(quality + (rand() - 0.5) * 2.5)))
        return {
          roundId: round!.id,
          voterKey: `household:${h.id}`,
          personId: pick(members.get(h.id)!),
          buildingId: buildingOfHousehold.get(h.id)!,
          dots: [r],
          comment: rand() < 0.8 ? pick(COMMENTS) : null,
          castAt: new Date(opens.getTime() + rand() * 7 * 86_400_000),
        }
      })
      await inBatches(rows, (batch) => db.insert(ballots).values(batch))
      const outcome = acceptanceOutcome(rows.map((r) => r.dots[0]!), MIN_RATING)
      stages.set(p, { stage: outcome.result, percent: 100 })
    }
    for (const p of assigned.slice(ACCEPTANCE)) stages.set(p, { stage: 'assigned', percent: Math.min(100, (perProject.get(p) ?? 0) * 10) })
    // a project sent back for rework keeps its assignment open
    for (const [p, s] of stages) if (s.stage === 'rework') await db.update(assignments).set({ status: 'active' }).where(and(eq(assignments.projectId, p), eq(assignments.status, 'done')))
    for (const [p, s] of stages) {
      await db.update(projects).set({ ...s, changedAt: day(120) }).where(eq(projects.id, p))
    }
    const seedMs = performance.now() - t
    await db.execute(sql`analyze`)

    const counts = {
      households: hh.length,
      people: residents.length + liaisons.length,
      suggestions: suggestionIds.length,
      supports: supportRows.length,
      projects: PROJECTS,
      assignments: assignmentIds.length,
      progress: progressRows.length,
      rounds: 2 + ACCEPTANCE,
      ballots: N + COUNCIL + ACCEPTANCE * RATINGS,
    }
    console.log(`\nGongjian export bench (导出) — Postgres ${new URL(scratch.url).host}`)
    console.log(
      `${counts.households} households × 2 people, ${BUILDINGS} buildings; ${counts.suggestions} suggestions (${counts.supports} supports), ${counts.projects} projects, ` +
        `${counts.assignments} assignments to ${PARTNERS} partners, ${counts.progress} progress updates; rounds: resident (${N} ballots), council (${COUNCIL}), ` +
        `${ACCEPTANCE} acceptance × ${RATINGS} ratings — ${counts.ballots} ballots`,
    )
    console.log(`seeding: ${(seedMs / 1000).toFixed(1)} s`)

    // baseline: read every row of the tables the export reads, nothing else
    const BASE_TABLES = { suggestions, suggestionSupports, projects, assignments, progressUpdates, rounds, ballots, people, households }
    const baseline = async () => {
      let rows = 0
      for (const table of Object.values(BASE_TABLES)) rows += (await db.select().from(table)).length
      return rows
    }
    await baseline() // warm-up
    const baseMs: number[] = []
    let baseRows = 0
    for (let i = 0; i < RUNS; i++) {
      const [rows, ms] = await timed(baseline)
      baseRows = rows
      baseMs.push(ms)
    }

    // the export: one cold run (first plans), then 5 measured, memory sampled every 5 ms
    const now = day(200)
    const [, coldMs] = await timed(() => buildWorkbook(db, { communityId, now, timeZone: TZ }))
    const exportMs: number[] = []
    let peakRss = 0
    let peakHeap = 0
    let retained = 0
    let out: Awaited<ReturnType<typeof buildWorkbook>> | undefined
    for (let i = 0; i < RUNS; i++) {
      out = undefined
      gc()
      const before = process.memoryUsage()
      let rss = before.rss
      let heap = before.heapUsed
      const sampler = setInterval(() => {
        const m = process.memoryUsage()
        rss = Math.max(rss, m.rss)
        heap = Math.max(heap, m.heapUsed)
      }, 5)
      const [result, ms] = await timed(() => buildWorkbook(db, { communityId, now, timeZone: TZ }))
      clearInterval(sampler)
      const after = process.memoryUsage()
      rss = Math.max(rss, after.rss)
      heap = Math.max(heap, after.heapUsed)
      out = result
      exportMs.push(ms)
      peakRss = Math.max(peakRss, rss - before.rss)
      peakHeap = Math.max(peakHeap, heap - before.heapUsed)
      gc()
      retained = Math.max(retained, process.memoryUsage().heapUsed - before.heapUsed)
    }
    const exportMedian = median(exportMs)
    const baseMedian = median(baseMs)

    // the file: size, and each sheet's rows read back
    const wb = new ExcelJS.Workbook()
    const [, loadMs] = await timed(() => wb.xlsx.load(out!.buffer as unknown as ArrayBuffer))
    const sheets = wb.worksheets.map((ws) => `${ws.name} ${ws.rowCount - 1}`)
    const [, writeMs] = await timed(() => wb.xlsx.writeBuffer())

    console.log(`baseline (select * from ${Object.keys(BASE_TABLES).length} tables, ${baseRows} rows): median ${baseMedian.toFixed(0)} ms of ${RUNS} (${baseMs.map((x) => x.toFixed(0)).join(', ')})`)
    console.log(`buildWorkbook: median ${exportMedian.toFixed(0)} ms of ${RUNS} (${exportMs.map((x) => x.toFixed(0)).join(', ')}); first run ${coldMs.toFixed(0)} ms   ratio export / baseline ${(exportMedian / baseMedian).toFixed(1)}×`)
    console.log(`memory per export: peak RSS +${mb(peakRss)}, peak heap +${mb(peakHeap)}, heap kept after GC +${mb(Math.max(0, retained))} (process max RSS ${mb(process.resourceUsage().maxRSS * 1024)})`)
    console.log(`file: ${out!.fileName}, ${(out!.buffer.length / 1024).toFixed(0)} KB; rows per sheet (without the header): ${sheets.join(', ')}`)
    console.log(`summary: ${out!.summary.split('\n').slice(0, 2).join(' ')}`)

    // rough split: the export's queries one by one (as buildWorkbook runs them), then the xlsx
    const split: [string, number][] = []
    const q = async (label: string, fn: () => Promise<unknown>) => {
      const ms: number[] = []
      for (let i = 0; i < RUNS; i++) ms.push((await timed(fn))[1])
      split.push([label, median(ms)])
    }
    const roundList = await reportRounds(db, { communityId })
    const ballotList = await reportBallots(db, { communityId })
    await q('reportSuggestions', () => reportSuggestions(db, { communityId }))
    await q('reportRounds', () => reportRounds(db, { communityId }))
    await q('reportBallots', () => reportBallots(db, { communityId }))
    await q('reportProjects', () => reportProjects(db, { communityId }))
    await q('reportProgress', () => reportProgress(db, { communityId }))
    await q('reportBuildings', () => reportBuildings(db, { communityId }))
    await q('reportHouseholds', () => reportHouseholds(db, { communityId }))
    await q('suggesterHouseholds', () => suggesterHouseholds(db, { communityId }))
    const queriesMs = split.reduce((n, [, ms]) => n + ms, 0)
    console.log(
      `split (medians): ${split.map(([l, ms]) => `${l} ${ms.toFixed(0)} ms`).join(', ')}; queries together ${queriesMs.toFixed(0)} ms ` +
        `(${((100 * queriesMs) / exportMedian).toFixed(0)}% of the export); xlsx write of the read-back file ${writeMs.toFixed(0)} ms (read ${loadMs.toFixed(0)} ms); ` +
        `${roundList.length} rounds, ${ballotList.length} ballots`,
    )
    console.log(`goal: export ≤ ${GOAL_MS / 1000} s for this community — median ${(exportMedian / 1000).toFixed(2)} s   ${exportMedian <= GOAL_MS ? 'met' : 'NOT MET'}`)
  } finally {
    await scratch.drop()
  }
}

await main()
