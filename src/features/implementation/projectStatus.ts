import { currentAssignments, latestProgressOf } from '../../db/assignments.js'
import type { Db } from '../../db/client.js'
import type { Project } from '../../db/pool.js'
import { acceptanceRounds } from '../../db/rounds.js'
import { acceptanceOutcome } from '../../domain/implementation/acceptance.js'
import { roundCode } from '../../domain/codes.js'
import { currentRanking } from '../rounds/index.js'
import { formatDay, statusText as t } from './text.js'

export interface ProjectStatus {
  rank: string | null
  partner: string | null
  /** one line: where the project stands now */
  stage: string
}

/** Where each project stands: rank, assignee, %, acceptance — what 进度 says. */
export async function projectStatuses(db: Db, p: { communityId: number; projects: Project[]; now: Date; timeZone: string }): Promise<Map<number, ProjectStatus>> {
  const ranking = await currentRanking(db, { communityId: p.communityId })
  const projectIds = p.projects.map((x) => x.id)
  const acceptance = await acceptanceRounds(db, { communityId: p.communityId, projectIds })
  const assigned = await currentAssignments(db, { communityId: p.communityId, projectIds })
  const progress = await latestProgressOf(db, { communityId: p.communityId, projectIds })
  const out = new Map<number, ProjectStatus>()
  for (const project of p.projects) {
    const place = ranking ? ranking.order.indexOf(project.id) : -1
    const rank = ranking && place >= 0 ? t.rank(roundCode(ranking.round.id), place + 1) : null
    const current = assigned.get(project.id)
    const partner = current?.partner ?? null
    const a = acceptance.get(project.id)
    const stage = t.stage({
      stage: project.stage,
      percent: project.percent,
      rank,
      partner,
      due: current ? formatDay(current.assignment.dueAt, p.timeZone, p.now) : null,
      last: progress.get(project.id) ?? null,
      acceptance: a ? { round: roundCode(a.round.id), closesAt: a.round.closesAt, ratings: a.ratings.length } : null,
      rated: a ? acceptanceOutcome(a.ratings.map((r) => r.score), a.round.minRating ?? 0) : null,
      timeZone: p.timeZone,
    })
    out.set(project.id, { rank, partner, stage })
  }
  return out
}
