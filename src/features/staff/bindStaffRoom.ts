import { bindStaffRoom, staffRoomOf } from '../../db/rooms.js'
import { AppError } from '../../domain/errors.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { bindableAsStaff } from './admitRoom.js'
import { redeemBindCode } from './bindCodes.js'
import { staffText as t } from './text.js'

/** 绑定工作群 1234-5678 — the operator's one-time code makes this group the staff group. */
export async function bindStaffRoomByCode(ctx: Ctx, args: string): Promise<void> {
  // where: 'group' in the spec
  const room = ctx.room!
  if (!bindableAsStaff(room)) throw new AppError('WRONG_ROOM', t.notBindable)
  if (!/\d/.test(args)) throw new AppError('BAD_INPUT', t.codeMissing)
  const { community, voided } = await redeemBindCode(ctx.db, { code: args, communities: ctx.communities })
  if (!community) {
    // not an AppError: the miss must be counted (a refusal would roll it back)
    await ctx.reply(voided ? t.codeVoided : t.codeWrong)
    return
  }
  if (room.kind === 'staff' && room.communityId !== community.id) throw new AppError('CONFLICT', t.otherCommunity)
  const old = await staffRoomOf(ctx.db, { communityId: community.id })
  await bindStaffRoom(ctx.db, { communityId: community.id, roomId: room.id })
  if (old && old.id !== room.id) {
    await enqueueMessage(ctx.db, {
      key: `staff-moved:${ctx.inboundId}:old`,
      body: t.movedByCode(room.topic),
      roomId: old.id,
      communityId: community.id,
      now: ctx.now,
    })
  }
  ctx.tellOperator(t.operator.boundByCode(room.topic, community.name))
  await ctx.reply(t.nowStaff(community.name))
}
