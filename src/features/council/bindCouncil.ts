import { bindRoomAsCouncil } from '../../db/council.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'

/** 绑定 议事会 — said by staff in a group: the council members' group (results are posted there too). */
export async function bindCouncil(ctx: Ctx): Promise<void> {
  if (!ctx.room || !ctx.community) throw new AppError('WRONG_ROOM', '请在议事会的群里 @我 说「绑定 议事会」。')
  if (ctx.room.kind === 'council') {
    await ctx.reply('本群已是议事会群，不用再绑定。')
    return
  }
  await bindRoomAsCouncil(ctx.db, { roomId: ctx.room.id, communityId: ctx.community.id })
  await ctx.reply('好的，本群已绑定为议事会群。抽签结果和议事会的事会发到这里。')
}
