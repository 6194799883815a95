import type { Db } from '../../db/client.js'
import { buildingNumbers, ensureOpenDraw, poolOf, storeComputed, updateDraw } from '../../db/council.js'
import { currentCampaign } from '../../db/campaigns.js'
import { councilInstance } from '../../domain/council/pool.js'
import { parseCouncilSpec } from '../../domain/council/quotas.js'
import { AppError } from '../../domain/errors.js'
import { quickInfeasibility } from '../../domain/sortition/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { solveCouncilOffThread, type Solved } from './sortitionRunner.js'
import { toPool, type Computed, type StoredComputed } from './stored.js'
import { councilText, describeRules, quotaReply } from './text.js'

const t = councilText.quotas

/**
 * 议事会 40席 每栋至少1席 … — seats and quotas; counting checks answer at once, the LEXIMIN
 * probabilities and the lottery are computed in a worker after the message commits, then posted.
 */
export async function setCouncilQuotas(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const parsed = parseCouncilSpec(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', quotaReply(parsed.reason))
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  const draw = await ensureOpenDraw(ctx.db, { communityId: community.id, campaignId: campaign?.id ?? null, now: ctx.now })
  if (draw.status === 'published') throw new AppError('CONFLICT', t.published)
  if (draw.status === 'drawn') throw new AppError('CONFLICT', t.drawn)
  const pool = toPool(await poolOf(ctx.db, { communityId: draw.communityId, drawId: draw.id }))
  const { instance, ids } = councilInstance(parsed.value, pool, await buildingNumbers(ctx.db, { communityId: community.id }))
  const token = draw.computeToken + 1
  const quotaText = describeRules(parsed.value.rules)
  await updateDraw(ctx.db, { communityId: draw.communityId, id: draw.id, patch: { seats: parsed.value.seats, quotas: instance.quotas, quotaText, computed: null, computeToken: token } })
  const quick = quickInfeasibility(instance)
  if (quick.length) return ctx.reply(t.infeasible(quick))

  const head = t.head({ seats: instance.seats, quotaText, pool: pool.length })
  await ctx.reply(t.computing(head, draw.status === 'open'))
  const target = { roomId: ctx.room?.id ?? null, personId: ctx.room ? null : ctx.person.id, puppetTo: ctx.room ? ctx.msg.room!.puppetId : ctx.msg.talker.puppetId }
  const key = `council:${draw.id}:computed:${token}`
  const idsByLottery = Object.fromEntries([...ids.entries()].map(([cid, lid]) => [lid, cid]))
  ctx.afterCommit(async (db: Db) => {
    let solved: Solved & { via: 'worker' | 'inline' }
    try {
      solved = await solveCouncilOffThread(instance)
    } catch {
      solved = { feasible: false, reasons: [t.failed], via: 'inline' }
    }
    await db.transaction(async (tx) => {
      const computed: Computed | null = solved.feasible
        ? {
            instance,
            ids: idsByLottery,
            algorithm: solved.selection.algorithm,
            minProbability: solved.selection.minProbability,
            summary: solved.selection.summary,
            forced: solved.selection.forced,
            chances: solved.lottery.chances,
            panels: solved.lottery.panels,
            via: solved.via,
          }
        : null
      const stored: StoredComputed = computed ?? { infeasible: true }
      if (!(await storeComputed(tx, { communityId: draw.communityId, id: draw.id, token, computed: stored }))) return // a newer 议事会 (or 公布) replaced this one
      const body = solved.feasible ? t.chances(head, computed!) : t.infeasible(solved.reasons)
      await enqueueMessage(tx, { key, body, ...target, communityId: community.id, now: ctx.now })
    })
  })
}
