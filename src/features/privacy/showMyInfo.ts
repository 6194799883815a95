import { householdOfPerson } from '../../db/households.js'
import { footprintOf, roomsOfPerson } from '../../db/people.js'
import { rolesOfPerson } from '../../db/roles.js'
import type { Ctx } from '../../kit/context.js'
import { privacyText as t } from './text.js'

/** 我的信息 — everything stored about the talker (in a group the door number stays hidden). */
export async function showMyInfo(ctx: Ctx): Promise<void> {
  const h = await householdOfPerson(ctx.db, { personId: ctx.person.id })
  const roles = await rolesOfPerson(ctx.db, { personId: ctx.person.id })
  const rooms = await roomsOfPerson(ctx.db, { personId: ctx.person.id })
  const footprint = await footprintOf(ctx.db, { personId: ctx.person.id })
  await ctx.reply(
    t.myInfo({
      name: ctx.person.name,
      household: h ? { building: h.building.number, unit: h.household.unit, confirmed: Boolean(h.confirmedAt) } : null,
      inGroup: ctx.room !== null,
      titles: { staff: ctx.staffOf.length > 0, roles },
      rooms: rooms.map((r) => r.room.topic),
      footprint,
    }),
  )
}
