import { buildingLabel, householdLabel, type HouseholdAddress } from './address.js'

/**
 * What the bot says about registrations. In a group only the building is named: a door number
 * is personal (it says where someone lives) and is told in private only.
 */

/** the household as it may be shown where the reply goes */
export function householdShown(a: HouseholdAddress, inGroup: boolean): string {
  return inGroup ? buildingLabel(a.building) : householdLabel(a)
}

export function alreadyRegisteredReply(p: { existing: HouseholdAddress; confirmed: boolean; wanted: HouseholdAddress; inGroup: boolean }): string {
  const status = p.confirmed ? '已确认' : '等楼组长确认'
  const label = householdShown(p.existing, p.inGroup)
  if (householdLabel(p.existing) === householdLabel(p.wanted)) return `您已登记过 ${label}（${status}），不用再登记。`
  return `您已登记为 ${label}（${status}），不能重复登记。如搬家或填错，请联系楼组长或居委。`
}

/** the talker's own reply after 登记 */
export function registeredReply(p: { address: HouseholdAddress; name: string; hasHeads: boolean; doorTaken: boolean; inGroup: boolean }): string {
  const taken = p.doorTaken ? '这户已有邻居登记并确认过，楼组长会先核实。' : ''
  if (p.inGroup) {
    const who = p.hasHeads ? '请楼组长' : '本楼还没有楼组长，请居委'
    return `已登记${buildingLabel(p.address.building)}（门牌不在群里显示）。${taken}${who} @我 说「确认 @${p.name}」。`
  }
  return `已登记 ${householdLabel(p.address)}，等${p.hasHeads ? '楼组长' : '居委'}确认。${taken}`
}

/** sent privately to the building's heads; names who is already confirmed at that door */
export function headRegistrationNotice(p: { name: string; address: HouseholdAddress; confirmedThere: string[] }): string {
  const warn = p.confirmedThere.length
    ? `\n注意：这个门牌已确认登记了 ${p.confirmedThere.join('、')}。确认后他们算同一户，一户只算一票；如不是一家人，请先核实。`
    : ''
  return `${p.name} 登记为 ${householdLabel(p.address)}，请在楼栋群里 @我 说「确认 @${p.name}」。${warn}`
}

/** one line of the 确认 reply */
export function confirmedLine(p: { name: string; address: HouseholdAddress; inGroup: boolean; before: boolean; housemates: string[] }): string {
  const label = householdShown(p.address, p.inGroup)
  if (p.before) return `${p.name}（${label}）之前已确认。`
  const same = p.housemates.length ? `（与 ${p.housemates.join('、')} 同一户，一户一票）` : ''
  return `已确认：${p.name}，${label}${same}。`
}
