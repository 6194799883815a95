import { closedReason, startSignup } from './signup.js'
import { currentCampaign } from '../../db/campaigns.js'
import { getBuilding } from '../../db/communities.js'
import { candidateOf, ensureOpenDraw, insertCandidate, latestDraw, nicknameIn, pendingRecommendation, updateCandidate } from '../../db/council.js'
import { householdOfPerson } from '../../db/households.js'
import { isBuildingHead } from '../../db/roles.js'
import { AppError } from '../../domain/errors.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { mentionedPeople } from '../../services/mentioned.js'
import { cut } from '../../domain/text.js'

/**
 * 推荐 @张三 — a building head in their building's group (or staff in any group): a pending
 * recommendation, and 张三 is asked to reply 接受推荐 or 不接受.
 */
export async function recommendCouncil(ctx: Ctx): Promise<void> {
  if (!ctx.room || !ctx.community) throw new AppError('WRONG_ROOM', '请在楼栋群里 @我 说「推荐 @邻居」。')
  const head = ctx.room.buildingId ? await isBuildingHead(ctx.db, { personId: ctx.person.id, buildingId: ctx.room.buildingId }) : false
  if (!head && !ctx.isStaff) throw new AppError('FORBIDDEN', '推荐议事员由楼组长在本楼群里提出。您自己想参加，请说「报名议事员」。')
  const campaign = await currentCampaign(ctx.db, { communityId: ctx.community.id })
  const draw = await ensureOpenDraw(ctx.db, { communityId: ctx.community.id, campaignId: campaign?.id ?? null, now: ctx.now })
  const closed = closedReason(draw)
  if (closed) throw new AppError('CONFLICT', closed)
  const people = await mentionedPeople(ctx, '推荐 @张三')
  const roomBuilding = ctx.room.buildingId ? (await getBuilding(ctx.db, { id: ctx.room.buildingId }))?.number : undefined
  const lines: string[] = []
  for (const who of people) {
    const nickname = (await nickIn(ctx, who.id)) ?? who.name
    const existing = await candidateOf(ctx.db, { drawId: draw.id, personId: who.id })
    if (existing?.status === 'accepted') {
      lines.push(`${nickname} 已经在议事员报名名单里了。`)
      continue
    }
    if (existing?.status === 'pending') {
      lines.push(`${nickname} 已被推荐过，正等他/她回复。`)
      continue
    }
    const building = roomBuilding ?? (await householdOfPerson(ctx.db, { personId: who.id }))?.building.number
    if (!building) throw new AppError('BAD_INPUT', `不知道 ${nickname} 住几号楼，请在对方的楼栋群里推荐。`)
    const fields = { name: cut(nickname, 12), building, source: 'recommended', recommendedBy: ctx.person.id, status: 'pending', updatedAt: ctx.now }
    if (existing) await updateCandidate(ctx.db, { id: existing.id, patch: fields })
    else {
      await insertCandidate(ctx.db, {
        ...fields,
        communityId: ctx.community.id,
        campaignId: draw.campaignId,
        drawId: draw.id,
        personId: who.id,
        createdAt: ctx.now,
      })
    }
    await enqueueMessage(ctx.db, {
      key: `reply:${ctx.inboundId}:recommend:${who.id}`,
      body: `@${nickname} ${ctx.person.name}推荐您参加议事会（议事员从报名者中公开抽签产生）。愿意的话 @我 回复「接受推荐」，不参加回复「不接受」。`,
      roomId: ctx.room.id,
      communityId: ctx.community.id,
      now: ctx.now,
    })
    lines.push(`已推荐 ${nickname}，等他/她回复。`)
  }
  await ctx.reply(lines.join('\n'))
}

/** 接受推荐 — the sign-up dialog for the pending recommendation. */
export async function acceptRecommendation(ctx: Ctx): Promise<void> {
  const pending = await pendingFor(ctx)
  if (!pending) throw new AppError('NOT_FOUND', '没有找到给您的推荐。想参加议事会，请说「报名议事员」。')
  await startSignup(ctx, { candidateId: pending.id })
}

/** 不接受 — the recommendation is declined. */
export async function declineRecommendation(ctx: Ctx): Promise<void> {
  const pending = await pendingFor(ctx)
  if (!pending) throw new AppError('NOT_FOUND', '没有找到给您的推荐。')
  await updateCandidate(ctx.db, { id: pending.id, patch: { status: 'declined', updatedAt: ctx.now } })
  await ctx.reply('好的，已记下您这次不参加。谢谢！以后想参加，可以说「报名议事员」。')
}

async function pendingFor(ctx: Ctx) {
  if (!ctx.community) return undefined
  const draw = await latestDraw(ctx.db, { communityId: ctx.community.id })
  if (!draw) return undefined
  const closed = closedReason(draw)
  if (closed) throw new AppError('CONFLICT', closed)
  return pendingRecommendation(ctx.db, { drawId: draw.id, personId: ctx.person.id })
}

async function nickIn(ctx: Ctx, personId: number): Promise<string | undefined> {
  return nicknameIn(ctx.db, { roomId: ctx.room!.id, personId })
}
