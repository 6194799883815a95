import ExcelJS from 'exceljs'
import type { Db } from '../../db/client.js'
import {
  reportBallots,
  reportBuildings,
  reportHouseholds,
  reportProgress,
  reportProjects,
  reportRounds,
  reportSuggestions,
  suggesterHouseholds,
} from '../../db/report.js'
import type { Round } from '../../db/rounds.js'
import { buildingLabel, neighbourName } from '../../domain/address.js'
import { projectCode } from '../../domain/codes.js'
import { acceptanceOutcome, STAGE_LABEL as STAGE } from '../../domain/implementation/acceptance.js'
import { participation, ratingOf, type ParticipationRow } from '../../domain/report/closing.js'
import { formatStamp, wallTime } from '../../domain/time/index.js'
import { roundCode } from '../../domain/codes.js'
import { questionSheet } from '../deliberation/index.js'
import { consultationSheet } from '../implementation/index.js'
import { ledgerSheet, type Sheet } from '../points/index.js'
import { closingFigures, closingRows, posterText } from '../posters/index.js'
import { reportSheet } from '../reports/index.js'
import { suggestionCode } from '../suggestions/index.js'
import { exportText as t } from './text.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const MAX_COMMENTS = 20
const { erased: ERASED, withheld: WITHHELD, suggestionStatus: SUGGESTION_STATUS, roundKind: ROUND_KIND, roundStatus: ROUND_STATUS } = t

type Cell = string | number | null
interface Column {
  header: string
  width: number
  numFmt?: string
}
type Ballot = Awaited<ReturnType<typeof reportBallots>>[number]

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-11-20 09:05": the wall clock in the community's time zone, as text (Excel has no zones). */
const stamp = (d: Date | null, timeZone: string): string | null => (d ? formatStamp(d, timeZone) : null)

const round2 = (x: number) => Math.round(x * 100) / 100
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

/** A sheet: its name and headers from text.ts, the columns' layout written here next to the rows. */
function addSheet<C>(wb: ExcelJS.Workbook, sheet: { name: string; columns: C }, layout: (headers: C) => Column[], rows: Cell[][]): void {
  const columns = layout(sheet.columns)
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }))
  ws.getRow(1).font = { bold: true }
  ws.addRows(rows)
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
}

function roundRows(round: Round, cast: Ballot[], names: Map<number, string>, timeZone: string): Cell[][] {
  const head = [roundCode(round.id), ROUND_KIND[round.kind] ?? round.kind, ROUND_STATUS[round.status] ?? round.status, (t.per as Record<string, string>)[round.per] ?? t.per.household, stamp(round.closedAt ?? round.closesAt, timeZone)]
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
  if (round.status !== 'closed') return [...head, WITHHELD, null, null, null, null, null, line, t.open, null]
  // the same rule as the published verdict
  const outcome = acceptanceOutcome(ratings, line)
  const avg = outcome.raters ? outcome.average : null
  const result = t.outcome[outcome.result]
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

/** Per building: registration, suggestions, votes and ratings counted in households (the closing report counts the same way). */
async function participationRows(db: Db, p: { communityId: number; campaignId?: number; rounds: Round[]; ballots: Ballot[] }) {
  const buildingList = await reportBuildings(db, p)
  const { rows, total } = participation({ buildings: buildingList, households: await reportHouseholds(db, p), suggesters: await suggesterHouseholds(db, p), rounds: p.rounds, ballots: p.ballots })
  const label = (r: ParticipationRow) => (r.building === null ? t.unknownBuilding : buildingLabel(r.building))
  return { rows: rows.map((r) => ({ ...r, building: label(r) })), total: { ...total, building: t.total } }
}

/** The staff export: every suggestion, project, round (aggregated), progress and acceptance, and participation by building. */
export async function buildWorkbook(db: Db, p: { communityId: number; now: Date; timeZone: string }): Promise<{ buffer: Buffer; fileName: string; summary: string }> {
  const { communityId, timeZone } = p
  const wb = new ExcelJS.Workbook()
  wb.creator = t.creator
  wb.created = p.now
  wb.modified = p.now

  const suggestionList = await reportSuggestions(db, { communityId })
  addSheet(
    wb,
    t.sheets.suggestions,
    (c) => [
      { header: c.code, width: 8 },
      { header: c.at, width: 17 },
      { header: c.building, width: 8 },
      { header: c.place, width: 16 },
      { header: c.category, width: 10 },
      { header: c.problem, width: 48 },
      { header: c.status, width: 8 },
      { header: c.project, width: 10 },
      { header: c.supports, width: 10 },
      { header: c.author, width: 20 },
      { header: c.voice, width: 22 },
      { header: c.coords, width: 20 },
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
      s.proxyFor ? t.proxied(s.proxier, neighbourName(s.proxyFor)) : (s.author ?? ERASED),
      // a voice suggestion: said as one (its placeholder or its heard words), the recording kept or erased
      s.voiceFileId !== null || s.heardAt !== null ? t.voice({ heard: s.heardAt !== null, kept: s.voiceFileId !== null }) : null,
      s.latitude === null || s.longitude === null ? null : t.coords(s.latitude, s.longitude),
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
    t.sheets.projects,
    (c) => [
      { header: c.code, width: 7 },
      { header: c.name, width: 24 },
      { header: c.suggestions, width: 8 },
      { header: c.mentioned, width: 11 },
      { header: c.buildings, width: 16 },
      { header: c.stage, width: 10 },
      { header: c.percent, width: 10 },
      { header: c.partner, width: 18 },
      { header: c.starts, width: 17 },
      { header: c.due, width: 17 },
      { header: c.cost, width: 11, numFmt: '#,##0' },
      { header: c.changed, width: 17 },
      { header: c.satisfaction, width: 8, numFmt: '0.00' },
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
    t.sheets.rounds,
    (c) => [
      { header: c.round, width: 6 },
      { header: c.kind, width: 11 },
      { header: c.status, width: 8 },
      { header: c.per, width: 6 },
      { header: c.closes, width: 17 },
      { header: c.project, width: 24 },
      { header: c.dots, width: 7 },
      { header: c.voters, width: 11 },
      { header: c.urgency, width: 10, numFmt: '0.00' },
      { header: c.importance, width: 10, numFmt: '0.00' },
      { header: c.yes, width: 7 },
      { header: c.no, width: 7 },
      { header: c.rating, width: 8, numFmt: '0.00' },
      { header: c.raters, width: 10 },
    ],
    rounds.flatMap((r) => roundRows(r, castIn(r.id), names, timeZone)),
  )

  const progress = await reportProgress(db, { communityId })
  addSheet(
    wb,
    t.sheets.progress,
    (c) => [
      { header: c.project, width: 24 },
      { header: c.at, width: 17 },
      { header: c.percent, width: 10 },
      { header: c.note, width: 40 },
      { header: c.photos, width: 7 },
      { header: c.by, width: 12 },
    ],
    progress.map((u) => [`${projectCode(u.projectId)} ${u.project}`, stamp(u.at, timeZone), u.percent, u.note, Number(u.photos), u.by ?? ERASED]),
  )

  const acceptance = rounds.filter((r) => r.kind === 'acceptance')
  addSheet(
    wb,
    t.sheets.acceptance,
    (c) => [
      { header: c.round, width: 6 },
      { header: c.project, width: 24 },
      { header: c.closes, width: 17 },
      { header: c.status, width: 8 },
      { header: c.raters, width: 10 },
      { header: c.rating, width: 8, numFmt: '0.00' },
      ...[1, 2, 3, 4, 5].map((k) => ({ header: t.score(k), width: 6 })),
      { header: c.line, width: 7 },
      { header: c.result, width: 10 },
      { header: c.comments, width: 60 },
    ],
    acceptance.map((r) => acceptanceRow(r, castIn(r.id), names, timeZone)),
  )

  const { rows, total } = await participationRows(db, { communityId, rounds, ballots })
  addSheet(
    wb,
    t.sheets.participation,
    (c) => [
      { header: c.building, width: 10 },
      { header: c.registered, width: 10 },
      { header: c.confirmed, width: 11 },
      { header: c.suggested, width: 11 },
      { header: c.voted, width: 10 },
      { header: c.rated, width: 10 },
      { header: c.satisfaction, width: 11, numFmt: '0.0' },
    ],
    [...rows, total].map((r) => [r.building, r.registered, r.confirmed, r.suggested, r.voted, r.rated, r.satisfaction]),
  )
  wb.getWorksheet(t.sheets.participation.name)!.lastRow!.font = { bold: true }

  // the closing report (结项报告) of the current campaign, one number a row
  const closing = posterText.closing.sheet
  addSheet(
    wb,
    closing,
    (c) => [
      { header: c.section, width: 16 },
      { header: c.item, width: 24 },
      { header: c.measure, width: 14 },
      { header: c.value, width: 10 },
    ],
    closingRows((await closingFigures(db, { communityId })).report),
  )

  // the everyday features bring their sheets whole
  for (const sheet of [await reportSheet(db, { communityId, timeZone }), await ledgerSheet(db, { communityId, timeZone }), await questionSheet(db, { communityId, timeZone }), await consultationSheet(db, { communityId, timeZone })]) {
    addSheet(wb, { name: sheet.name, columns: sheet.columns }, (c: Sheet['columns']) => c, sheet.rows)
  }

  const w = wallTime(p.now, timeZone)
  const fileName = t.fileName(`${w.year}${pad(w.month)}${pad(w.day)}`)
  const summary = t.summary({
    suggestions: suggestionList.length,
    projects: projectList.length,
    rounds: rounds.length - acceptance.length,
    progress: progress.length,
    acceptance: acceptance.length,
    total,
  })
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName, summary }
}
