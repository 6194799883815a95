import { ensureBuilding, getBuilding } from '../db/communities.js'
import { bindRoomToBuilding } from '../db/rooms.js'
import { buildingLabel, parseBuilding } from '../domain/address.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'
import { bindCouncil } from './bindCouncil.js'

/** 绑定 3号楼 — said by staff in a group: this group is building 3's (the building is created). 绑定 议事会: the council's group. */
export async function bindBuilding(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.room) throw new Error('绑定 is a group command')
  if (ctx.room.kind === 'staff') throw new AppError('WRONG_ROOM', '这是居委工作群，不能绑定为楼栋群。')
  const community = ctx.community
  if (!community) throw new AppError('CONFLICT', '您在多个居委工作群里，无法判断本群属于哪个社区，请联系管理员。')
  if (!args) throw new AppError('BAD_INPUT', '请说明是哪栋楼，例如「绑定 3号楼」。')
  if (/^议事(会|员)/.test(args.trim())) return bindCouncil(ctx)
  const parsed = parseBuilding(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)

  const building = await ensureBuilding(ctx.db, { communityId: community.id, number: parsed.value, now: ctx.now })
  const label = buildingLabel(building.number)
  if (ctx.room.buildingId === building.id) {
    await ctx.reply(`本群已是${label}的群，不用再绑定。`)
    return
  }
  const previous = ctx.room.buildingId ? await getBuilding(ctx.db, { id: ctx.room.buildingId }) : undefined
  await bindRoomToBuilding(ctx.db, { roomId: ctx.room.id, communityId: community.id, buildingId: building.id })
  const before = previous ? `（原为${buildingLabel(previous.number)}）` : ''
  await ctx.reply(`好的，本群已绑定为${label}${before}。\n请居委 @我 说「楼组长 @某某」指定楼组长；邻居可说「登记 ${label} 502」登记门牌。`)
}
