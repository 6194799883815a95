import { activeWorks, createAssignment, currentAssignment, endAssignment, setProjectState } from '../../db/assignments.js'
import { findPartner, partnerLedger } from '../../db/partners.js'
import { projectsWithMembers } from '../../db/pool.js'
import { projectCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { parseAssignment } from '../../domain/implementation/commands.js'
import { findConflicts, placeKeys, type Work } from '../../domain/implementation/conflicts.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { currentRanking } from '../rounds/index.js'
import { postProjectNews, tellStaff } from './postProjectNews.js'
import { showActionPlan } from './showActionPlan.js'
import { conflictText } from './news.text.js'
import { reasonText } from './reasons.text.js'
import { assignText as t, formatDay, projectText } from './text.js'

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
  if (!parsed.ok) throw new AppError('BAD_INPUT', reasonText.assignment(parsed.reason, tz, ctx.now))
  const { project: projectId, partner: partnerName, dueAt, cost } = parsed.value
  const startsAt = parsed.value.startsAt ?? ctx.now
  const [member] = await projectsWithMembers(ctx.db, { communityId, ids: [projectId] })
  const code = projectCode(projectId)
  if (!member) throw new AppError('NOT_FOUND', t.notFound(code))
  const { project } = member
  if (project.stage === 'accepted') throw new AppError('CONFLICT', projectText.accepted(code))
  if (project.stage === 'accepting') throw new AppError('CONFLICT', t.accepting(code))
  const partner = await findPartner(ctx.db, { communityId, name: partnerName })
  if (!partner) {
    const known = (await partnerLedger(ctx.db, { communityId })).map((l) => l.partner.name)
    throw new AppError('NOT_FOUND', t.unknownPartner(partnerName, known))
  }

  const previous = await currentAssignment(ctx.db, { communityId, projectId })
  if (previous) await endAssignment(ctx.db, { communityId, id: previous.assignment.id, status: 'replaced', now: ctx.now })
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
  await setProjectState(ctx.db, { communityId, id: projectId, stage: 'assigned', now: ctx.now })

  const notes: string[] = []
  if (previous) notes.push(previous.partner === partnerName ? t.updated : t.reassigned(previous.partner))
  // going over what the partner offered
  const ledger = (await partnerLedger(ctx.db, { communityId })).find((l) => l.partner.id === partner.id)
  if (ledger && ledger.budget !== null && ledger.assignedCost > ledger.budget) {
    notes.push(t.overBudget({ partner: partnerName, assigned: ledger.assignedCost, budget: ledger.budget }))
  }
  // assigned out of the priority order
  const ranking = await currentRanking(ctx.db, { communityId })
  if (ranking?.order.includes(projectId)) {
    const ahead = ranking.order.slice(0, ranking.order.indexOf(projectId))
    const waiting = (await projectsWithMembers(ctx.db, { communityId, ids: ahead })).filter((m) => m.project.stage === 'pool' && m.suggestions.length > 0)
    if (waiting.length) notes.push(t.skipped(waiting.map((m) => projectCode(m.project.id))))
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
  if (conflicts.length) notes.push(t.conflicts(conflicts.map((c) => projectCode(c.other.project))))

  const due = formatDay(dueAt, tz, ctx.now)
  const news = await postProjectNews(ctx.db, {
    communityId,
    projectId,
    key: `assign:${assignment.id}`,
    body: t.news({ code, name: project.name, partner: partnerName, due }),
    now: ctx.now,
  })
  await ctx.reply(t.assigned({ code, name: project.name, partner: partnerName, due, cost, rooms: news.roomIds.length, mentioned: news.mentioned, notes }))
}
