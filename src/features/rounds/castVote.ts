import { castBallot, latestRound, openRounds, type Round } from '../../db/rounds.js'
import { AppError } from '../../domain/errors.js'
import { parseDotVote } from '../../domain/rounds/ballots.js'
import { formatClock } from '../../domain/time/index.js'
import type { Ctx } from '../../kit/context.js'
import { eligibleVoter } from './eligibleVoter.js'
import { roundText as t } from './text.js'

/** 投票 — show the open round; 投票 3 7 12 — cast (repeat a number to stack dots; re-voting replaces). */
export async function castVote(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.voteWhere)
  const tz = ctx.config.timeZone
  const [round] = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'resident' })
  if (!round) {
    const last = await latestRound(ctx.db, { communityId: ctx.community.id })
    if (last) throw new AppError('CONFLICT', t.voteClosed(last.id, formatClock(last.closedAt ?? last.closesAt, tz)))
    throw new AppError('NOT_FOUND', t.noOpenVote)
  }
  if (!args.trim()) {
    await ctx.reply(t.openVote({ round: round.id, projects: round.projectIds, dots: round.dots, closes: formatClock(round.closesAt, tz) }))
    return
  }
  const voter = await eligibleVoter(ctx, round)
  const parsed = parseDotVote(args, { dots: round.dots })
  if (!parsed.ok) throw new AppError('BAD_INPUT', t.dotVoteRefusal(parsed.reason, round.dots))
  const outside = [...new Set(parsed.value.filter((n) => !round.projectIds.includes(n)))]
  if (outside.length) throw new AppError('BAD_INPUT', t.notInRound('vote', outside, round.projectIds))
  await castBallot(ctx.db, { communityId: round.communityId, roundId: round.id, ...voter, personId: ctx.person.id, dots: parsed.value, now: ctx.now })
  // in a group only an ack: those waiting to go out in the group go as one
  await ctx.reply(confirmation(round, parsed.value, ctx.room !== null), { ack: { kind: `ballot:${round.id}`, together: t.ballotsTogether({ round: round.id, per: round.per }) } })
}

function confirmation(round: Round, dots: number[], inGroup: boolean): string {
  // in a group only that a ballot came in; the choices are told in private
  if (inGroup) return t.ballotInGroup({ round: round.id, per: round.per, count: dots.length })
  const counts = new Map<number, number>()
  for (const d of dots) counts.set(d, (counts.get(d) ?? 0) + 1)
  return t.ballotPrivate({ round: round.id, dots: counts, count: dots.length, max: round.dots })
}
