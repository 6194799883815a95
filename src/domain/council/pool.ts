/**
 * From the pool (people with 称呼, 楼号 and optional attributes) to a sortition instance, and the
 * lottery ids the council's files and posts are written in.
 */
import type { Candidate, Instance, Quota } from '../sortition/types.js'
import { LOTTERY_ID, LOTTERY_ID_BUILDING, lotteryId } from './lexicon.js'
import type { CouncilSpec } from './quotas.js'

export interface PoolEntry {
  candidateId: number
  name: string
  building: number
  ageBand: string | null
  gender: string | null
  tenure: string | null
}

/** The public id of a volunteer in the lottery files: 「王阿姨 3号楼」, numbered if two share it. */
export function lotteryIds(pool: readonly PoolEntry[]): Map<number, string> {
  const seen = new Map<string, number>()
  const ids = new Map<number, string>()
  for (const p of [...pool].sort((a, b) => a.candidateId - b.candidateId)) {
    const base = lotteryId(p.name, p.building, 1)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    ids.set(p.candidateId, lotteryId(p.name, p.building, n))
  }
  return ids
}

/**
 * Quotas for the spec: 每栋 over every building known (the community's and the volunteers'), a
 * specific rule for a building overriding 每栋. Candidates carry only the features a quota uses.
 */
export function councilInstance(spec: CouncilSpec, pool: readonly PoolEntry[], buildings: readonly number[]): { instance: Instance; ids: Map<number, string> } {
  const quotas: Quota[] = []
  const all = [...new Set([...buildings, ...pool.map((p) => p.building)])].sort((a, b) => a - b)
  const each = spec.rules.find((r) => r.feature === 'building' && r.value === '*')
  const specific = new Map(spec.rules.filter((r) => r.feature === 'building' && r.value !== '*').map((r) => [r.value, r]))
  const bound = (r: { min?: number; max?: number }) => ({ min: r.min ?? 0, max: r.max ?? spec.seats })
  if (each) for (const b of all) if (!specific.has(String(b))) quotas.push({ feature: 'building', value: String(b), ...bound(each) })
  for (const r of spec.rules) if (r.value !== '*') quotas.push({ feature: r.feature, value: r.value, ...bound(r) })
  const used = new Set(quotas.map((q) => q.feature))
  const ids = lotteryIds(pool)
  const candidates: Candidate[] = pool.map((p) => {
    const features: Record<string, string> = {}
    const put = (f: string, v: string | null) => {
      if (used.has(f) && v !== null) features[f] = v
    }
    put('building', String(p.building))
    put('age', p.ageBand)
    put('gender', p.gender)
    put('tenure', p.tenure)
    return { id: ids.get(p.candidateId)!, features }
  })
  return { instance: { seats: spec.seats, quotas, candidates }, ids }
}

export const pct = (p: number): string => {
  const v = p * 100
  return `${v >= 99.95 ? '100' : v < 10 ? v.toFixed(1) : v.toFixed(0)}%`
}

/** 「王阿姨 3号楼（2）」 → 王阿姨（2） and 3号楼 */
export function splitLotteryId(id: string): { name: string; building: string } {
  const m = LOTTERY_ID.exec(id)
  return m ? { name: `${m[1]}${m[3] ?? ''}`, building: m[2]! } : { name: id, building: '' }
}

/** By building number, then name. */
export function compareLotteryIds(a: string, b: string): number {
  const na = Number(LOTTERY_ID_BUILDING.exec(a)?.[1] ?? 0)
  const nb = Number(LOTTERY_ID_BUILDING.exec(b)?.[1] ?? 0)
  return na - nb || (a < b ? -1 : a > b ? 1 : 0)
}
