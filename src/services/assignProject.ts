import { activeWorks, createAssignment, currentAssignment, endAssignment, setProjectState } from '../db/assignments.js'
import { findPartner, partnerLedger } from '../db/partners.js'
import { projectsWithMembers } from '../db/pool.js'
import { projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import { parseAssignment } from '../domain/implementation/commands.js'
import { conflictText, findConflicts, placeKeys, type Work } from '../domain/implementation/conflicts.js'
import { formatDay } from '../domain/implementation/due.js'
import { formatMoney } from '../domain/implementation/money.js'
import type { Ctx } from '../kit/context.js'
import { showActionPlan } from './actionPlan.js'
import { staffCommunity } from '../kit/access.js'
import { postProjectNews, tellStaff } from './postProjectNews.js'
import { currentRanking } from './roundResults.js'

/**
 * 派单 P3 绿化所 预计12月底 [开工12月1日] [费用2万] — staff give a project to a partner. The groups of
 * its buildings hear who does it (its askers @-mentioned); works on the same place at the same
 * time are flagged to the staff group; going over the partner's budget or skipping a
 * higher-ranked project is warned about. 派单 alone shows the plan.
 */
export async function assignProject(ctx: Ctx, args: string): Promise<void> {
  if (!args.trim()) return showActionPlan(ctx)
  const community = staffCommunity(ctx)
  const communityId = community.id
  const tz = ctx.config.timeZone
  const parsed = parseAssignment(args, ctx.now, tz)
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)
  const { project: projectId, partner: partnerName, dueAt, cost } = parsed.value
  const startsAt = parsed.value.startsAt ?? ctx.now
  const [member] = await projectsWithMembers(ctx.db, { communityId, ids: [projectId] })
  if (!member) throw new AppError('NOT_FOUND', `没有项目 ${projectCode(projectId)}。说「派单」看全部项目。`)
  const { project } = member
  if (project.stage === 'accepted') throw new AppError('CONFLICT', `${projectCode(projectId)} 已经验收结单了。`)
  if (project.stage === 'accepting') throw new AppError('CONFLICT', `${projectCode(projectId)} 正在居民验收，等结果出来再改派。`)
  const partner = await findPartner(ctx.db, { communityId, name: partnerName })
  if (!partner) {
    const known = (await partnerLedger(ctx.db, { communityId })).map((l) => l.partner.name)
    throw new AppError(
      'NOT_FOUND',
      known.length
        ? `没有单位「${partnerName}」。已登记：${known.join('、')}。新单位请先说「资源 ${partnerName} 能做什么 预算」。`
        : `还没有单位登记资源。请先说「资源 ${partnerName} 能做什么 预算5万」。`,
    )
  }

  const previous = await currentAssignment(ctx.db, { projectId })
  if (previous) await endAssignment(ctx.db, { id: previous.assignment.id, status: 'replaced', now: ctx.now })
  const places = placeKeys(member.suggestions)
  const assignment = await createAssignment(ctx.db, {
    communityId,
    projectId,
    partnerId: partner.id,
    cost,
    startsAt,
    dueAt,
    places,
    createdBy: ctx.person.id,
    createdAt: ctx.now,
  })
  await setProjectState(ctx.db, { id: projectId, stage: 'assigned', now: ctx.now })

  const notes: string[] = []
  if (previous) notes.push(previous.partner === partnerName ? '（已更新时间和费用）' : `（原派给${previous.partner}，已改派）`)
  // going over what the partner offered
  const ledger = (await partnerLedger(ctx.db, { communityId })).find((l) => l.partner.id === partner.id)
  if (ledger && ledger.budget !== null && ledger.assignedCost > ledger.budget) {
    notes.push(`⚠️ ${partnerName}已派费用 ${formatMoney(ledger.assignedCost)}，超出它提供的预算 ${formatMoney(ledger.budget)}。`)
  }
  // assigned out of the priority order
  const ranking = await currentRanking(ctx.db, { communityId })
  if (ranking?.order.includes(projectId)) {
    const ahead = ranking.order.slice(0, ranking.order.indexOf(projectId))
    const waiting = (await projectsWithMembers(ctx.db, { communityId, ids: ahead })).filter((m) => m.project.stage === 'pool' && m.suggestions.length > 0)
    if (waiting.length) notes.push(`提示：排名更靠前的 ${waiting.map((m) => projectCode(m.project.id)).join('、')} 还没派单。`)
  }
  // the fragmentation check: the same place, overlapping windows
  const mine: Work & { name: string } = { id: assignment.id, project: projectId, partner: partnerName, places, startsAt, dueAt, name: project.name }
  const others = (await activeWorks(ctx.db, { communityId, exceptProject: projectId })).map((w) => ({
    id: w.assignment.id,
    project: w.assignment.projectId,
    partner: w.partner,
    places: w.assignment.places,
    startsAt: w.assignment.startsAt,
    dueAt: w.assignment.dueAt,
    name: w.project,
  }))
  const conflicts = findConflicts(mine, others)
  for (const c of conflicts) {
    const other = others.find((o) => o.id === c.other.id)!
    await tellStaff(ctx.db, { communityId, key: `conflict:${assignment.id}:${other.id}`, body: conflictText(mine, other, c.places, tz), now: ctx.now })
  }
  if (conflicts.length) notes.push(`⚠️ 与 ${conflicts.map((c) => projectCode(c.other.project)).join('、')} 同地同期施工，已告知工作群，请协调。`)

  const due = formatDay(dueAt, tz, ctx.now)
  const news = await postProjectNews(ctx.db, {
    communityId,
    projectId,
    key: `assign:${assignment.id}`,
    body: `【派单】${projectCode(projectId)}「${project.name}」由${partnerName}承办，预计${due}前完成。进展会在群里通报，想问就 @我 说「进度 ${projectCode(projectId)}」。`,
    now: ctx.now,
  })
  const told = news.roomIds.length ? `已通知 ${news.roomIds.length} 个楼栋群${news.mentioned ? `，@了 ${news.mentioned} 位提建议的居民` : ''}。` : '（还没有绑定楼栋群，居民那边没发。）'
  await ctx.reply([`已派单：${projectCode(projectId)}「${project.name}」→ ${partnerName}，预计${due}完成${cost === null ? '' : `，费用${formatMoney(cost)}`}。${told}`, ...notes].join('\n'))
}
