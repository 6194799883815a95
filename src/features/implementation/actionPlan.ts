import { activeWorks } from '../../db/assignments.js'
import type { Db } from '../../db/client.js'
import { partnerLedger } from '../../db/partners.js'
import { projectsWithMembers } from '../../db/pool.js'
import { projectCode } from '../../domain/codes.js'
import { roundCode } from '../../domain/codes.js'
import { currentRanking } from '../rounds/index.js'
import { assignText, formatDay, resourceText } from './text.js'

/** One line per partner: what it offered, and what is assigned to it against its budget. */
export async function ledgerLines(db: Db, p: { communityId: number }): Promise<string[]> {
  return (await partnerLedger(db, p)).map((l) => resourceText.ledgerLine({ ...l, name: l.partner.name }))
}

export type Work = Awaited<ReturnType<typeof activeWorks>>[number]

/** Active works past their due date (not those waiting for the residents' ratings). */
export const overdueOf = (works: Work[], now: Date) => works.filter((w) => w.assignment.dueAt < now && w.stage !== 'accepting')

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
  const lines = members.map(({ project }) => {
    const w = workOf(project.id)
    return assignText.planLine({
      rank: order.includes(project.id) ? order.indexOf(project.id) + 1 : null,
      code: projectCode(project.id),
      name: project.name,
      stage: project.stage,
      percent: project.percent,
      work: w ? { partner: w.partner, due: formatDay(w.assignment.dueAt, p.timeZone, p.now) } : null,
    })
  })
  const header = assignText.planHeader(ranking ? roundCode(ranking.round.id) : null)
  return { header, lines, works, unassigned }
}
