import { activeWorks } from '../db/assignments.js'
import type { Db } from '../db/client.js'
import { partnerLedger } from '../db/partners.js'
import { projectsWithMembers } from '../db/pool.js'
import { projectCode } from '../domain/codes.js'
import { formatDay } from '../domain/implementation/due.js'
import { formatMoney } from '../domain/implementation/money.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'
import { roundCode } from './openRound.js'
import { staffCommunity } from '../kit/access.js'
import { currentRanking } from './roundResults.js'

/** One line per partner: what it offered, and what is assigned to it against its budget. */
export async function ledgerLines(db: Db, p: { communityId: number }): Promise<string[]> {
  return (await partnerLedger(db, p)).map((l) => {
    const offered = l.budget === null ? '未写预算' : `预算${formatMoney(l.budget)}`
    const used = l.assignedCount ? `，已派 ${l.assignedCount} 项${l.assignedCost ? ` ${formatMoney(l.assignedCost)}` : ''}` : ''
    const over = l.budget !== null && l.assignedCost > l.budget ? ' ⚠️超出' : ''
    const who = l.liaisons.length ? `（联络员 ${l.liaisons.join('、')}）` : ''
    return `${l.partner.name}${who}：${l.what || '—'}，${offered}${used}${over}`
  })
}

type Work = Awaited<ReturnType<typeof activeWorks>>[number]

/** Active works past their due date (not those waiting for the residents' ratings). */
const overdueOf = (works: Work[], now: Date) => works.filter((w) => w.assignment.dueAt < now && w.stage !== 'accepting')

/**
 * The action plan (行动计划): projects in priority order with their assignee, one line each,
 * plus what the summaries need beside it (the active works, the unassigned projects).
 */
export async function actionPlan(db: Db, p: { communityId: number; now: Date; timeZone: string }) {
  const ranking = await currentRanking(db, p)
  const members = (await projectsWithMembers(db, p)).filter((m) => m.suggestions.length > 0)
  const works = await activeWorks(db, p)
  const order = ranking?.order ?? []
  const place = (id: number) => (order.includes(id) ? order.indexOf(id) : order.length + id)
  members.sort((a, b) => place(a.project.id) - place(b.project.id))
  const workOf = (id: number) => works.find((x) => x.assignment.projectId === id)
  const unassigned = members.filter((m) => m.project.stage !== 'accepted' && !workOf(m.project.id))
  const lines = members.map((m) => {
    const w = workOf(m.project.id)
    const rank = order.includes(m.project.id) ? `${order.indexOf(m.project.id) + 1}. ` : '· '
    const state =
      m.project.stage === 'accepted'
        ? '已结单'
        : w
          ? `${w.partner}，预计${formatDay(w.assignment.dueAt, p.timeZone, p.now)}，${m.project.percent}%${m.project.stage === 'accepting' ? '，验收中' : ''}${m.project.stage === 'rework' ? '，整改中' : ''}`
          : '未派单'
    return `${rank}${projectCode(m.project.id)}「${m.project.name}」— ${state}`
  })
  const header = ranking ? `行动计划（按 ${roundCode(ranking.round.id)} 排序）：` : '行动计划（还没有投票排序，按编号）：'
  return { header, lines, works, unassigned }
}

/** The bi-weekly coordination summary for the staff group. */
export async function coordinationText(db: Db, p: { communityId: number; now: Date; timeZone: string }): Promise<string | null> {
  const plan = await actionPlan(db, p)
  const overdue = overdueOf(plan.works, p.now)
  const ledger = await ledgerLines(db, p)
  if (!overdue.length && !plan.unassigned.length && !plan.lines.length) return null
  return [
    '【协调汇总】',
    overdue.length
      ? `逾期 ${overdue.length} 项：${overdue.map((w) => `${projectCode(w.assignment.projectId)}（${w.partner}，应${formatDay(w.assignment.dueAt, p.timeZone, p.now)}完成，${w.stage === 'rework' ? '整改中' : `${w.percent}%`}）`).join('；')}`
      : '没有逾期的派单。',
    plan.unassigned.length
      ? `未派单 ${plan.unassigned.length} 项：${plan.unassigned.map((m) => `${projectCode(m.project.id)}「${m.project.name}」`).join('、')}`
      : '项目都已派单。',
    ...(ledger.length ? ['资源：', ...ledger.map((l) => `· ${l}`)] : []),
  ].join('\n')
}

/** 派单 alone: the plan, the partners' resources, what is overdue. */
export async function showActionPlan(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const p = { communityId: community.id, now: ctx.now, timeZone: ctx.config.timeZone }
  const plan = await actionPlan(ctx.db, p)
  if (!plan.lines.length) throw new AppError('NOT_FOUND', '项目库里还没有项目。先用「合并 J3 J7 为 名称」建项目。')
  const ledger = await ledgerLines(ctx.db, p)
  const overdue = overdueOf(plan.works, ctx.now)
  await ctx.reply(
    [
      plan.header,
      ...plan.lines.slice(0, 20),
      ledger.length ? `资源：${ledger.join('；')}` : '还没有单位登记资源：「资源 绿化所 绿化改造 预算5万」。',
      ...(overdue.length ? [`⚠️ 逾期：${overdue.map((w) => projectCode(w.assignment.projectId)).join('、')}`] : []),
      '派单：「派单 P3 绿化所 预计12月底」',
    ].join('\n'),
  )
}
