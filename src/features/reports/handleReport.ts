import { getPerson } from '../../db/people.js'
import type { Ctx } from '../../kit/context.js'
import { awardReportPoints } from '../points/index.js'
import { reportFor } from './access.js'
import { closeReport } from './closeReport.js'
import { tellReporters } from './notify.js'
import { maskDoors, reportCode } from './parse.js'
import { openPhotoWindow } from './photos.js'
import { act, reportText as t } from './text.js'

/**
 * 处理 R12 已清理 — done: the reporter (and those who backed it) are @-mentioned in the group
 * where they said it, or told privately; photos sent in the next minutes follow; a volunteer
 * reporter earns points.
 */
export async function handleReport(ctx: Ctx, args: string): Promise<void> {
  const { actor, report, rest } = await reportFor(ctx, args, { what: act.handle, example: t.examples.handle })
  const code = reportCode(report.id)
  const note = rest || t.defaultNote
  await closeReport(ctx, report, { status: 'handled', outcome: note })
  const earned = await awardReportPoints(ctx.db, {
    communityId: actor.communityId,
    personId: report.personId,
    reportId: report.id,
    reportCode: code,
    now: ctx.now,
    timeZone: ctx.config.timeZone,
    dailyCap: ctx.config.points.dailyCap,
  })
  const { targets, told } = await tellReporters(ctx.db, {
    communityId: actor.communityId,
    reportId: report.id,
    key: `report:${report.id}:handled`,
    body: t.tellHandled({ code, problem: maskDoors(report.problem), note: maskDoors(note), by: actor.title, points: earned?.awarded ?? 0 }),
    now: ctx.now,
  })
  const reporter = report.personId !== null && earned?.awarded ? await getPerson(ctx.db, { id: report.personId }) : undefined
  await ctx.reply(t.handled({ code, told, points: reporter && earned ? { name: reporter.name, points: earned.awarded } : null, capped: earned?.capped ?? false }))
  if (told) await openPhotoWindow(ctx, { reportId: report.id, communityId: actor.communityId, outcome: true, targets })
}
