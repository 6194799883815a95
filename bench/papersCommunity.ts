/**
 * The papers' community (Y community: 2,253 households in 20 buildings), seeded with batched
 * inserts, reproducibly: two confirmed people per household, ~1,500 suggestions (supports,
 * withdrawals, most merged into 60 projects), a resident round (a ballot per household, 3 dots),
 * a council round (40 members' scores), 40 assignments to 6 partners, 300 progress updates and
 * 20 closed acceptance rounds of ~300 commented ratings. Shared by the export and backup benches.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../src/db/client.js'
import { ensureBuilding, ensureCommunities } from '../src/db/communities.js'
import { householdKeySql } from '../src/db/households.js'
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
import { suggestionCorpus } from './suggestionCorpus.js'

// the papers' community; the household-driven counts scale with the number of households
export const PAPERS = 2253
export const BUILDINGS = 20
export const PROJECTS = 60
export const PARTNERS = 6
const ASSIGNED = 36 // projects with an assignment; 4 of them were reassigned (改派): 40 assignments
const REASSIGNED = 4
export const ACCEPTANCE = 20 // the first 20 assigned projects went through a (closed) acceptance round
export const COUNCIL = 40
const ROUND_PROJECTS = 24 // projects put to the resident and council rounds
const PROGRESS = 300
const BATCH = 1000
// the default pass line (GONGJIAN_ACCEPT_MIN_AVG)
const MIN_RATING = 3.5

export const day = (d: number) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000) // day 0 = 1 March 2026

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH))
}

export interface PapersCommunity {
  communityId: number
  /** ratings per acceptance round */
  ratings: number
  counts: { households: number; people: number; suggestions: number; supports: number; projects: number; assignments: number; progress: number; rounds: number; ballots: number }
}

export async function seedPapersCommunity(db: Db, N: number = PAPERS): Promise<PapersCommunity> {
  const scale = (x: number) => Math.max(1, Math.round((x * N) / PAPERS))
  const SUGGESTIONS = scale(1500)
  const RATINGS = Math.min(N, scale(300))
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
    Array.from({ length: 2 * N }, (_, i) => ({ account: 'default', name: name(), puppetId: `wx_${i}`, householdId: hh[i % N]!.id, householdConfirmedAt: day(int(1, 20)), createdAt: t0 })),
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
    .values(partnerRows.map((_, i) => ({ name: `联络员${pick(SURNAMES)}${pick(GIVEN)}`, puppetId: `wx_liaison_${i}`, account: 'default', createdAt: t0 })))
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
    rand() < 0.4 ? Array.from({ length: int(1, 4) }, () => ({ communityId, suggestionId: id, personId: pick(residents).id, words: pick(WORDS), fileIds: [], createdAt: day(int(6, 38)) })) : [],
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
      communityId,
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
      communityId,
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
        communityId,
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
  return { communityId, ratings: RATINGS, counts }
}
