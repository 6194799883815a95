import { moveReport } from '../../db/reports.js'
import { getPerson } from '../../db/people.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { reportFor } from './access.js'
import { tellReporters } from './notify.js'
import { maskDoors, reportCode } from './parse.js'
import { act, reportText as t } from './text.js'

/** 接单 R12 — a grid member of the report's building (or staff) takes it; the reporter hears who. */
export async function takeReport(ctx: Ctx, args: string): Promise<void> {
  const { actor, report } = await reportFor(ctx, args, { what: act.take, example: t.examples.take })
  const code = reportCode(report.id)
  if (report.status === 'taken') {
    if (report.takenBy === ctx.person.id) return ctx.reply(t.alreadyYours(code))
    throw new AppError('CONFLICT', t.alreadyTakenBy(code, (report.takenBy !== null && (await getPerson(ctx.db, { id: report.takenBy }))?.name) || t.erasedName))
  }
  if (report.status !== 'open') throw new AppError('CONFLICT', t.closedAlready(code, report.status))
  const moved = await moveReport(ctx.db, { id: report.id, communityId: report.communityId, from: ['open'], set: { status: 'taken', takenBy: ctx.person.id, takenAt: ctx.now, updatedAt: ctx.now } })
  if (!moved) throw new AppError('CONFLICT', t.closedAlready(code, report.status))
  await tellReporters(ctx.db, {
    communityId: actor.communityId,
    reportId: report.id,
    key: `report:${report.id}:taken`,
    body: t.tellTaken({ code, problem: maskDoors(report.problem), by: actor.title }),
    now: ctx.now,
  })
  await ctx.reply(t.taken(code))
}
