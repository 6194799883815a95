import { buildingOfRoom, ensureBuilding } from '../../db/communities.js'
import { bindRoomToBuilding } from '../../db/rooms.js'
import { addressText } from '../../domain/address.text.js'
import { parseBuilding } from '../../domain/address.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { bindCouncil } from '../council/index.js'
import { COUNCIL_GROUP } from './lexicon.js'
import { householdText as t } from './text.js'

/** 绑定 3号楼 — said by staff in a group: this group is building 3's (the building is created). 绑定 议事会: the council's group. */
export async function bindBuilding(ctx: Ctx, args: string): Promise<void> {
  // where: 'group' in the spec
  const room = ctx.room!
  if (room.kind === 'staff') throw new AppError('WRONG_ROOM', t.staffGroupNotBuilding)
  const community = ctx.community
  if (!community) throw new AppError('CONFLICT', t.communityUnclear)
  if (!args) throw new AppError('BAD_INPUT', t.bindWhat)
  if (COUNCIL_GROUP.test(args.trim())) return bindCouncil(ctx)
  const parsed = parseBuilding(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', addressText.buildingRefused(parsed.reason))

  const building = await ensureBuilding(ctx.db, { communityId: community.id, number: parsed.value, now: ctx.now })
  if (room.buildingId === building.id) {
    await ctx.reply(t.alreadyBound(building.number))
    return
  }
  const previous = await buildingOfRoom(ctx.db, room)
  await bindRoomToBuilding(ctx.db, { roomId: room.id, communityId: community.id, buildingId: building.id })
  await ctx.reply(t.bound({ building: building.number, previous: previous?.number ?? null }))
}
