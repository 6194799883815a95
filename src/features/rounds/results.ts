import type { Db } from '../../db/client.js'
import { projectsWithMembers } from '../../db/pool.js'
import { ballotsOf, latestClosedRounds, projectNames, representativeCount, turnoutByBuilding, type Round } from '../../db/rounds.js'
import type { Share } from '../../domain/deliberation/share.js'
import { resolutionOutcome } from '../../domain/rounds/resolution.js'
import { rankCouncilScores, tallyDots } from '../../domain/rounds/tally.js'
import { formatClock } from '../../domain/time/index.js'
import { acceptanceText } from '../implementation/index.js'
import { roundText as t } from './text.js'

type Ballots = Awaited<ReturnType<typeof ballotsOf>>

export async function residentTally(db: Db, round: Round, cast: Ballots) {
  const { ranking, voters } = tallyDots(
    cast.map((b) => ({ voterKey: b.voterKey, building: b.building, dots: b.dots, castAt: b.castAt })),
    { projects: round.projectIds, closesAt: round.closedAt ?? round.closesAt, seed: round.seed },
  )
  return { ranking, voters, names: await projectNames(db, { communityId: round.communityId, ids: round.projectIds }) }
}

/** The published result: ranking with bars, voters, turnout by building, the rule applied. */
export async function resultsText(db: Db, p: { round: Round; timeZone: string }): Promise<string> {
  const { round } = p
  const cast = await ballotsOf(db, { communityId: round.communityId, roundId: round.id })
  const closed = formatClock(round.closedAt ?? round.closesAt, p.timeZone)
  if (round.kind === 'council') {
    const { ranked, names } = await councilRanking(db, round, cast)
    return t.councilResult({ round: round.id, raters: cast.length, closed, ranked, names, seed: round.seed })
  }
  if (round.kind === 'resolution') return resolutionText(db, round, cast)
  if (round.kind === 'acceptance') return acceptanceText(db, p)
  const { ranking, voters, names } = await residentTally(db, round, cast)
  const turnout = await turnoutByBuilding(db, { round })
  return t.residentResult({ round: round.id, per: round.per, voters, closed, ranking, names, turnout, seed: round.seed })
}

async function councilRanking(db: Db, round: Round, cast: Ballots) {
  const scores = cast.flatMap((b) => (b.scores ?? []).map((s) => ({ member: b.voterKey, ...s, at: b.castAt })))
  const members = await projectsWithMembers(db, { communityId: round.communityId, ids: round.projectIds })
  const ranked = rankCouncilScores(scores, {
    projects: round.projectIds.map((id) => {
      const m = members.find((x) => x.project.id === id)
      return { project: id, supporters: m?.supporters ?? 0, buildings: m?.buildings.length ?? 0 }
    }),
    seed: round.seed,
  })
  return { ranked, names: new Map(members.map((m) => [m.project.id, m.project.name])) }
}

/** The rule a resolution was opened with: its pass line and quorum (older ones: a percent, no quorum). */
export const passLine = (round: Round): Share => round.passShare ?? { num: round.passPercent ?? 50, den: 100 }

/** Yes/no of a resolution: quorum reached (if it has one), then yes above the pass line of those who voted. */
async function resolutionOutcomeOf(db: Db, round: Round, cast: Ballots) {
  const turnout = await turnoutByBuilding(db, { round })
  const eligible = round.per === 'representative' ? await representativeCount(db, { communityId: round.communityId }) : turnout.reduce((n, x) => n + x.eligible, 0)
  const yes = cast.filter((b) => b.dots[0] === 1).length
  return { turnout, outcome: resolutionOutcome({ yes, cast: cast.length, eligible, pass: passLine(round), quorum: round.quorumShare ?? null }) }
}

async function resolutionText(db: Db, round: Round, cast: Ballots): Promise<string> {
  const { turnout, outcome } = await resolutionOutcomeOf(db, round, cast)
  const ref = round.refRoundId ?? 0
  return t.resolutionResult({ round: round.id, ref, per: round.per, outcome, pass: passLine(round), turnout })
}

/**
 * The priority order now in force: the ranking a passed resolution ratified, else the latest
 * residents' round, else the latest council round. Null before any of them closed.
 */
export async function currentRanking(db: Db, p: { communityId: number }): Promise<{ round: Round; order: number[] } | null> {
  const closed = await latestClosedRounds(db, p)
  let chosen: Round | undefined
  for (const r of closed.filter((x) => x.kind === 'resolution')) {
    if (!(await resolutionOutcomeOf(db, r, await ballotsOf(db, { communityId: r.communityId, roundId: r.id }))).outcome.passed) continue
    chosen = closed.find((x) => x.id === r.refRoundId)
    if (chosen) break
  }
  chosen ??= closed.find((x) => x.kind === 'resident') ?? closed.find((x) => x.kind === 'council')
  if (!chosen) return null
  const cast = await ballotsOf(db, { communityId: chosen.communityId, roundId: chosen.id })
  const ranking = chosen.kind === 'council' ? (await councilRanking(db, chosen, cast)).ranked : (await residentTally(db, chosen, cast)).ranking
  return { round: chosen, order: ranking.map((r) => r.project) }
}
