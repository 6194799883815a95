import { latestDraw, pendingRecommendation, updateCandidate } from '../../db/council.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { closedReason, startSignup } from './signup.js'
import { councilText } from './text.js'

const t = councilText.recommend

/** 接受推荐 — the sign-up dialog for the pending recommendation. */
export async function acceptRecommendation(ctx: Ctx): Promise<void> {
  const pending = await pendingFor(ctx)
  if (!pending) throw new AppError('NOT_FOUND', t.noneToAccept)
  await startSignup(ctx, { candidateId: pending.id })
}

/** 不接受 — the recommendation is declined. */
export async function declineRecommendation(ctx: Ctx): Promise<void> {
  const pending = await pendingFor(ctx)
  if (!pending) throw new AppError('NOT_FOUND', t.noneToDecline)
  await updateCandidate(ctx.db, { communityId: pending.communityId, id: pending.id, patch: { status: 'declined', updatedAt: ctx.now } })
  await ctx.reply(t.declined)
}

async function pendingFor(ctx: Ctx) {
  if (!ctx.community) return undefined
  const draw = await latestDraw(ctx.db, { communityId: ctx.community.id })
  if (!draw) return undefined
  const closed = closedReason(draw)
  if (closed) throw new AppError('CONFLICT', closed)
  return pendingRecommendation(ctx.db, { communityId: draw.communityId, drawId: draw.id, personId: ctx.person.id })
}
