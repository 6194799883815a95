import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { reportFor } from './access.js'
import { closeReport } from './closeReport.js'
import { tellReporters } from './notify.js'
import { maskDoors, reportCode } from './parse.js'
import { act, reportText as t } from './text.js'

/** 不处理 R12 原因… — closes it; the reason is told to the reporter (no points). */
export async function declineReport(ctx: Ctx, args: string): Promise<void> {
  const { actor, report, rest } = await reportFor(ctx, args, { what: act.decline, example: t.examples.decline })
  const code = reportCode(report.id)
  if (!rest) throw new AppError('BAD_INPUT', t.needReason(code))
  await closeReport(ctx, report, { status: 'declined', outcome: rest })
  const { told } = await tellReporters(ctx.db, {
    communityId: actor.communityId,
    reportId: report.id,
    key: `report:${report.id}:declined`,
    body: t.tellDeclined({ code, problem: maskDoors(report.problem), reason: maskDoors(rest) }),
    now: ctx.now,
  })
  await ctx.reply(t.declined({ code, told }))
}
