import type { Db } from '../../db/client.js'
import { communities } from '../../db/schema.js'
import { projectCode } from '../../domain/codes.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { reportSummaryLines } from '../reports/index.js'
import { actionPlan, ledgerLines, overdueOf } from './actionPlan.js'
import { staffRooms } from './postProjectNews.js'
import { WEEK_MS } from './progressDigest.js'
import { digestText as t } from './news.text.js'
import { formatDay } from './text.js'

/** The bi-weekly coordination summary for the staff group. */
export async function coordinationText(db: Db, p: { communityId: number; now: Date; timeZone: string }): Promise<string | null> {
  const plan = await actionPlan(db, p)
  const overdue = overdueOf(plan.works, p.now)
  const ledger = await ledgerLines(db, p)
  // everyday reports of the two weeks since the last summary, per building
  const reports = await reportSummaryLines(db, { communityId: p.communityId, since: new Date(p.now.getTime() - 2 * WEEK_MS), until: p.now })
  if (!overdue.length && !plan.unassigned.length && !plan.lines.length) return reports.length ? reports.join('\n') : null
  const campaign = t.coordination({
    overdue: overdue.map((w) => ({
      code: projectCode(w.assignment.projectId),
      partner: w.partner,
      due: formatDay(w.assignment.dueAt, p.timeZone, p.now),
      rework: w.stage === 'rework',
      percent: w.percent,
    })),
    unassigned: plan.unassigned.map((m) => ({ code: projectCode(m.project.id), name: m.project.name })),
    ledger,
  })
  return reports.length ? `${campaign}\n${reports.join('\n')}` : campaign
}

/** Every other week (even weeks since the epoch's first Monday), so a weekly cron makes it bi-weekly. */
export function isCoordinationWeek(slot: Date): boolean {
  const firstMonday = Date.UTC(1970, 0, 5)
  return Math.floor((slot.getTime() - firstMonday) / WEEK_MS) % 2 === 0
}

/** Job (every other Monday): overdue assignments, projects without an assignee, budgets — to staff. */
export async function sendCoordinationSummary(db: Db, p: { now: Date; slot: Date; timeZone: string }): Promise<{ posted: number; skipped?: string }> {
  if (!isCoordinationWeek(p.slot)) return { posted: 0, skipped: 'odd week' }
  let posted = 0
  for (const c of await db.select({ id: communities.id }).from(communities)) {
    await db.transaction(async (tx) => {
      const body = await coordinationText(tx, { communityId: c.id, now: p.now, timeZone: p.timeZone })
      if (!body) return
      for (const roomId of await staffRooms(tx, { communityId: c.id })) {
        await enqueueMessage(tx, { key: `coordination:${p.slot.toISOString()}:room:${roomId}`, body, roomId, communityId: c.id, now: p.now, priority: 'background' })
        posted++
      }
    })
  }
  return { posted }
}
