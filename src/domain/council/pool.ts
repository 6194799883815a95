/**
 * From the pool (people with 称呼, 楼号 and optional attributes) to a sortition instance, and the
 * short texts the council commands show.
 */
import type { CouncilSpec } from './quotas.js'
import type { Candidate, Instance, Quota } from '../sortition/types.js'

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
    const base = `${p.name} ${p.building}号楼`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    ids.set(p.candidateId, n === 1 ? base : `${base}（${n}）`)
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

/** 「3号楼：王阿姨 33%、张三 33%」 per building, from lottery ids 「称呼 N号楼」. */
export function chancesByBuilding(chances: Record<string, number>): string[] {
  const byBuilding = new Map<string, string[]>()
  for (const id of Object.keys(chances).sort(compareLotteryIds)) {
    const { name, building } = splitLotteryId(id)
    const list = byBuilding.get(building) ?? []
    list.push(`${name} ${pct(chances[id]!)}`)
    byBuilding.set(building, list)
  }
  return [...byBuilding.entries()].map(([b, list]) => `${b}：${list.join('、')}`)
}

/** Names grouped by building: 「3号楼：王阿姨、张三」. */
export function namesByBuilding(ids: readonly string[]): string[] {
  const byBuilding = new Map<string, string[]>()
  for (const id of [...ids].sort(compareLotteryIds)) {
    const { name, building } = splitLotteryId(id)
    byBuilding.set(building, [...(byBuilding.get(building) ?? []), name])
  }
  return [...byBuilding.entries()].map(([b, list]) => `${b}：${list.join('、')}`)
}

export function splitLotteryId(id: string): { name: string; building: string } {
  const m = /^(.*) (\d+号楼)(（\d+）)?$/.exec(id)
  return m ? { name: `${m[1]}${m[3] ?? ''}`, building: m[2]! } : { name: id, building: '' }
}

/** By building number, then name. */
export function compareLotteryIds(a: string, b: string): number {
  const na = Number(/ (\d+)号楼/.exec(a)?.[1] ?? 0)
  const nb = Number(/ (\d+)号楼/.exec(b)?.[1] ?? 0)
  return na - nb || (a < b ? -1 : a > b ? 1 : 0)
}

/** 1 青年 / 2 中年 / 3 老年 answers. */
export function parseAgeBand(text: string): string | null | undefined {
  const t = text.replace(/\s/g, '')
  if (/^(1|青年|年轻|18-39|18到39)/.test(t)) return '18-39岁'
  if (/^(2|中年|40-59|40到59)/.test(t)) return '40-59岁'
  if (/^(3|老年|老人|60)/.test(t)) return '60岁以上'
  if (SKIP.test(t)) return null
  return undefined
}

export const SKIP = /^(跳过|不填|不说|保密|不方便|不想说|略过|skip|无|-)$/i

export const AGE_LABEL: Record<string, string> = { '18-39岁': '青年18-39', '40-59岁': '中年40-59', '60岁以上': '老年60以上' }
