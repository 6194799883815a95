import { bindRoomAsCouncil } from '../../db/council.js'
import type { Ctx } from '../../kit/context.js'
import { councilText } from './text.js'

const t = councilText.bind

/** 绑定 议事会 — said by staff in a group: the council members' group (results are posted there too). */
export async function bindCouncil(ctx: Ctx): Promise<void> {
  // 绑定 (households) is a staff command in a group, and checks the community before it comes here
  if (!ctx.room || !ctx.community) throw new Error('bindCouncil runs in a group of a known community')
  if (ctx.room.kind === 'council') {
    await ctx.reply(t.already)
    return
  }
  await bindRoomAsCouncil(ctx.db, { roomId: ctx.room.id, communityId: ctx.community.id })
  await ctx.reply(t.done)
}
