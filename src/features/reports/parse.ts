import { MAX_BUILDING } from '../../domain/address.js'
export { maskDoors } from '../../domain/address.js'
import type { Parsed } from '../../domain/parsed.js'
import { chinesePunctuation, normalizeInput } from '../../domain/text.js'
import { BARE_NUMBERS, BUILDING_LIST, BUILDING_RANGE, REPORT_CODE, REVOKE } from './lexicon.js'

/** Pure readers of what grid members and staff write; they never throw. text.ts says why a reading failed. */

export const MAX_GRID_BUILDINGS = 50
export const MAX_NOTE = 200

export const reportCode = (id: number): string => `R${id}`

const withoutMentions = (s: string): string => normalizeInput(String(s ?? '').replace(/@[^\s@\u2005]+/g, ' ').replace(/\u2005/g, ' '))

export type RefReason = { code: 'no-code' }

/** 接单 R12 · 处理 R12 已清理 · 不处理 R12 原因: the report and the words after its code. */
export function parseReportRef(args: string): Parsed<{ id: number; rest: string }, RefReason> {
  const s = normalizeInput(String(args ?? ''))
  const m = REPORT_CODE.exec(s)
  if (!m || Number(m[1]) < 1) return { ok: false, reason: { code: 'no-code' } }
  const rest = `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`.replace(/^[\s,.:;]+/, '').trim()
  // shown back to residents as written: Chinese punctuation again
  return { ok: true, value: { id: Number(m[1]), rest: [...chinesePunctuation(rest)].slice(0, MAX_NOTE).join('') } }
}

export type GridReason = { code: 'no-building' } | { code: 'bad-building'; max: number } | { code: 'too-many'; max: number }

/** 网格员 @李四 3号楼 5号楼 (3、5号楼, 3-6号楼, 3 5) · 网格员 @李四 取消 */
export function parseGridArgs(args: string): Parsed<{ buildings: number[]; revoke: boolean }, GridReason> {
  const s = withoutMentions(args)
  if (REVOKE.test(s)) return { ok: true, value: { buildings: [], revoke: true } }
  const found: number[] = []
  let rest = s
  for (const m of s.matchAll(BUILDING_RANGE)) {
    const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y) as [number, number]
    if (b - a >= MAX_GRID_BUILDINGS) return { ok: false, reason: { code: 'too-many', max: MAX_GRID_BUILDINGS } }
    for (let n = a; n <= b; n++) found.push(n)
    rest = rest.replace(m[0], ' ')
  }
  for (const m of rest.matchAll(BUILDING_LIST)) found.push(...m[1]!.split(/[^\d]+/).filter(Boolean).map(Number))
  if (!found.length && BARE_NUMBERS.test(rest.trim()) && rest.trim()) found.push(...rest.split(/[^\d]+/).filter(Boolean).map(Number))
  if (!found.length) return { ok: false, reason: { code: 'no-building' } }
  if (found.some((n) => !(Number.isSafeInteger(n) && n >= 1 && n <= MAX_BUILDING))) return { ok: false, reason: { code: 'bad-building', max: MAX_BUILDING } }
  const buildings = [...new Set(found)].sort((a, b) => a - b)
  if (buildings.length > MAX_GRID_BUILDINGS) return { ok: false, reason: { code: 'too-many', max: MAX_GRID_BUILDINGS } }
  return { ok: true, value: { buildings, revoke: false } }
}
