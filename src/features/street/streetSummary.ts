import type { Db } from '../../db/client.js'
import { streetCommunities, streetRoomOf } from '../../db/street.js'
import { projectCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { departmentOverlaps, type StreetWork } from '../../domain/street/departmentLoad.js'
import type { Ctx } from '../../kit/context.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { actionPlan, formatDay, isCoordinationWeek, overdueOf } from '../implementation/index.js'
import { streetText as t } from './text.js'

type Community = Awaited<ReturnType<typeof streetCommunities>>[number]
type Plan = Awaited<ReturnType<typeof actionPlan>>

/** Every community's action plan, read once for a street-level reply. */
async function plansOf(db: Db, p: { now: Date; timeZone: string }): Promise<{ community: Community; plan: Plan }[]> {
  const out = []
  for (const community of await streetCommunities(db)) out.push({ community, plan: await actionPlan(db, { communityId: community.id, now: p.now, timeZone: p.timeZone }) })
  return out
}

/** The lines on departments stretched across communities (empty: none). */
function overlapLines(plans: { community: Community; plan: Plan }[], p: { now: Date; timeZone: string }): string[] {
  const works: StreetWork[] = plans.flatMap(({ community, plan }) =>
    plan.works.map((w) => ({ community: community.name, partner: w.partner, project: w.assignment.projectId, startsAt: w.assignment.startsAt, dueAt: w.assignment.dueAt })),
  )
  const loads = departmentOverlaps(works)
  if (!loads.length) return []
  const day = (d: Date) => formatDay(d, p.timeZone, p.now)
  return [
    t.overlapsHeader,
    ...loads.map((l) => t.overlapLine({ partner: l.partner, works: l.works.map((w) => ({ community: w.community, code: projectCode(w.project), from: day(w.startsAt), until: day(w.dueAt) })) })),
    t.overlapsTail,
  ]
}

/** 街道汇总: one line per community (projects, in work, overdue, unassigned), then the cross-community departments. */
export async function streetSummaryText(db: Db, p: { now: Date; timeZone: string }): Promise<string | null> {
  const plans = await plansOf(db, p)
  if (!plans.length) return null
  const lines = [t.summaryHeader(plans.length)]
  for (const { community, plan } of plans) {
    lines.push(
      t.communityLine({
        name: community.name,
        projects: plan.lines.length,
        active: plan.works.length,
        overdue: overdueOf(plan.works, p.now).map((w) => ({ code: projectCode(w.assignment.projectId), partner: w.partner })),
        unassigned: plan.unassigned.length,
      }),
    )
  }
  const overlaps = overlapLines(plans, p)
  lines.push(...(overlaps.length ? overlaps : [t.noOverlaps]))
  return lines.join('\n')
}

export async function showStreetSummary(ctx: Ctx): Promise<void> {
  const text = await streetSummaryText(ctx.db, { now: ctx.now, timeZone: ctx.config.timeZone })
  if (!text) throw new AppError('NOT_FOUND', t.noCommunities)
  await ctx.reply(text)
}

/** 街道冲突: only the departments working in several communities at once. */
export async function showStreetConflicts(ctx: Ctx): Promise<void> {
  const p = { now: ctx.now, timeZone: ctx.config.timeZone }
  const plans = await plansOf(ctx.db, p)
  if (!plans.length) throw new AppError('NOT_FOUND', t.noCommunities)
  const lines = overlapLines(plans, p)
  await ctx.reply(lines.length ? lines.join('\n') : t.noOverlaps)
}

/** plan lines shown per community: the rest is in that community's own 派单 */
const PLAN_LINES = 10

/** 街道计划: every community's action plan, a few lines each. */
export async function showStreetPlans(ctx: Ctx): Promise<void> {
  const plans = await plansOf(ctx.db, { now: ctx.now, timeZone: ctx.config.timeZone })
  if (!plans.length) throw new AppError('NOT_FOUND', t.noCommunities)
  const sections = plans.map(({ community, plan }) => {
    if (!plan.lines.length) return t.planSection(community.name, t.noPlan)
    const shown = [plan.header, ...plan.lines.slice(0, PLAN_LINES)]
    if (plan.lines.length > PLAN_LINES) shown.push(t.morePlan(plan.lines.length - PLAN_LINES))
    return t.planSection(community.name, shown.join('\n'))
  })
  await ctx.reply([t.plansHeader(plans.length), ...sections].join('\n'))
}

/** Job (with the communities' coordination summary, every other Monday): the street summary to the 推进办. */
export async function sendStreetSummary(db: Db, p: { now: Date; slot: Date; timeZone: string }): Promise<{ posted: number; skipped?: string }> {
  if (!isCoordinationWeek(p.slot)) return { posted: 0, skipped: 'odd week' }
  const street = await streetRoomOf(db)
  if (!street || !street.present) return { posted: 0, skipped: 'no street group' }
  const body = await streetSummaryText(db, p)
  if (!body) return { posted: 0, skipped: 'no communities' }
  await enqueueMessage(db, { key: `street-summary:${p.slot.toISOString()}`, body, roomId: street.id, now: p.now, priority: 'background' })
  return { posted: 1 }
}
