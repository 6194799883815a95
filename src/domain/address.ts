import { addressText } from './address.text.js'
import type { Parsed } from './parsed.js'
import { convertAllNumerals, normalizeInput } from './text.js'
import { DOOR_NUMBER } from './lexicon.js'

export const MAX_BUILDING = 999
export const MAX_UNIT = 99
export const MAX_ROOM = 99999

// (?<![\d.]) so that 12345号楼 is read as 12345, not 2345 (and 3.5号楼 not as 5)
const STRONG_BUILDING_RE = /(?<![\d.])(?:第\s*)?(\d+)\s*(?:号楼|栋|幢|座|#楼|#)/
const WEAK_BUILDING_RE = /(?<![\d.])(?:第\s*)?(\d+)\s*(?:号|楼)/

/** 号楼/栋/幢/座/# win over a bare 号 or 楼 (502号 3号楼 → 3). */
function findBuilding(s: string): RegExpExecArray | null {
  return STRONG_BUILDING_RE.exec(s) ?? WEAK_BUILDING_RE.exec(s)
}

/** The number as typed, unless it is too long to repeat back (null). */
function shown(digits: string): string | null {
  const trimmed = digits.replace(/^0+(?=\d)/, '')
  return trimmed.length > 6 ? null : trimmed
}

export function buildingLabel(n: number): string {
  return addressText.building(n)
}

/** A number that is out of range: the number as typed (null when too long to repeat back). */
type BadNumber<C extends string> = { code: C; typed: string | null }

export type BuildingReason = { code: 'noBuilding' } | (BadNumber<'badBuilding'> & { max: number })

export type BuildingRead = Parsed<number, BuildingReason>

/** `3号楼`, `三号楼`, `3栋`, `３幢`, `3#`, or a bare `3` → 3. */
export function parseBuilding(input: string): BuildingRead {
  const s = normalizeInput(input)
  const m = findBuilding(s) ?? /^(\d+)$/.exec(s)
  const n = m ? Number(m[1]) : NaN
  if (m && n >= 1 && n <= MAX_BUILDING) return { ok: true, value: n }
  const reason: BuildingReason = m ? { code: 'badBuilding', typed: shown(m[1]!), max: MAX_BUILDING } : { code: 'noBuilding' }
  return { ok: false, reason }
}

export interface HouseholdAddress {
  building: number
  /** '502' or '2单元502' */
  unit: string
}

export function householdLabel(a: { building: number; unit: string }): string {
  return `${buildingLabel(a.building)} ${a.unit}`
}

export type HouseholdReason =
  /** neither a building nor a door */
  | { code: 'noAddress' }
  /** a building but no door number */
  | { code: 'noRoom' }
  | BadNumber<'badBuilding' | 'badRoom' | 'badUnit'>

/**
 * `3号楼 502`, `3栋2单元502室`, `三号楼五零二`, `3-502`, `3-2-502`, `3 502`, `3栋 2-502`,
 * `3号楼 5楼 502` (the floor is skipped) → building + unit.
 */
export function parseHousehold(input: string): Parsed<HouseholdAddress, HouseholdReason> {
  // an address: every numeral run is a number (三号楼五零二)
  const s = convertAllNumerals(normalizeInput(input)).replace(/[—–－~～]/g, '-')
  let building: string
  let unitNo: string | undefined
  let room: string

  const plain = /^(\d+)(?:\s*-\s*|\s+)(\d+)(?:(?:\s*-\s*|\s+)(\d+))?$/.exec(s)
  if (plain) {
    building = plain[1]!
    if (plain[3] !== undefined) {
      unitNo = plain[2]
      room = plain[3]
    } else room = plain[2]!
  } else {
    const b = findBuilding(s)
    if (!b) return { ok: false, reason: { code: 'noAddress' } }
    building = b[1]!
    // what is left, before or after the building: unit, floor, room in any order
    let rest = `${s.slice(0, b.index)} ${s.slice(b.index + b[0].length)}`
    const u = /(?<![\d.])(\d+)\s*单元/.exec(rest)
    if (u) {
      unitNo = u[1]
      rest = `${rest.slice(0, u.index)} ${rest.slice(u.index + u[0].length)}`
    }
    rest = rest.replace(/(?<![\d.])\d+(?:层|楼(?![上下]))/g, ' ') // 5楼 / 5层 is the floor
    const dashed = unitNo === undefined ? /(?<![\d.])(\d+)\s*-\s*(\d+)(?![\d.])/.exec(rest) : null
    if (dashed) {
      unitNo = dashed[1]
      room = dashed[2]!
    } else {
      const r = /(?<![\d.])(\d+)(?![\d.])/.exec(rest)
      if (!r) return { ok: false, reason: { code: 'noRoom' } }
      room = r[1]!
    }
  }
  const bn = Number(building)
  if (!(bn >= 1 && bn <= MAX_BUILDING)) return { ok: false, reason: { code: 'badBuilding', typed: shown(building) } }
  const rn = Number(room)
  if (!(rn >= 1 && rn <= MAX_ROOM)) return { ok: false, reason: { code: 'badRoom', typed: shown(room) } }
  const un = unitNo === undefined ? undefined : Number(unitNo)
  if (un !== undefined && !(un >= 1 && un <= MAX_UNIT)) {
    return { ok: false, reason: { code: 'badUnit', typed: shown(unitNo!) } }
  }
  const unit = un !== undefined ? addressText.unit(un, rn) : String(rn)
  return { ok: true, value: { building: bn, unit } }
}

/**
 * 代提 keeps "王奶奶 3号楼 502" in proxy_for: only the name part is ever shown, never the
 * door number (cut at the first digit or run of Chinese numerals).
 */
export function neighbourName(proxyFor: string): string {
  const s = normalizeInput(proxyFor)
  const cut = s.search(/[0-9#]|[零〇一二三四五六七八九十两]{3,}|[零〇一二三四五六七八九十两]+(号|栋|幢|座|单元|室)/)
  const name = (cut < 0 ? s : s.slice(0, cut)).split(' ')[0]!.trim()
  return name || addressText.neighbour
}

/** The door number of a unit, without the unit: '2单元502' → '502'. */
export function doorNumber(unit: string): string {
  return unit.replace(/^.*单元/, '')
}

/** What a group may read of someone's words: door (and phone) numbers as ***. */
export function maskDoors(text: string): string {
  return String(text ?? '').replace(DOOR_NUMBER, '***')
}
