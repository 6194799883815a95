import { eq } from 'drizzle-orm'
import { getCommunity } from '../db/communities.js'
import { bindStaffRoom, getRoom, staffRoomOf } from '../db/rooms.js'
import { communities } from '../db/schema.js'
import { AppError } from '../domain/errors.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import type { Ctx } from '../kit/context.js'
import { bindableAsStaff, redeemBindCode } from './staffRoom.js'

/** A 换工作群 request waits this long for the old staff group's confirmation. */
export const STAFF_MOVE_TTL_MS = 30 * 60_000

const nowStaffText = (name: string) =>
  `本群现在是「${name}」的居委工作群：群成员就是居委工作人员。说「帮助」看看能做什么。`

/** 绑定工作群 1234-5678 — the operator's one-time code makes this group the staff group. */
export async function bindStaffRoomByCode(ctx: Ctx, args: string): Promise<void> {
  const room = ctx.room
  if (!room) throw new Error('绑定工作群 is a group command')
  if (!bindableAsStaff(room)) throw new AppError('WRONG_ROOM', '楼栋群和议事会群不能当居委工作群，请在工作群里说。')
  if (!/\d/.test(args)) throw new AppError('BAD_INPUT', '请带上启动共建助手时电脑上显示的绑定码，例如「绑定工作群 1234-5678」。')
  const { community, voided } = await redeemBindCode(ctx.db, { code: args, communities: ctx.communities })
  if (!community) {
    // not an AppError: the miss must be counted (a refusal would roll it back)
    await ctx.reply(
      voided
        ? '绑定码试错太多次，已作废。请重启共建助手，用电脑上显示的新绑定码。'
        : '绑定码不对。绑定码在启动共建助手的电脑上显示（8位数字，只能用一次）。',
    )
    return
  }
  if (room.kind === 'staff' && room.communityId !== community.id) throw new AppError('CONFLICT', '本群已是另一个社区的居委工作群。')
  const old = await staffRoomOf(ctx.db, { communityId: community.id })
  await bindStaffRoom(ctx.db, { communityId: community.id, roomId: room.id })
  if (old && old.id !== room.id) {
    await enqueueMessage(ctx.db, {
      key: `staff-moved:${ctx.inboundId}:old`,
      body: `居委工作群已用绑定码换到「${room.topic}」。本群不再是工作群。`,
      roomId: old.id,
      communityId: community.id,
      now: ctx.now,
    })
  }
  ctx.tellOperator(`居委工作群已用绑定码绑定 / staff group bound by code: 「${room.topic}」 → ${community.name}`)
  await ctx.reply(nowStaffText(community.name))
}

/** 换工作群 — said by staff in the new group; the old staff group must confirm. */
export async function requestStaffMove(ctx: Ctx): Promise<void> {
  const room = ctx.room
  if (!room) throw new Error('换工作群 is a group command')
  if (room.kind === 'staff') throw new AppError('CONFLICT', '本群已经是居委工作群。')
  if (!bindableAsStaff(room)) throw new AppError('WRONG_ROOM', '楼栋群和议事会群不能当居委工作群。')
  if (ctx.staffOf.length > 1) throw new AppError('CONFLICT', '您在多个社区的工作群里，无法判断要换哪一个，请联系管理员。')
  const communityId = ctx.staffOf[0]!
  const old = await staffRoomOf(ctx.db, { communityId })
  if (!old) throw new AppError('NOT_FOUND', '现在没有工作群可换。')
  await ctx.db
    .update(communities)
    .set({ staffMoveRoomId: room.id, staffMoveBy: ctx.person.id, staffMoveAt: ctx.now })
    .where(eq(communities.id, communityId))
  const name = ctx.msg.talker.nickname || ctx.person.name
  await enqueueMessage(ctx.db, {
    key: `staff-move:${ctx.inboundId}`,
    body: `${name} 申请把居委工作群换到「${room.topic}」。同意请在本群 @我 说「确认换群」；不同意不用理会，30分钟后作废。`,
    roomId: old.id,
    communityId,
    now: ctx.now,
  })
  await ctx.reply(`好的。请在原来的工作群「${old.topic}」里 @我 说「确认换群」（30分钟内有效）。确认前本群还不是工作群。`)
}

/** 确认换群 — said by staff in the current staff group: the requested group takes over. */
export async function confirmStaffMove(ctx: Ctx): Promise<void> {
  const room = ctx.room
  if (!room || room.kind !== 'staff' || room.communityId === null) throw new AppError('WRONG_ROOM', '请在原来的居委工作群里 @我 说「确认换群」。')
  const community = await getCommunity(ctx.db, { id: room.communityId })
  const pending = community?.staffMoveRoomId && community.staffMoveAt && ctx.now.getTime() - community.staffMoveAt.getTime() <= STAFF_MOVE_TTL_MS
  const target = pending ? await getRoom(ctx.db, { id: community!.staffMoveRoomId! }) : undefined
  if (!community || !target || !target.present || !bindableAsStaff(target)) {
    throw new AppError('NOT_FOUND', '没有待确认的换群申请（申请30分钟内有效）。请先在新群里说「换工作群」。')
  }
  await bindStaffRoom(ctx.db, { communityId: community.id, roomId: target.id })
  await ctx.db.update(communities).set({ staffMoveRoomId: null, staffMoveBy: null, staffMoveAt: null }).where(eq(communities.id, community.id))
  await enqueueMessage(ctx.db, {
    key: `staff-moved:${ctx.inboundId}:new`,
    body: nowStaffText(community.name),
    roomId: target.id,
    communityId: community.id,
    now: ctx.now,
  })
  ctx.tellOperator(`居委工作群已换 / staff group moved: 「${room.topic}」 → 「${target.topic}」`)
  await ctx.reply(`已把居委工作群换到「${target.topic}」。本群不再是工作群，在本群也不再有居委权限。`)
}
