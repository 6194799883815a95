import { getReport, gridBuildingsOf, type Report } from '../../db/reports.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { refusalText } from '../../kit/text.js'
import { parseReportRef, reportCode } from './parse.js'
import { reportText as t } from './text.js'

export type LoadedReport = Report & { building: number | null }

/** Who acts on reports: staff on all of them; a grid member on their own buildings' only. */
export interface ReportActor {
  communityId: number
  isStaff: boolean
  /** the grid member's buildings (empty for staff who are not grid members) */
  mine: { id: number; number: number }[]
  /** how the reporter hears who acted: 网格员李四 / 居委王主任 */
  title: string
}

/** The speaker as someone who may act on reports (the router checked it too), or a refusal naming what they tried. */
export async function reportActor(ctx: Ctx, what: string): Promise<ReportActor> {
  if (!ctx.community) throw new AppError('FORBIDDEN', refusalText.gridOnly(what))
  const mine = await gridBuildingsOf(ctx.db, { communityId: ctx.community.id, personId: ctx.person.id })
  if (!ctx.isStaff && !mine.length) throw new AppError('FORBIDDEN', refusalText.gridOnly(what))
  return { communityId: ctx.community.id, isStaff: ctx.isStaff, mine, title: mine.length ? t.gridTitle(ctx.person.name) : t.staffTitle(ctx.person.name) }
}

/** The report the words name, if this actor may act on it (a data-dependent right: checked here, not by the router). */
export async function reportFor(ctx: Ctx, args: string, p: { what: string; example: string }): Promise<{ actor: ReportActor; report: LoadedReport; rest: string }> {
  const actor = await reportActor(ctx, p.what)
  const ref = parseReportRef(args)
  if (!ref.ok) throw new AppError('BAD_INPUT', t.needCode(p.example))
  const report = await getReport(ctx.db, { id: ref.value.id, communityId: actor.communityId })
  if (!report) throw new AppError('NOT_FOUND', t.notFound(reportCode(ref.value.id)))
  if (!actor.isStaff && !actor.mine.some((b) => b.id === report.buildingId)) {
    throw new AppError('FORBIDDEN', t.notYours({ code: reportCode(report.id), mine: actor.mine.map((b) => b.number) }))
  }
  return { actor, report, rest: ref.value.rest }
}
