import { currentAssignments, latestProgressOf, projectsChangedSince } from '../../db/assignments.js'
import type { Db } from '../../db/client.js'
import { acceptanceRounds } from '../../db/rounds.js'
import { communities } from '../../db/schema.js'
import { projectCode } from '../../domain/codes.js'
import { acceptanceOutcome } from '../../domain/implementation/acceptance.js'
import { postToAllGroups } from '../../outbox/broadcast.js'
import { digestText as t, type DigestItem } from './news.text.js'
import { formatDay } from './text.js'

export const WEEK_MS = 7 * 86_400_000
const MAX_LINES = 12

/** The week's news for the residents: only projects that changed since the slot a week before. */
export async function progressDigestText(db: Db, p: { communityId: number; since: Date; now: Date; timeZone: string }): Promise<string | null> {
  const changed = await projectsChangedSince(db, p)
  if (!changed.length) return null
  const projectIds = changed.map((x) => x.id)
  const accepted = await acceptanceRounds(db, { communityId: p.communityId, projectIds })
  const assigned = await currentAssignments(db, { communityId: p.communityId, projectIds })
  const progress = await latestProgressOf(db, { communityId: p.communityId, projectIds })
  const itemOf = (project: (typeof changed)[number]): DigestItem => {
    const named = { code: projectCode(project.id), name: project.name }
    const current = assigned.get(project.id)
    const last = progress.get(project.id)
    const a = accepted.get(project.id)
    if (project.stage === 'accepting') return { ...named, kind: 'accepting' }
    if (project.stage === 'accepted') {
      const o = a ? acceptanceOutcome(a.ratings.map((r) => r.score), a.round.minRating ?? 0) : null
      return { ...named, kind: 'accepted', average: o?.raters ? o.average : null }
    }
    if (project.stage === 'rework') return { ...named, kind: 'rework' }
    if (last && last.at >= p.since) return { ...named, kind: 'progress', percent: project.percent, note: last.note }
    if (current) return { ...named, kind: 'assigned', partner: current.partner, due: formatDay(current.assignment.dueAt, p.timeZone, p.now) }
    return { ...named, kind: 'percent', percent: project.percent }
  }
  return t.digest({
    lines: changed.slice(0, MAX_LINES).map((x) => t.line(itemOf(x))),
    more: Math.max(0, changed.length - MAX_LINES),
    ask: projectCode(changed[0]!.id),
  })
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
