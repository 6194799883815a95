import { getRound } from '../../db/rounds.js'
import { AppError } from '../../domain/errors.js'
import { parseResolutionSpec } from '../../domain/rounds/spec.js'
import { formatClock, whenReasonText } from '../../domain/time/index.js'
import { parseWhen } from '../../domain/time/index.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { postToAllGroups } from '../../outbox/broadcast.js'
import { newRound } from './newRound.js'
import { resultsText } from './results.js'
import { roundText as t } from './text.js'

/** 开启决议 T1 通过线 50% 截止 … — households ratify a closed round's ranking, yes or no. */
export async function openResolution(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const spec = parseResolutionSpec(args)
  if (!spec.ok) throw new AppError('BAD_INPUT', t.resolutionSpecRefusal(spec.reason))
  const { ref, passPercent } = spec.value
  const when = parseWhen(spec.value.deadline, ctx.now, ctx.config.timeZone)
  if (!when.ok || when.value.immediate) throw new AppError('BAD_INPUT', t.deadline(when.ok ? t.deadlineLater : whenReasonText(when.reason, ctx.config.timeZone)))
  const plan = await getRound(ctx.db, { id: Number(ref), communityId: community.id })
  if (!plan) throw new AppError('NOT_FOUND', t.noSuchRound(ref))
  if (plan.status !== 'closed') throw new AppError('CONFLICT', t.notClosedYet(plan.id))
  const round = await newRound(ctx, {
    communityId: community.id,
    kind: 'resolution',
    refRoundId: plan.id,
    passPercent,
    projectIds: plan.projectIds,
    dots: 1,
    per: 'household',
    closesAt: when.value.at,
  })
  // the ranked lines of the ratified round's result
  const ranking = (await resultsText(ctx.db, { round: plan, timeZone: ctx.config.timeZone })).split('\n').filter((l) => /^\d+\. /.test(l))
  const closes = formatClock(round.closesAt, ctx.config.timeZone)
  const body = t.resolutionAnnouncement({ round: round.id, ref: plan.id, ranking, passPercent, closes })
  const { length: groups } = await postToAllGroups(ctx.db, { communityId: community.id, key: `resolution-open:${round.id}`, body, now: ctx.now, staffToo: true })
  await ctx.reply(t.resolutionOpened({ round: round.id, ref: plan.id, passPercent, closes, groups }))
}
