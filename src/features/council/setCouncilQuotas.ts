import type { Db } from '../../db/client.js'
import { buildingNumbers, ensureOpenDraw, poolOf, storeComputed, updateDraw, type CouncilCandidate } from '../../db/council.js'
import { currentCampaign } from '../../db/campaigns.js'
import { chancesByBuilding, councilInstance, pct, splitLotteryId, type PoolEntry } from '../../domain/council/pool.js'
import { describeRules, parseCouncilSpec } from '../../domain/council/quotas.js'
import { AppError } from '../../domain/errors.js'
import { quickInfeasibility, type Instance } from '../../domain/sortition/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { solveCouncilOffThread, type Solved } from './sortitionRunner.js'

/** What 议事会 keeps on the draw row once computed. */
export interface Computed {
  instance: Instance
  /** lottery id per candidate row */
  ids: Record<string, number>
  algorithm: 'leximin' | 'maximin'
  minProbability: number
  /** the solver's own sentence (levels, time), kept for the record */
  summary: string
  forced: { id: string; reason: string }[]
  /** each volunteer's chance in the 1000-panel lottery (what is published) */
  chances: Record<string, number>
  panels: string[][]
  /** where it ran: 'worker' (a worker thread) or 'inline' (fallback) */
  via: 'worker' | 'inline'
}

export const toPool = (rows: CouncilCandidate[]): PoolEntry[] =>
  rows.filter((c) => c.status === 'accepted').map((c) => ({ candidateId: c.id, name: c.name, building: c.building, ageBand: c.ageBand, gender: c.gender, tenure: c.tenure }))

/**
 * 议事会 40席 每栋至少1席 … — seats and quotas; counting checks answer at once, the LEXIMIN
 * probabilities and the lottery are computed in a worker after the message commits, then posted.
 */
export async function setCouncilQuotas(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const parsed = parseCouncilSpec(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  const draw = await ensureOpenDraw(ctx.db, { communityId: community.id, campaignId: campaign?.id ?? null, now: ctx.now })
  if (draw.status === 'published') throw new AppError('CONFLICT', '抽签办法已经公布，不能再改席位和配额。开奖请说「开奖 527」。')
  if (draw.status === 'drawn') throw new AppError('CONFLICT', '本届议事会已经开奖了。')
  const pool = toPool(await poolOf(ctx.db, { drawId: draw.id }))
  const { instance, ids } = councilInstance(parsed.value, pool, await buildingNumbers(ctx.db, { communityId: community.id }))
  const token = draw.computeToken + 1
  const quotaText = describeRules(parsed.value.rules)
  await updateDraw(ctx.db, { id: draw.id, patch: { seats: parsed.value.seats, quotas: instance.quotas, quotaText, computed: null, computeToken: token } })
  const quick = quickInfeasibility(instance)
  if (quick.length) return ctx.reply(infeasibleText(quick))

  const head = `议事会 ${instance.seats} 席${quotaText ? `（${quotaText}）` : ''}，${pool.length} 位报名者。`
  const open = draw.status === 'open' ? '\n（报名还没截止：名单有变要重算；定下来请先说「议事员报名 截止」。）' : ''
  await ctx.reply(`${head}\n正在计算每人的入选概率，稍等片刻……${open}`)
  const target = { roomId: ctx.room?.id ?? null, personId: ctx.room ? null : ctx.person.id, puppetTo: ctx.room ? ctx.msg.room!.puppetId : ctx.msg.talker.puppetId }
  const key = `council:${draw.id}:computed:${token}`
  const idsByLottery = Object.fromEntries([...ids.entries()].map(([cid, lid]) => [lid, cid]))
  ctx.afterCommit(async (db: Db) => {
    let solved: Solved & { via: 'worker' | 'inline' }
    try {
      solved = await solveCouncilOffThread(instance)
    } catch {
      solved = { feasible: false, reasons: ['计算出错了，请稍后再发一次「议事会 …」'], via: 'inline' }
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
      const stored = await storeComputed(tx, { id: draw.id, token, computed: (computed ?? { infeasible: true }) as unknown as Record<string, unknown> })
      if (!stored) return // a newer 议事会 (or 公布) replaced this one
      const body = solved.feasible ? chancesText(head, computed!) : infeasibleText(solved.reasons)
      await enqueueMessage(tx, { key, body, ...target, communityId: community.id, now: ctx.now })
    })
  })
}

export function infeasibleText(reasons: string[]): string {
  return `这些配额无法同时满足，没有抽签：\n${reasons.map((r) => `· ${r}`).join('\n')}\n请调整后再发「议事会 …」。`
}

function chancesText(head: string, c: Computed): string {
  const algorithm =
    c.algorithm === 'leximin'
      ? '算法：LEXIMIN（先让机会最小的人尽量大，再依次往上）'
      : '算法：MAXIMIN（备用：报名分组太多或计算超时，只保证最低的机会尽量大）'
  const lines = [head, algorithm, `最低入选概率：${pct(c.minProbability)}`]
  if (c.forced.length) {
    lines.push('【注意】以下报名者必然入选（所在组报名人数太少）：')
    for (const f of c.forced) {
      const { name, building } = splitLotteryId(f.id)
      lines.push(`· ${name} ${building}：${f.reason}`)
    }
  }
  lines.push('各人入选概率（1000 份名单中所占比例）：', ...chancesByBuilding(c.chances))
  lines.push('确认无误后说「公布抽签 福彩3D 12月5日」（写明用哪一期公开开奖号码），把抽签办法公布到各楼群。')
  return lines.join('\n')
}
