import { typed } from '../../domain/address.text.js'
import { buildingLabel, householdLabel, type HouseholdAddress, type HouseholdReason } from '../../domain/address.js'

/**
 * What the bot says about households, buildings and their heads. In a group only the building is
 * named: a door number is personal (it says where someone lives) and is told in private only.
 */

/** the household as it may be shown where the reply goes */
export function householdShown(a: HouseholdAddress, inGroup: boolean): string {
  return inGroup ? buildingLabel(a.building) : householdLabel(a)
}

const REGISTER_EXAMPLE = '例如「登记 3号楼 502」或「登记 3号楼 2单元 502」。'
const BAD_NUMBER = { badBuilding: '楼号', badRoom: '门牌号', badUnit: '单元号' }

export const householdText = {
  usage: {
    register: '登记 3号楼 502 — 登记您家门牌',
    confirm: '确认 @邻居 — 确认邻居的登记',
    bind: '绑定 3号楼 — 在楼栋群里说，本群归3号楼',
    head: '楼组长 @张三 — 在楼栋群里说，设张三为楼组长',
  },
  act: {
    register: '登记门牌',
    confirm: '确认邻居的登记',
    bind: '绑定群',
    head: '指定楼组长',
  },
  refuse: {
    bindWhere: '请在要绑定的楼栋群里 @我 说「绑定 3号楼」。',
  },
  /** the example a command that @-mentions people shows when the mention is missing */
  mentionExample: { confirm: '确认 @张三', head: '楼组长 @张三' },

  // 登记
  registerWhat: '请说出楼号和门牌，例如「登记 3号楼 502」。',
  householdRefused(r: HouseholdReason): string {
    if (r.code === 'noAddress') return `请写明楼号和门牌，${REGISTER_EXAMPLE}`
    if (r.code === 'noRoom') return `请写上门牌号，${REGISTER_EXAMPLE}`
    return `${BAD_NUMBER[r.code]}${typed(r.typed)} 不对，${REGISTER_EXAMPLE}`
  },
  registerWhere: '请在您所在楼栋的群里 @我 登记。',
  noSuchBuilding: (building: number) => `本社区还没有${buildingLabel(building)}（没有群绑定到这栋楼）。请检查楼号，或联系居委。`,
  alreadyRegistered(p: { existing: HouseholdAddress; confirmed: boolean; wanted: HouseholdAddress; inGroup: boolean }): string {
    const status = p.confirmed ? '已确认' : '等楼组长确认'
    const label = householdShown(p.existing, p.inGroup)
    if (householdLabel(p.existing) === householdLabel(p.wanted)) return `您已登记过 ${label}（${status}），不用再登记。`
    return `您已登记为 ${label}（${status}），不能重复登记。如搬家或填错，请联系楼组长或居委。`
  },
  /** the talker's own reply after 登记 */
  registered(p: { address: HouseholdAddress; name: string; hasHeads: boolean; doorTaken: boolean; inGroup: boolean }): string {
    const taken = p.doorTaken ? '这户已有邻居登记并确认过，楼组长会先核实。' : ''
    if (p.inGroup) {
      const who = p.hasHeads ? '请楼组长' : '本楼还没有楼组长，请居委'
      return `已登记${buildingLabel(p.address.building)}（门牌不在群里显示）。${taken}${who} @我 说「确认 @${p.name}」。`
    }
    return `已登记 ${householdLabel(p.address)}，等${p.hasHeads ? '楼组长' : '居委'}确认。${taken}`
  },
  registeredTogether: (p: { building: number; hasHeads: boolean }) =>
    `以上各位已登记${buildingLabel(p.building)}（门牌不在群里显示）。${p.hasHeads ? '请楼组长' : '本楼还没有楼组长，请居委'} @我 说「确认」并 @ 他们。`,
  /** sent privately to the building's heads; names who is already confirmed at that door */
  headNotice(p: { name: string; address: HouseholdAddress; confirmedThere: string[] }): string {
    const warn = p.confirmedThere.length
      ? `\n注意：这个门牌已确认登记了 ${p.confirmedThere.join('、')}。确认后他们算同一户，一户只算一票；如不是一家人，请先核实。`
      : ''
    return `${p.name} 登记为 ${householdLabel(p.address)}，请在楼栋群里 @我 说「确认 @${p.name}」。${warn}`
  },

  // 确认
  notRegistered: (name: string) => `${name} 还没有登记门牌，请对方先 @我 说「登记 3号楼 502」。`,
  notYourBuilding: (building: number, name: string) => `只有${buildingLabel(building)}的楼组长或居委可以确认 ${name} 的登记。`,
  notYourself: '自己的登记请另一位楼组长或居委确认。',
  /** one line of the 确认 reply */
  confirmedLine(p: { name: string; address: HouseholdAddress; inGroup: boolean; before: boolean; housemates: string[] }): string {
    const label = householdShown(p.address, p.inGroup)
    if (p.before) return `${p.name}（${label}）之前已确认。`
    const same = p.housemates.length ? `（与 ${p.housemates.join('、')} 同一户，一户一票）` : ''
    return `已确认：${p.name}，${label}${same}。`
  },

  // 楼组长
  notBuildingGroup: '本群还没绑定楼栋，请先说「绑定 3号楼」。',
  boundBuildingMissing: '找不到本群绑定的楼栋，请重新绑定。',
  headsAppointed(p: { names: string[]; already: string[]; building: number }): string {
    const label = buildingLabel(p.building)
    const lines: string[] = []
    if (p.names.length) lines.push(`好的，${p.names.join('、')} 现在是${label}的楼组长。`)
    if (p.already.length) lines.push(`${p.already.join('、')} 本来就是${label}的楼组长。`)
    if (p.names.length) lines.push('楼组长可以 @我 说「确认 @某某」确认邻居的登记。')
    return lines.join('\n')
  },

  // 绑定
  staffGroupNotBuilding: '这是居委工作群，不能绑定为楼栋群。',
  communityUnclear: '您在多个居委工作群里，无法判断本群属于哪个社区，请联系管理员。',
  bindWhat: '请说明是哪栋楼，例如「绑定 3号楼」。',
  alreadyBound: (building: number) => `本群已是${buildingLabel(building)}的群，不用再绑定。`,
  bound(p: { building: number; previous: number | null }): string {
    const label = buildingLabel(p.building)
    const before = p.previous !== null ? `（原为${buildingLabel(p.previous)}）` : ''
    return `好的，本群已绑定为${label}${before}。\n请居委 @我 说「楼组长 @某某」指定楼组长；邻居可说「登记 ${label} 502」登记门牌。`
  },

  // @someone
  mentionWhere: (example: string) => `请在群里 @ 对方，例如「${example}」。`,
  mentionWho: (example: string) => `请 @ 要办理的人，例如「${example}」。`,
  mentionedNotFound: (name: string) => `本群里找不到「${name}」，请直接 @ 对方。`,
}
