import { representativeBuilding } from '../../db/deliberation.js'
import { castBallot, openRounds } from '../../db/rounds.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { eligibleVoter } from './eligibleVoter.js'
import { roundText as t } from './text.js'

/**
 * 同意 / 不同意 — a household's (or, on a representatives' resolution, a representative's) yes or
 * no on the open resolution; the last one counts. A representative speaks in the representatives'
 * resolution when one is open.
 */
export async function voteResolution(ctx: Ctx, yes: boolean): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.resolveWhere)
  const open = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'resolution' })
  if (!open.length) throw new AppError('NOT_FOUND', t.noOpenResolution)
  const isRepresentative = (await representativeBuilding(ctx.db, { communityId: ctx.community.id, personId: ctx.person.id })) !== undefined
  const round = open.find((r) => (r.per === 'representative') === isRepresentative) ?? open[0]!
  const voter = await eligibleVoter(ctx, round)
  await castBallot(ctx.db, { communityId: round.communityId, roundId: round.id, ...voter, personId: ctx.person.id, dots: [yes ? 1 : 0], now: ctx.now })
  await ctx.reply(ctx.room ? t.resolvedInGroup(round.id, round.per) : t.resolvedPrivate(round.id, yes), {
    ack: { kind: `resolution:${round.id}`, together: t.resolvedTogether(round.id, round.per) },
  })
}
