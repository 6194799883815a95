import { currentAssignments, latestProgressOf, projectsChangedSince } from '../db/assignments.js'
import type { Db } from '../db/client.js'
import { acceptanceRounds } from '../db/rounds.js'
import { communities } from '../db/schema.js'
import { projectCode } from '../domain/codes.js'
import { acceptanceOutcome, formatAverage } from '../domain/implementation/acceptance.js'
import { formatDay } from '../domain/implementation/due.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import { coordinationText } from './actionPlan.js'
import { postToAllGroups } from './broadcast.js'
import { staffRooms } from './postProjectNews.js'

const WEEK_MS = 7 * 86_400_000

/** The week's news for the residents: only projects that changed since the slot a week before. */
export async function progressDigestText(db: Db, p: { communityId: number; since: Date; now: Date; timeZone: string }): Promise<string | null> {
  const changed = await projectsChangedSince(db, p)
  if (!changed.length) return null
  const projectIds = changed.map((x) => x.id)
  const accepted = await acceptanceRounds(db, { communityId: p.communityId, projectIds })
  const assigned = await currentAssignments(db, { projectIds })
  const progress = await latestProgressOf(db, { projectIds })
  const lines: string[] = []
  for (const project of changed.slice(0, 12)) {
    const head = `· ${projectCode(project.id)}「${project.name}」`
    const current = assigned.get(project.id)
    const last = progress.get(project.id)
    const a = accepted.get(project.id)
    if (project.stage === 'accepting') lines.push(`${head}已完工，请评价：「评价 ${projectCode(project.id)} 5 很满意」`)
    else if (project.stage === 'accepted') {
      const o = a ? acceptanceOutcome(a.ratings.map((r) => r.score), a.round.minRating ?? 0) : null
      lines.push(`${head}已验收结单${o?.raters ? `，满意度 ${formatAverage(o.average)} 分` : ''}`)
    } else if (project.stage === 'rework') lines.push(`${head}验收未通过，整改中`)
    else if (last && last.at >= p.since) lines.push(`${head}${project.percent}%：${[...last.note].slice(0, 24).join('')}`)
    else if (current) lines.push(`${head}已派给${current.partner}，预计${formatDay(current.assignment.dueAt, p.timeZone, p.now)}完成`)
    else lines.push(`${head}${project.percent}%`)
  }
  const more = changed.length > 12 ? `\n另有 ${changed.length - 12} 项，说「进度」看全部。` : ''
  return `【本周项目进展】\n${lines.join('\n')}${more}\n问详情 @我 说「进度 ${projectCode(changed[0]!.id)}」。`
}

/**
 * Job (Monday mornings): one short message to every building group with the projects that
 * changed in the week before the slot. Nothing changed: nothing sent. The slot is in every key,
 * so a second run for the same slot sends nothing more.
 */
export async function sendProgressDigest(db: Db, p: { now: Date; slot: Date; timeZone: string }): Promise<{ posted: number }> {
  let posted = 0
  for (const c of await db.select({ id: communities.id }).from(communities)) {
    await db.transaction(async (tx) => {
      const body = await progressDigestText(tx, { communityId: c.id, since: new Date(p.slot.getTime() - WEEK_MS), now: p.now, timeZone: p.timeZone })
      if (!body) return
      posted += (await postToAllGroups(tx, { communityId: c.id, key: `progress-digest:${p.slot.toISOString()}`, body, now: p.now })).length
    })
  }
  return { posted }
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
