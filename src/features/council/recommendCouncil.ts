import { currentCampaign } from '../../db/campaigns.js'
import { buildingOfRoom } from '../../db/communities.js'
import { candidateOf, ensureOpenDraw, insertCandidate, nicknameIn, updateCandidate } from '../../db/council.js'
import { householdOfPerson } from '../../db/households.js'
import { isBuildingHead } from '../../db/roles.js'
import { AppError } from '../../domain/errors.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { mentionedPeople } from '../households/index.js'
import { cut } from '../../domain/text.js'
import { closedReason } from './signup.js'
import { councilText } from './text.js'

const t = councilText.recommend

/**
 * 推荐 @张三 — a building head in their building's group (or staff in any group): a pending
 * recommendation, and 张三 is asked to reply 接受推荐 or 不接受.
 */
export async function recommendCouncil(ctx: Ctx): Promise<void> {
  // the spec lets heads and staff in, in a group; a head recommends in their own building's group
  const room = ctx.room!
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.wrongRoom)
  const head = room.buildingId ? await isBuildingHead(ctx.db, { communityId: ctx.community.id, personId: ctx.person.id, buildingId: room.buildingId }) : false
  if (!head && !ctx.isStaff) throw new AppError('FORBIDDEN', t.forbidden)
  const campaign = await currentCampaign(ctx.db, { communityId: ctx.community.id })
  const draw = await ensureOpenDraw(ctx.db, { communityId: ctx.community.id, campaignId: campaign?.id ?? null, now: ctx.now })
  const closed = closedReason(draw)
  if (closed) throw new AppError('CONFLICT', closed)
  const people = await mentionedPeople(ctx, t.example)
  const roomBuilding = (await buildingOfRoom(ctx.db, room))?.number
  const lines: string[] = []
  for (const who of people) {
    const nickname = (await nicknameIn(ctx.db, { roomId: room.id, personId: who.id })) ?? who.name
    const existing = await candidateOf(ctx.db, { communityId: draw.communityId, drawId: draw.id, personId: who.id })
    if (existing?.status === 'accepted') {
      lines.push(t.alreadyIn(nickname))
      continue
    }
    if (existing?.status === 'pending') {
      lines.push(t.alreadyAsked(nickname))
      continue
    }
    const building = roomBuilding ?? (await householdOfPerson(ctx.db, { personId: who.id }))?.building.number
    if (!building) throw new AppError('BAD_INPUT', t.unknownBuilding(nickname))
    const fields = { name: cut(nickname, 12), building, source: 'recommended', recommendedBy: ctx.person.id, status: 'pending', updatedAt: ctx.now }
    if (existing) await updateCandidate(ctx.db, { communityId: existing.communityId, id: existing.id, patch: fields })
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
      body: t.invite(ctx.person.name),
      // a real @: WeChat notifies the neighbour (the puppet puts the name in front)
      mentions: [who.id],
      roomId: room.id,
      communityId: ctx.community.id,
      now: ctx.now,
    })
    lines.push(t.done(nickname))
  }
  await ctx.reply(lines.join('\n'))
}
