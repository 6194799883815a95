import { lockLatestDraw, poolOf, updateDraw } from '../../db/council.js'
import { buildingGroups } from '../../db/notices.js'
import { AppError } from '../../domain/errors.js'
import { commitLottery } from '../../domain/sortition/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { cut } from '../../domain/text.js'
import { computedOf, toPool } from './stored.js'
import { councilText } from './text.js'

const t = councilText.publish

/**
 * 公布抽签 福彩3D 12月5日 — commits to the pool and the 1000 panels (SHA-256 of each) and to the
 * future public number that will pick one; posted to every building group before the draw.
 */
export async function publishLottery(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const source = cut(args.replace(/\s+/g, ' ').trim(), 60)
  if (!source) throw new AppError('BAD_INPUT', t.noSource)
  const draw = await lockLatestDraw(ctx.db, { communityId: community.id })
  if (!draw) throw new AppError('NOT_FOUND', t.nobody)
  if (draw.status === 'open') throw new AppError('CONFLICT', t.notFrozen)
  if (draw.status === 'published') throw new AppError('CONFLICT', t.already(draw.publicSource))
  if (draw.status === 'drawn') throw new AppError('CONFLICT', t.drawn)
  const computed = computedOf(draw)
  if (!computed) throw new AppError('CONFLICT', t.notComputed)
  if ('infeasible' in computed) throw new AppError('CONFLICT', t.infeasible)
  const now = toPool(await poolOf(ctx.db, { communityId: draw.communityId, drawId: draw.id })).map((p) => p.candidateId).sort((a, b) => a - b)
  const then = Object.values(computed.ids).sort((a, b) => a - b)
  if (now.join(',') !== then.join(',')) throw new AppError('CONFLICT', t.poolChanged)

  const commitment = commitLottery(computed.instance, computed, computed.algorithm, source, 3)
  await updateDraw(ctx.db, { communityId: draw.communityId, id: draw.id, patch: { status: 'published', file: commitment, publicSource: source } })

  const body = t.post({
    seats: commitment.seats,
    candidates: commitment.candidates.length,
    quotaText: draw.quotaText,
    panels: commitment.panels.length,
    algorithm: computed.algorithm,
    source,
    chances: commitment.chances,
    candidateHash: commitment.candidateHash,
    panelsHash: commitment.panelsHash,
  })
  const groups = await buildingGroups(ctx.db, { communityId: community.id })
  let sent = 0
  for (const b of groups) {
    for (const roomId of b.roomIds) {
      await enqueueMessage(ctx.db, { key: `council:${draw.id}:commit:room:${roomId}`, body, roomId, communityId: community.id, now: ctx.now, priority: 'background' })
      sent++
    }
  }
  await ctx.reply(t.done({ sent, buildings: groups.map((b) => b.number), candidateHash: commitment.candidateHash, source }))
}
