import type { BuildingReason } from './address.js'

/**
 * How an address is written — a building, a unit — and why a building number could not be read.
 * Shared by every feature that reads a building (绑定, 报名议事员, a suggestion's place).
 */
export const addressText = {
  building: (n: number) => `${n}号楼`,
  /** a household's unit as it is stored and shown: 2单元502 */
  unit: (unitNo: number, room: number) => `${unitNo}单元${room}`,
  /** 代提: a neighbour typed in with only a door number */
  neighbour: '邻居',
  buildingRefused: (r: BuildingReason) =>
    r.code === 'noBuilding' ? '请写明楼号，例如「3号楼」。' : `楼号${typed(r.typed)} 不对，请写 1 到 ${r.max} 之间的楼号。`,
}

/** the number as typed, after a space; nothing when it was too long to repeat back */
export const typed = (digits: string | null): string => (digits === null ? '' : ` ${digits}`)
