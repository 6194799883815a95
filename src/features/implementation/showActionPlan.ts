import { projectCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { actionPlan, ledgerLines, overdueOf } from './actionPlan.js'
import { assignText as t } from './text.js'

/** 派单 alone: the plan, the partners' resources, what is overdue. */
export async function showActionPlan(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const p = { communityId: community.id, now: ctx.now, timeZone: ctx.config.timeZone }
  const plan = await actionPlan(ctx.db, p)
  if (!plan.lines.length) throw new AppError('NOT_FOUND', t.noProjects)
  const ledger = await ledgerLines(ctx.db, p)
  const overdue = overdueOf(plan.works, ctx.now).map((w) => projectCode(w.assignment.projectId))
  await ctx.reply(t.plan({ header: plan.header, lines: plan.lines.slice(0, 20), ledger, overdue }))
}
