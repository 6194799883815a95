import { buildingOfRoom } from '../../db/communities.js'
import { grantRole } from '../../db/roles.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { mentionedPeople } from './mentioned.js'
import { householdText as t } from './text.js'

/** 楼组长 @张三 — said by staff in a building group: 张三 becomes that building's head. */
export async function appointBuildingHead(ctx: Ctx): Promise<void> {
  if (ctx.room?.kind !== 'building' || !ctx.room.buildingId || !ctx.community) throw new AppError('WRONG_ROOM', t.notBuildingGroup)
  const building = await buildingOfRoom(ctx.db, ctx.room)
  if (!building) throw new AppError('NOT_FOUND', t.boundBuildingMissing)
  const heads = await mentionedPeople(ctx, t.mentionExample.head)
  const names: string[] = []
  const already: string[] = []
  for (const head of heads) {
    const granted = await grantRole(ctx.db, {
      communityId: ctx.community.id,
      personId: head.id,
      role: 'building_head',
      buildingId: building.id,
      grantedBy: ctx.person.id,
      now: ctx.now,
    })
    ;(granted ? names : already).push(head.name)
  }
  await ctx.reply(t.headsAppointed({ names, already, building: building.number }))
}
