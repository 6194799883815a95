import { currentAssignment, endAssignment, setProjectState } from '../../db/assignments.js'
import type { Db } from '../../db/client.js'
import { acceptanceRounds, projectNames, type Round } from '../../db/rounds.js'
import { projectCode } from '../../domain/codes.js'
import { acceptanceOutcome } from '../../domain/implementation/acceptance.js'
import { roundCode } from '../../domain/codes.js'
import { postProjectNews, tellStaff } from './postProjectNews.js'
import { acceptanceText as t } from './news.text.js'

async function tallyAcceptance(db: Db, round: Round) {
  const projectId = round.projectIds[0]!
  const found = (await acceptanceRounds(db, { communityId: round.communityId, projectIds: [projectId] })).get(projectId)
  // the latest round of the project is this one unless a newer 完成 opened another
  const ratings = found?.round.id === round.id ? found.ratings : []
  const outcome = acceptanceOutcome(ratings.map((r) => r.score), round.minRating ?? 0)
  const name = (await projectNames(db, { communityId: round.communityId, ids: [projectId] })).get(projectId) ?? ''
  return { projectId, name, ratings, outcome }
}

/** 【验收结果】: the average, the spread, the verdict, a few residents' words (no names). */
export async function acceptanceText(db: Db, p: { round: Round; timeZone: string }): Promise<string> {
  const { round } = p
  const { projectId, name, ratings, outcome } = await tallyAcceptance(db, round)
  return t.result({
    round: roundCode(round.id),
    code: projectCode(projectId),
    name,
    closed: round.status === 'closed',
    closesAt: round.closesAt,
    timeZone: p.timeZone,
    minRating: round.minRating ?? 0,
    outcome,
    comments: ratings.map((r) => r.comment?.trim()).filter((c): c is string => !!c),
  })
}
/**
 * A closed acceptance round: the result to the project's groups (askers @-mentioned) and staff;
 * the project is closed (结单), or goes back to rework with the staff told why.
 */
export async function publishAcceptance(db: Db, p: { round: Round; now: Date; timeZone: string }): Promise<void> {
  const { round } = p
  const { projectId, outcome, ratings } = await tallyAcceptance(db, round)
  const body = await acceptanceText(db, p)
  await postProjectNews(db, { communityId: round.communityId, projectId, key: `acceptance-result:${round.id}`, body, now: p.now, staffToo: true })
  const current = await currentAssignment(db, { communityId: round.communityId, projectId })
  const code = projectCode(projectId)
  if (outcome.result === 'accepted') {
    await setProjectState(db, { communityId: round.communityId, id: projectId, stage: 'accepted', now: p.now })
    if (current) await endAssignment(db, { communityId: round.communityId, id: current.assignment.id, status: 'done', now: p.now })
    return
  }
  if (outcome.result === 'rework') {
    await setProjectState(db, { communityId: round.communityId, id: projectId, stage: 'rework', now: p.now })
    const complaints = ratings.flatMap((r) => (r.score <= 2 && r.comment ? [r.comment] : []))
    await tellStaff(db, {
      communityId: round.communityId,
      key: `acceptance-rework:${round.id}`,
      body: t.rework({ code, average: outcome.average, minRating: round.minRating ?? 0, partner: current?.partner ?? null, complaints }),
      now: p.now,
    })
    return
  }
  await setProjectState(db, { communityId: round.communityId, id: projectId, stage: 'unrated', now: p.now })
  await tellStaff(db, {
    communityId: round.communityId,
    key: `acceptance-unrated:${round.id}`,
    body: t.unrated(code, roundCode(round.id)),
    now: p.now,
  })
}
