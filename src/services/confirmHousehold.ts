import { confirmHousehold as confirmHouseholdRow, confirmedHousemates, householdOfPerson } from '../db/households.js'
import { isBuildingHead } from '../db/roles.js'
import { buildingLabel } from '../domain/address.js'
import { AppError } from '../domain/errors.js'
import { confirmedLine } from '../domain/householdWords.js'
import type { Ctx } from '../kit/context.js'
import { mentionedPeople } from './mentioned.js'

/** 确认 @张三 — a building head (or staff) confirms a neighbour's registration. */
export async function confirmHousehold(ctx: Ctx): Promise<void> {
  const people = await mentionedPeople(ctx, '确认 @张三')
  const lines: string[] = []
  // check everyone first: a refusal must change nothing
  const plan = []
  for (const person of people) {
    const h = await householdOfPerson(ctx.db, { personId: person.id })
    if (!h) throw new AppError('NOT_FOUND', `${person.name} 还没有登记门牌，请对方先 @我 说「登记 3号楼 502」。`)
    const isStaff = ctx.staffOf.includes(h.household.communityId)
    const mayConfirm = isStaff || (await isBuildingHead(ctx.db, { personId: ctx.person.id, buildingId: h.building.id }))
    if (!mayConfirm) throw new AppError('FORBIDDEN', `只有${buildingLabel(h.building.number)}的楼组长或居委可以确认 ${person.name} 的登记。`)
    if (person.id === ctx.person.id && !isStaff) throw new AppError('FORBIDDEN', '自己的登记请另一位楼组长或居委确认。')
    const housemates = await confirmedHousemates(ctx.db, { householdId: h.household.id, exceptPersonId: person.id })
    plan.push({ person, address: { building: h.building.number, unit: h.household.unit }, done: h.confirmedAt !== null, housemates: housemates.map((m) => m.name) })
  }
  for (const { person, address, done, housemates } of plan) {
    if (!done) await confirmHouseholdRow(ctx.db, { personId: person.id, byPersonId: ctx.person.id, now: ctx.now })
    // in a group the door number stays out of the message (it may have been given privately)
    lines.push(confirmedLine({ name: person.name, address, inGroup: ctx.room !== null, before: done, housemates }))
  }
  await ctx.reply(lines.join('\n'))
}
