import { moveReport, type Report, type ReportStatus } from '../../db/reports.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { reportCode } from './parse.js'
import { reportText as t } from './text.js'
import type { LoadedReport } from './access.js'

/** Closes an open (or taken) report as handled, suggested or declined — once, whoever is first. */
export async function closeReport(ctx: Ctx, report: LoadedReport, set: { status: Exclude<ReportStatus, 'open' | 'taken'>; outcome: string | null; suggestionId?: number }): Promise<Report> {
  const code = reportCode(report.id)
  if (report.status !== 'open' && report.status !== 'taken') throw new AppError('CONFLICT', t.closedAlready(code, report.status))
  const moved = await moveReport(ctx.db, {
    id: report.id,
    communityId: report.communityId,
    from: ['open', 'taken'],
    set: {
      ...set,
      // acting on an untaken report takes it too: the record says who did the work
      ...(report.takenBy === null ? { takenBy: ctx.person.id, takenAt: ctx.now } : {}),
      closedBy: ctx.person.id,
      closedAt: ctx.now,
      updatedAt: ctx.now,
    },
  })
  if (!moved) throw new AppError('CONFLICT', t.closedAlready(code, report.status))
  return moved
}
