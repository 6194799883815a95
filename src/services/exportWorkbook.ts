import ExcelJS from 'exceljs'
import type { Db } from '../db/client.js'
import { saveFile } from '../db/notices.js'
import {
  reportBallots,
  reportBuildings,
  reportHouseholds,
  reportProgress,
  reportProjects,
  reportRounds,
  reportSuggestions,
  suggesterHouseholds,
} from '../db/report.js'
import type { Round } from '../db/rounds.js'
import { buildingLabel, neighbourName } from '../domain/address.js'
import { projectCode } from '../domain/codes.js'
import { acceptanceOutcome, STAGE_LABEL as STAGE } from '../domain/implementation/acceptance.js'
import { wallTime } from '../domain/time.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import type { Ctx } from '../kit/context.js'
import { roundCode } from './openRound.js'
import { staffCommunity } from '../kit/access.js'
import { suggestionCode } from './submitSuggestion.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const ERASED = '（已删除）'
// the chat never shows a ranking before the deadline; the file (easily forwarded) does the same
const WITHHELD = '截止后公布'
const MAX_COMMENTS = 20

const SUGGESTION_STATUS: Record<string, string> = { open: '待汇总', merged: '已并入', withdrawn: '已撤回' }
const ROUND_KIND: Record<string, string> = { resident: '居民投票', council: '议事会评议', resolution: '决议表决', acceptance: '验收评价' }
const ROUND_STATUS: Record<string, string> = { open: '进行中', closed: '已结束' }

type Cell = string | number | null
interface Column {
  header: string
  width: number
  numFmt?: string
}
type Ballot = Awaited<ReturnType<typeof reportBallots>>[number]

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-11-20 09:05": the wall clock in the community's time zone, as text (Excel has no zones). */
function stamp(d: Date | null, timeZone: string): string | null {
  if (!d) return null
  const w = wallTime(d, timeZone)
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`
}

const round2 = (x: number) => Math.round(x * 100) / 100
const round1 = (x: number) => Math.round(x * 10) / 10
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }))
  ws.getRow(1).font = { bold: true }
  ws.addRows(rows)
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
}

/** A rating given in an acceptance round: dots [score], 1–5. */
const ratingOf = (b: Ballot): number | null => {
  const r = b.dots[0]
  return Number.isInteger(r) && r! >= 1 && r! <= 5 ? r! : null
}

/**
 * The household behind a ballot and its building: 'household:<key>' directly (the ballot keeps
 * the building), 'person:N' through the person's household. An erased person's ballot has no
 * household any more: it counts as its own.
 */
function voterUnit(b: Ballot): { unit: string; building: number | null } {
  if (b.voterKey.startsWith('household:') || b.personHouseholdKey === null) return { unit: b.voterKey, building: b.buildingId }
  return { unit: `household:${b.personHouseholdKey}`, building: b.personBuildingId ?? b.buildingId }
}

function roundRows(round: Round, cast: Ballot[], names: Map<number, string>, timeZone: string): Cell[][] {
  const head = [roundCode(round.id), ROUND_KIND[round.kind] ?? round.kind, ROUND_STATUS[round.status] ?? round.status, round.per === 'person' ? '人' : '户', stamp(round.closedAt ?? round.closesAt, timeZone)]
  const label = (id: number) => `${projectCode(id)} ${names.get(id) ?? ''}`.trim()
  // 轮次 类型 状态 计票 截止 项目 | 得票 投票户/人数 | 平均紧迫 平均重要 | 同意 不同意 | 平均分 评价户数
  const row = (project: string, r: { dots?: Cell; voters?: Cell; urgency?: Cell; importance?: Cell; yes?: Cell; no?: Cell; rating?: Cell; raters?: Cell }): Cell[] => [
    ...head,
    project,
    r.dots ?? null,
    r.voters ?? null,
    r.urgency ?? null,
    r.importance ?? null,
    r.yes ?? null,
    r.no ?? null,
    r.rating ?? null,
    r.raters ?? null,
  ]
  if (round.status !== 'closed') {
    // while open, like 结果 in the chat: only the turnout, one row (per-project counts would rank)
    const all = round.kind === 'resolution' ? '—' : round.projectIds.map(projectCode).join('、')
    if (round.kind === 'acceptance') return [row(all, { rating: WITHHELD, raters: cast.length })]
    const withheld = { resident: { dots: WITHHELD }, council: { urgency: WITHHELD }, resolution: { yes: WITHHELD } }[round.kind] ?? {}
    return [row(all, { ...withheld, voters: cast.length })]
  }
  if (round.kind === 'resolution') {
    const yes = cast.filter((b) => b.dots[0] === 1).length
    return [row('—', { yes, no: cast.length - yes, voters: cast.length })]
  }
  return round.projectIds.map((id) => {
    if (round.kind === 'council') {
      const scores = cast.flatMap((b) => (b.scores ?? []).filter((s) => s.project === id))
      const u = mean(scores.map((s) => s.urgency))
      const i = mean(scores.map((s) => s.importance))
      return row(label(id), { voters: scores.length, urgency: u === null ? null : round2(u), importance: i === null ? null : round2(i) })
    }
    if (round.kind === 'acceptance') {
      const ratings = cast.map(ratingOf).filter((r): r is number => r !== null)
      const avg = mean(ratings)
      return row(label(id), { raters: ratings.length, rating: avg === null ? null : round2(avg) })
    }
    return row(label(id), {
      dots: cast.reduce((n, b) => n + b.dots.filter((d) => d === id).length, 0),
      voters: cast.filter((b) => b.dots.includes(id)).length,
    })
  })
}

function acceptanceRow(round: Round, cast: Ballot[], names: Map<number, string>, timeZone: string): Cell[] {
  const ratings = cast.map(ratingOf).filter((r): r is number => r !== null)
  const projects = round.projectIds.map((id) => `${projectCode(id)} ${names.get(id) ?? ''}`.trim()).join('、')
  const head = [roundCode(round.id), projects, stamp(round.closedAt ?? round.closesAt, timeZone), ROUND_STATUS[round.status] ?? round.status, ratings.length]
  const line = round.minRating ?? 0
  if (round.status !== 'closed') return [...head, WITHHELD, null, null, null, null, null, line, '进行中', null]
  // the same rule as the published verdict
  const outcome = acceptanceOutcome(ratings, line)
  const avg = outcome.raters ? outcome.average : null
  const result = { accepted: '通过', rework: '未通过', unrated: '无人评价' }[outcome.result]
  const comments = cast
    .map((b) => b.comment?.trim())
    .filter((c): c is string => !!c)
    .slice(0, MAX_COMMENTS)
  return [
    ...head,
    avg === null ? null : round2(avg),
    ...[1, 2, 3, 4, 5].map((k) => ratings.filter((r) => r === k).length),
    line,
    result,
    comments.join('；') || null,
  ]
}

interface Participation {
  building: string
  registered: number
  confirmed: number
  suggested: number
  voted: number
  rated: number
  satisfaction: number | null
}

/** Per building: registration, suggestions, votes and ratings counted in households. */
async function participation(db: Db, p: { communityId: number; rounds: Round[]; ballots: Ballot[] }): Promise<{ rows: Participation[]; total: Participation }> {
  const buildingList = await reportBuildings(db, p)
  const registered = await reportHouseholds(db, p)
  const suggested = await suggesterHouseholds(db, p)
  const roundOf = new Map(p.rounds.map((r) => [r.id, r]))
  const voters = new Map<number | null, Set<string>>()
  const raters = new Map<number | null, Set<string>>()
  const ratings = new Map<number | null, number[]>()
  const add = <T>(m: Map<number | null, T>, k: number | null, empty: () => T) => m.get(k) ?? m.set(k, empty()).get(k)!
  for (const b of p.ballots) {
    const round = roundOf.get(b.roundId)
    if (!round) continue
    const { unit, building } = voterUnit(b)
    if (round.kind === 'resident' || round.kind === 'resolution') add(voters, building, () => new Set()).add(unit)
    if (round.kind !== 'acceptance') continue
    add(raters, building, () => new Set()).add(unit)
    // satisfaction from finished rounds only, like the published results
    const r = ratingOf(b)
    if (round.status === 'closed' && r !== null) add(ratings, building, () => []).push(r)
  }
  const line = (building: string, id: number | null): Participation => {
    const mine = ratings.get(id) ?? []
    const avg = mean(mine)
    return {
      building,
      registered: registered.filter((h) => h.buildingId === id).length,
      confirmed: registered.filter((h) => h.buildingId === id && h.confirmed).length,
      suggested: suggested.filter((h) => h.buildingId === id).length,
      voted: voters.get(id)?.size ?? 0,
      rated: raters.get(id)?.size ?? 0,
      satisfaction: avg === null ? null : round1(avg),
    }
  }
  const rows = buildingList.map((b) => line(buildingLabel(b.number), b.id))
  // ballots whose building is unknown (no household, no building recorded) still count in the total
  if (voters.has(null) || raters.has(null)) rows.push(line('楼栋不明', null))
  const all = [...ratings.values()].flat()
  const avg = mean(all)
  const sum = (k: 'registered' | 'confirmed' | 'suggested' | 'voted' | 'rated') => rows.reduce((n, r) => n + r[k], 0)
  return {
    rows,
    total: { building: '合计', registered: sum('registered'), confirmed: sum('confirmed'), suggested: sum('suggested'), voted: sum('voted'), rated: sum('rated'), satisfaction: avg === null ? null : round1(avg) },
  }
}

/** The staff export: every suggestion, project, round (aggregated), progress and acceptance, and participation by building. */
export async function buildWorkbook(db: Db, p: { communityId: number; now: Date; timeZone: string }): Promise<{ buffer: Buffer; fileName: string; summary: string }> {
  const { communityId, timeZone } = p
  const wb = new ExcelJS.Workbook()
  wb.creator = '共建'
  wb.created = p.now
  wb.modified = p.now

  const suggestionList = await reportSuggestions(db, { communityId })
  addSheet(
    wb,
    '建议',
    [
      { header: '编号', width: 8 },
      { header: '提交时间', width: 17 },
      { header: '楼栋', width: 8 },
      { header: '地点', width: 16 },
      { header: '类别', width: 10 },
      { header: '内容', width: 48 },
      { header: '状态', width: 8 },
      { header: '所属项目', width: 10 },
      { header: '附议人数', width: 10 },
      { header: '提建议人', width: 20 },
    ],
    suggestionList.map((s) => [
      suggestionCode(s.id),
      stamp(s.createdAt, timeZone),
      s.building === null ? null : buildingLabel(s.building),
      s.place,
      s.category,
      s.problem,
      SUGGESTION_STATUS[s.status] ?? s.status,
      s.projectId === null ? null : projectCode(s.projectId),
      Number(s.supports),
      s.proxyFor ? `${s.proxier !== null ? `楼组长${s.proxier}` : ERASED}代${neighbourName(s.proxyFor)}` : (s.author ?? ERASED),
    ]),
  )

  const rounds = await reportRounds(db, { communityId })
  const ballots = await reportBallots(db, { communityId })
  const byRound = new Map<number, Ballot[]>()
  for (const b of ballots) {
    const list = byRound.get(b.roundId)
    if (list) list.push(b)
    else byRound.set(b.roundId, [b])
  }
  const castIn = (roundId: number) => byRound.get(roundId) ?? []
  // the latest finished acceptance round of each project gives its satisfaction
  const satisfaction = new Map<number, number | null>()
  for (const r of rounds.filter((x) => x.kind === 'acceptance' && x.status === 'closed')) {
    const avg = mean(castIn(r.id).map(ratingOf).filter((x): x is number => x !== null))
    for (const id of r.projectIds) satisfaction.set(id, avg === null ? null : round2(avg))
  }

  const projectList = await reportProjects(db, { communityId })
  const names = new Map(projectList.map((m) => [m.project.id, m.project.name]))
  addSheet(
    wb,
    '项目',
    [
      { header: '编号', width: 7 },
      { header: '名称', width: 24 },
      { header: '建议数', width: 8 },
      { header: '提到的人数', width: 11 },
      { header: '涉及楼栋', width: 16 },
      { header: '阶段', width: 10 },
      { header: '进度 (%)', width: 10 },
      { header: '承办单位', width: 18 },
      { header: '开工', width: 17 },
      { header: '预计完成', width: 17 },
      { header: '费用 (元)', width: 11, numFmt: '#,##0' },
      { header: '最近更新', width: 17 },
      { header: '满意度', width: 8, numFmt: '0.00' },
    ],
    projectList.map((m) => {
      const changed = [m.project.changedAt, m.lastProgressAt].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null
      return [
        projectCode(m.project.id),
        m.project.name,
        m.suggestions,
        m.mentioned,
        m.buildings.map(buildingLabel).join('、') || null,
        STAGE[m.project.stage] ?? m.project.stage,
        m.project.percent,
        m.work?.partner ?? null,
        stamp(m.work?.startsAt ?? null, timeZone),
        stamp(m.work?.dueAt ?? null, timeZone),
        m.work?.cost ?? null,
        stamp(changed, timeZone),
        satisfaction.get(m.project.id) ?? null,
      ]
    }),
  )

  addSheet(
    wb,
    '投票',
    [
      { header: '轮次', width: 6 },
      { header: '类型', width: 11 },
      { header: '状态', width: 8 },
      { header: '计票', width: 6 },
      { header: '截止', width: 17 },
      { header: '项目', width: 24 },
      { header: '得票', width: 7 },
      { header: '投票户/人数', width: 11 },
      { header: '平均紧迫', width: 10, numFmt: '0.00' },
      { header: '平均重要', width: 10, numFmt: '0.00' },
      { header: '同意', width: 7 },
      { header: '不同意', width: 7 },
      { header: '平均分', width: 8, numFmt: '0.00' },
      { header: '评价户数', width: 10 },
    ],
    rounds.flatMap((r) => roundRows(r, castIn(r.id), names, timeZone)),
  )

  const progress = await reportProgress(db, { communityId })
  addSheet(
    wb,
    '进度',
    [
      { header: '项目', width: 24 },
      { header: '时间', width: 17 },
      { header: '进度 (%)', width: 10 },
      { header: '说明', width: 40 },
      { header: '照片数', width: 7 },
      { header: '更新人', width: 12 },
    ],
    progress.map((u) => [`${projectCode(u.projectId)} ${u.project}`, stamp(u.at, timeZone), u.percent, u.note, Number(u.photos), u.by ?? ERASED]),
  )

  const acceptance = rounds.filter((r) => r.kind === 'acceptance')
  addSheet(
    wb,
    '验收',
    [
      { header: '轮次', width: 6 },
      { header: '项目', width: 24 },
      { header: '截止', width: 17 },
      { header: '状态', width: 8 },
      { header: '评价户数', width: 10 },
      { header: '平均分', width: 8, numFmt: '0.00' },
      ...[1, 2, 3, 4, 5].map((k) => ({ header: `${k}分`, width: 6 })),
      { header: '通过线', width: 7 },
      { header: '结果', width: 10 },
      { header: '居民意见', width: 60 },
    ],
    acceptance.map((r) => acceptanceRow(r, castIn(r.id), names, timeZone)),
  )

  const { rows, total } = await participation(db, { communityId, rounds, ballots })
  addSheet(
    wb,
    '参与情况',
    [
      { header: '楼栋', width: 10 },
      { header: '登记户数', width: 10 },
      { header: '已确认户数', width: 11 },
      { header: '提建议户数', width: 11 },
      { header: '投票户数', width: 10 },
      { header: '评价户数', width: 10 },
      { header: '平均满意度', width: 11, numFmt: '0.0' },
    ],
    [...rows, total].map((r) => [r.building, r.registered, r.confirmed, r.suggested, r.voted, r.rated, r.satisfaction]),
  )
  wb.getWorksheet('参与情况')!.lastRow!.font = { bold: true }

  const w = wallTime(p.now, timeZone)
  const fileName = `共建-导出-${w.year}${pad(w.month)}${pad(w.day)}.xlsx`
  const summary = [
    `已导出：建议 ${suggestionList.length} 条，项目 ${projectList.length} 个，投票 ${rounds.length - acceptance.length} 轮，进度 ${progress.length} 条，验收 ${acceptance.length} 轮。`,
    `参与：登记 ${total.registered} 户，提建议 ${total.suggested} 户，投票 ${total.voted} 户，评价 ${total.rated} 户，平均满意度 ${total.satisfaction === null ? '暂无' : total.satisfaction.toFixed(1)}。`,
    '表内有居民姓名，仅供居委内部使用，请勿转发到楼栋群。',
  ].join('\n')
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName, summary }
}

/** 导出 — staff get the workbook in the chat they asked in, after a short summary. */
export async function exportWorkbook(ctx: Ctx, _args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { buffer, fileName, summary } = await buildWorkbook(ctx.db, { communityId: community.id, now: ctx.now, timeZone: ctx.config.timeZone })
  const fileId = await saveFile(ctx.db, { name: fileName, mediaType: XLSX_TYPE, base64: buffer.toString('base64'), now: ctx.now })
  await ctx.reply(summary)
  await enqueueMessage(ctx.db, {
    key: `reply:${ctx.inboundId}:export`,
    body: `[文件] ${fileName}`,
    kind: 'file',
    fileId,
    roomId: ctx.room?.id ?? null,
    personId: ctx.room ? null : ctx.person.id,
    puppetTo: ctx.room ? ctx.msg.room!.puppetId : ctx.msg.talker.puppetId,
    communityId: community.id,
    now: ctx.now,
  })
}
