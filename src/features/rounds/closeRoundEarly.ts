import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { publishRoundResults } from './publishResults.js'
import { roundFrom } from './roundFrom.js'
import { roundText as t } from './text.js'

/** 结束投票 T1 — staff close a round early; the result goes out as at the deadline. */
export async function closeRoundEarly(ctx: Ctx, args: string): Promise<void> {
  staffCommunity(ctx)
  const round = await roundFrom(ctx, args)
  if (round.status !== 'open') throw new AppError('CONFLICT', t.alreadyClosed(round.id))
  await publishRoundResults(ctx.db, { round, now: ctx.now, timeZone: ctx.config.timeZone, fontFile: ctx.config.cjkFont })
  await ctx.reply(t.closedEarly(round.id))
}
