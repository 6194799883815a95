import { lockLatestDraw, poolOf, updateDraw } from '../../db/council.js'
import { buildingGroups } from '../../db/notices.js'
import { buildingLabel } from '../../domain/address.js'
import { chancesByBuilding } from '../../domain/council/pool.js'
import { QUOTA_EXAMPLE } from '../../domain/council/quotas.js'
import { AppError } from '../../domain/errors.js'
import { commitLottery, type Lottery } from '../../domain/sortition/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { toPool, type Computed } from './setCouncilQuotas.js'
import { cut } from '../../domain/text.js'

export const VERIFY_HINT = '任何人都可用「npm run verify-draw -- 抽签文件」重算核对'

/**
 * 公布抽签 福彩3D 12月5日 — commits to the pool and the 1000 panels (SHA-256 of each) and to the
 * future public number that will pick one; posted to every building group before the draw.
 */
export async function publishLottery(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const source = cut(args.replace(/\s+/g, ' ').trim(), 60)
  if (!source) throw new AppError('BAD_INPUT', '请写明由哪一期公开开奖号码决定，例如「公布抽签 福彩3D 12月5日」。')
  const draw = await lockLatestDraw(ctx.db, { communityId: community.id })
  if (!draw) throw new AppError('NOT_FOUND', '还没有人报名议事员。')
  if (draw.status === 'open') throw new AppError('CONFLICT', '报名还没截止：请先说「议事员报名 截止」，名单定下来再公布。')
  if (draw.status === 'published') throw new AppError('CONFLICT', `抽签办法已经公布过了（由「${draw.publicSource}」决定）。开奖后请说「开奖 527」。`)
  if (draw.status === 'drawn') throw new AppError('CONFLICT', '本届议事会已经开奖了。')
  const computed = draw.computed as unknown as (Computed & { infeasible?: true }) | null
  if (!computed) throw new AppError('CONFLICT', `请先设置席位和配额，例如「${QUOTA_EXAMPLE}」，等概率算好再公布。`)
  if (computed.infeasible) throw new AppError('CONFLICT', '上次设置的配额无法满足，请先调整「议事会 …」。')
  const now = toPool(await poolOf(ctx.db, { drawId: draw.id })).map((p) => p.candidateId).sort((a, b) => a - b)
  const then = Object.values(computed.ids).sort((a, b) => a - b)
  if (now.join(',') !== then.join(',')) throw new AppError('CONFLICT', '报名名单在计算之后有变化，请再发一次「议事会 …」重新计算。')

  const lottery = { panels: computed.panels, chances: computed.chances } as Lottery
  const commitment = commitLottery(computed.instance, lottery, computed.algorithm, source, 3)
  await updateDraw(ctx.db, { id: draw.id, patch: { status: 'published', file: commitment as unknown as Record<string, unknown>, publicSource: source } })

  const body = [
    '【议事会抽签公告】',
    `议事会 ${commitment.seats} 席，从 ${commitment.candidates.length} 位报名者中公开抽签产生${draw.quotaText ? `（${draw.quotaText}）` : ''}。`,
    `办法：事先排好 ${commitment.panels.length} 份都符合配额的名单（按 ${computed.algorithm === 'leximin' ? 'LEXIMIN' : 'MAXIMIN'} 公平原则，让每人的机会尽量均等），由「${source}」的开奖号码（3 位数）决定抽中哪一份。这个号码现在谁也不知道。`,
    '每人入选机会：',
    ...chancesByBuilding(commitment.chances),
    `报名名单 SHA-256：${commitment.candidateHash}`,
    `名单列表 SHA-256：${commitment.panelsHash}`,
    `开奖后公布结果和抽签文件，${VERIFY_HINT}。`,
  ].join('\n')
  const groups = await buildingGroups(ctx.db, { communityId: community.id })
  let sent = 0
  for (const b of groups) {
    for (const roomId of b.roomIds) {
      await enqueueMessage(ctx.db, { key: `council:${draw.id}:commit:room:${roomId}`, body, roomId, communityId: community.id, now: ctx.now, priority: 'background' })
      sent++
    }
  }
  await ctx.reply(
    `已公布抽签办法${sent ? `，发往 ${sent} 个群（${groups.map((b) => buildingLabel(b.number)).join('、')}）` : '（还没有绑定的楼栋群）'}。\n` +
      `报名名单 SHA-256：${commitment.candidateHash.slice(0, 16)}…\n「${source}」开奖后请说「开奖 527」（填实际号码）。`,
  )
}
