import { getBuilding } from '../db/communities.js'
import { grantRole } from '../db/roles.js'
import { buildingLabel } from '../domain/address.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'
import { mentionedPeople } from './mentioned.js'

/** 楼组长 @张三 — said by staff in a building group: 张三 becomes that building's head. */
export async function appointBuildingHead(ctx: Ctx): Promise<void> {
  if (!ctx.room || ctx.room.kind !== 'building' || !ctx.room.buildingId || !ctx.community) {
    throw new AppError('WRONG_ROOM', '本群还没绑定楼栋，请先说「绑定 3号楼」。')
  }
  const building = await getBuilding(ctx.db, { id: ctx.room.buildingId })
  if (!building) throw new AppError('NOT_FOUND', '找不到本群绑定的楼栋，请重新绑定。')
  const heads = await mentionedPeople(ctx, '楼组长 @张三')
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
  const label = buildingLabel(building.number)
  const lines: string[] = []
  if (names.length) lines.push(`好的，${names.join('、')} 现在是${label}的楼组长。`)
  if (already.length) lines.push(`${already.join('、')} 本来就是${label}的楼组长。`)
  if (names.length) lines.push('楼组长可以 @我 说「确认 @某某」确认邻居的登记。')
  await ctx.reply(lines.join('\n'))
}
