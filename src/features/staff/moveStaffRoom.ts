import { eq } from 'drizzle-orm'
import { getCommunity } from '../../db/communities.js'
import { bindStaffRoom, getRoom, staffRoomOf } from '../../db/rooms.js'
import { communities } from '../../db/schema.js'
import { AppError } from '../../domain/errors.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { bindableAsStaff } from './admitRoom.js'
import { staffText as t } from './text.js'

/** A 换工作群 request waits this long for the old staff group's confirmation. */
export const STAFF_MOVE_TTL_MS = 30 * 60_000

/** 换工作群 — said by staff in the new group; the old staff group must confirm. */
export async function requestStaffMove(ctx: Ctx): Promise<void> {
  // where: 'group' in the spec
  const room = ctx.room!
  if (room.kind === 'staff') throw new AppError('CONFLICT', t.alreadyStaff)
  if (!bindableAsStaff(room)) throw new AppError('WRONG_ROOM', t.notBindableMove)
  if (ctx.staffOf.length > 1) throw new AppError('CONFLICT', t.communityUnclear)
  const communityId = ctx.staffOf[0]!
  const old = await staffRoomOf(ctx.db, { communityId })
  if (!old) throw new AppError('NOT_FOUND', t.nothingToMove)
  await ctx.db
    .update(communities)
    .set({ staffMoveRoomId: room.id, staffMoveBy: ctx.person.id, staffMoveAt: ctx.now })
    .where(eq(communities.id, communityId))
  const name = ctx.msg.talker.nickname || ctx.person.name
  await enqueueMessage(ctx.db, {
    key: `staff-move:${ctx.inboundId}`,
    body: t.moveAsked(name, room.topic),
    roomId: old.id,
    communityId,
    now: ctx.now,
  })
  await ctx.reply(t.moveRequested(old.topic))
}

/** 确认换群 — said by staff in the current staff group: the requested group takes over. */
export async function confirmStaffMove(ctx: Ctx): Promise<void> {
  const room = ctx.room!
  // any group passes the spec; only the staff group itself may confirm
  if (room.kind !== 'staff' || room.communityId === null) throw new AppError('WRONG_ROOM', t.refuse.confirmMoveWhere)
  const community = await getCommunity(ctx.db, { id: room.communityId })
  const pending = community?.staffMoveRoomId && community.staffMoveAt && ctx.now.getTime() - community.staffMoveAt.getTime() <= STAFF_MOVE_TTL_MS
  const target = pending ? await getRoom(ctx.db, { id: community!.staffMoveRoomId! }) : undefined
  if (!community || !target || !target.present || !bindableAsStaff(target)) throw new AppError('NOT_FOUND', t.noMovePending)
  await bindStaffRoom(ctx.db, { communityId: community.id, roomId: target.id })
  await ctx.db.update(communities).set({ staffMoveRoomId: null, staffMoveBy: null, staffMoveAt: null }).where(eq(communities.id, community.id))
  await enqueueMessage(ctx.db, {
    key: `staff-moved:${ctx.inboundId}:new`,
    body: t.nowStaff(community.name),
    roomId: target.id,
    communityId: community.id,
    now: ctx.now,
  })
  ctx.tellOperator(t.operator.moved(room.topic, target.topic))
  await ctx.reply(t.moved(target.topic))
}
