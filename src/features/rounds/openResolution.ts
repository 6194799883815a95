import { getRound, representativeCount, turnoutByBuilding } from '../../db/rounds.js'
import { representativesOf } from '../../db/deliberation.js'
import { needed } from '../../domain/deliberation/share.js'
import { AppError } from '../../domain/errors.js'
import { parseResolutionSpec } from '../../domain/rounds/spec.js'
import { formatClock, whenReasonText } from '../../domain/time/index.js'
import { parseWhen } from '../../domain/time/index.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { postToAllGroups } from '../../outbox/broadcast.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { newRound } from './newRound.js'
import { resultsText } from './results.js'
import { roundText as t } from './text.js'

/**
 * 开启决议 T1 通过线 50% 截止 … — households ratify a closed round's ranking, yes or no;
 * 开启决议 T1 居民代表 通过线 过半 到会 三分之二 截止 … — only the residents' representatives vote,
 * and the result stands only if the quorum took part. The rules are announced at opening.
 */
export async function openResolution(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const spec = parseResolutionSpec(args)
  if (!spec.ok) throw new AppError('BAD_INPUT', t.resolutionSpecRefusal(spec.reason))
  const { ref, passPercent, pass, quorum, electorate } = spec.value
  const when = parseWhen(spec.value.deadline, ctx.now, ctx.config.timeZone)
  if (!when.ok || when.value.immediate) throw new AppError('BAD_INPUT', t.deadline(when.ok ? t.deadlineLater : whenReasonText(when.reason, ctx.config.timeZone)))
  const plan = await getRound(ctx.db, { id: Number(ref), communityId: community.id })
  if (!plan) throw new AppError('NOT_FOUND', t.noSuchRound(ref))
  if (plan.status !== 'closed') throw new AppError('CONFLICT', t.notClosedYet(plan.id))
  const per = electorate === 'representative' ? 'representative' : 'household'
  const representatives = per === 'representative' ? await representativeCount(ctx.db, { communityId: community.id }) : 0
  if (per === 'representative' && !representatives) throw new AppError('CONFLICT', t.noRepresentatives)
  const round = await newRound(ctx, {
    communityId: community.id,
    kind: 'resolution',
    refRoundId: plan.id,
    passPercent,
    passShare: pass,
    quorumShare: quorum,
    projectIds: plan.projectIds,
    dots: 1,
    per,
    closesAt: when.value.at,
  })
  // the ranked lines of the ratified round's result
  const ranking = (await resultsText(ctx.db, { round: plan, timeZone: ctx.config.timeZone })).split('\n').filter((l) => /^\d+\. /.test(l))
  const closes = formatClock(round.closesAt, ctx.config.timeZone)
  const eligible = per === 'representative' ? representatives : (await turnoutByBuilding(ctx.db, { round })).reduce((n, x) => n + x.eligible, 0)
  const rules = t.resolutionRules({ per, pass, quorum, eligible, quorumNeeded: quorum ? Math.max(1, needed(eligible, quorum)) : null })
  const body = t.resolutionAnnouncement({ round: round.id, ref: plan.id, per, ranking, rules, closes })
  const { length: groups } = await postToAllGroups(ctx.db, { communityId: community.id, key: `resolution-open:${round.id}`, body, now: ctx.now, staffToo: true })
  if (per === 'representative') {
    const seen = new Set<number>()
    for (const r of await representativesOf(ctx.db, { communityId: community.id })) {
      if (seen.has(r.personId)) continue
      seen.add(r.personId)
      await enqueueMessage(ctx.db, { key: `resolution-open:${round.id}:person:${r.personId}`, body: t.tellRepresentatives({ round: round.id, ref: plan.id, closes }), personId: r.personId, communityId: community.id, now: ctx.now, priority: 'background' })
    }
  }
  await ctx.reply(t.resolutionOpened({ round: round.id, ref: plan.id, per, pass, quorum, closes, groups }))
}
