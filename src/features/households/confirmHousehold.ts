import { confirmHousehold as confirmHouseholdRow, confirmedHousemates, householdOfPerson } from '../../db/households.js'
import { isBuildingHead } from '../../db/roles.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { mentionedPeople } from './mentioned.js'
import { householdText as t } from './text.js'

/** 确认 @张三 — a building head (or staff) confirms a neighbour's registration. */
export async function confirmHousehold(ctx: Ctx): Promise<void> {
  const people = await mentionedPeople(ctx, t.mentionExample.confirm)
  const lines: string[] = []
  // check everyone first: a refusal must change nothing
  const plan = []
  for (const person of people) {
    const h = await householdOfPerson(ctx.db, { personId: person.id })
    if (!h) throw new AppError('NOT_FOUND', t.notRegistered(person.name))
    const isStaff = ctx.staffOf.includes(h.household.communityId)
    const mayConfirm = isStaff || (await isBuildingHead(ctx.db, { communityId: h.household.communityId, personId: ctx.person.id, buildingId: h.building.id }))
    if (!mayConfirm) throw new AppError('FORBIDDEN', t.notYourBuilding(h.building.number, person.name))
    if (person.id === ctx.person.id && !isStaff) throw new AppError('FORBIDDEN', t.notYourself)
    const housemates = await confirmedHousemates(ctx.db, { householdId: h.household.id, exceptPersonId: person.id })
    plan.push({ person, address: { building: h.building.number, unit: h.household.unit }, done: h.confirmedAt !== null, housemates: housemates.map((m) => m.name) })
  }
  for (const { person, address, done, housemates } of plan) {
    if (!done) await confirmHouseholdRow(ctx.db, { personId: person.id, byPersonId: ctx.person.id, now: ctx.now })
    // in a group the door number stays out of the message (it may have been given privately)
    lines.push(t.confirmedLine({ name: person.name, address, inGroup: ctx.room !== null, before: done, housemates }))
  }
  await ctx.reply(lines.join('\n'))
}
