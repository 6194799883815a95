import { normalizeInput } from './text.js'

/** Parsed results carry either a value or the short Chinese reply that explains the problem. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: string }

export const MAX_BUILDING = 999

const BUILDING_RE = /(?:第\s*)?(\d{1,4})\s*(?:号楼|号|栋|幢|座|#楼|#|楼)/

export function buildingLabel(n: number): string {
  return `${n}号楼`
}

/** `3号楼`, `三号楼`, `3栋`, `３幢`, `3#`, or a bare `3` → 3. */
export function parseBuilding(input: string): Parsed<number> {
  const s = normalizeInput(input)
  const m = BUILDING_RE.exec(s) ?? /^(\d{1,4})$/.exec(s)
  if (!m) return { ok: false, reply: '请写明楼号，例如「3号楼」。' }
  const n = Number(m[1])
  if (n < 1 || n > MAX_BUILDING) return { ok: false, reply: `楼号 ${n} 不对，请写 1 到 ${MAX_BUILDING} 之间的楼号。` }
  return { ok: true, value: n }
}

export interface HouseholdAddress {
  building: number
  /** '502' or '2单元502' */
  unit: string
}

export function householdLabel(a: { building: number; unit: string }): string {
  return `${buildingLabel(a.building)} ${a.unit}`
}

const EXAMPLE = '例如「登记 3号楼 502」或「登记 3号楼 2单元 502」。'

/**
 * `3号楼 502`, `3栋2单元502室`, `三号楼五零二`, `3-502`, `3-2-502` → building + unit.
 */
export function parseHousehold(input: string): Parsed<HouseholdAddress> {
  const s = normalizeInput(input).replace(/[—–－]/g, '-')
  let building: number | undefined
  let unitNo: number | undefined
  let room: number | undefined

  const dashed = /^(\d{1,4})\s*-\s*(\d{1,3})(?:\s*-\s*(\d{1,5}))?$/.exec(s)
  if (dashed) {
    building = Number(dashed[1])
    if (dashed[3] !== undefined) {
      unitNo = Number(dashed[2])
      room = Number(dashed[3])
    } else room = Number(dashed[2])
  } else {
    const b = BUILDING_RE.exec(s)
    if (!b) return { ok: false, reply: `请写明楼号和门牌，${EXAMPLE}` }
    building = Number(b[1])
    const rest = s.slice(b.index + b[0].length)
    const u = /(\d{1,3})\s*单元/.exec(rest)
    if (u) unitNo = Number(u[1])
    const afterUnit = u ? rest.slice(u.index + u[0].length) : rest
    const r = /(\d{1,5})\s*(?:室|号|房)?/.exec(afterUnit)
    if (!r) return { ok: false, reply: `请写上门牌号，${EXAMPLE}` }
    room = Number(r[1])
  }
  if (building < 1 || building > MAX_BUILDING) {
    return { ok: false, reply: `楼号 ${building} 不对，${EXAMPLE}` }
  }
  if (room < 1 || room > 99999) return { ok: false, reply: `门牌号 ${room} 不对，${EXAMPLE}` }
  if (unitNo !== undefined && (unitNo < 1 || unitNo > 99)) {
    return { ok: false, reply: `单元号 ${unitNo} 不对，${EXAMPLE}` }
  }
  const unit = unitNo !== undefined ? `${unitNo}单元${room}` : String(room)
  return { ok: true, value: { building, unit } }
}
