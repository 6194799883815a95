import { MAX_BUILDING } from './address.js'
import type { Parsed } from './parsed.js'
import { convertAllNumerals, normalizeWidth } from './text.js'

export type Targets = 'all' | number[]

/** Why the buildings could not be read: nothing said, words that are not buildings, a number out of range. */
export type TargetsReason = { code: 'empty' } | { code: 'unreadable'; input: string } | { code: 'badNumber'; number: number }

/** 全部 / 3号楼 5号楼 / 3、5、7号楼 / 3-6号楼 / 三号楼和五号楼 → 'all' or sorted building numbers. */
export function parseTargets(input: string): Parsed<Targets, TargetsReason> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? ''))).replace(/\s+/g, ' ').trim()
  if (!s) return { ok: false, reason: { code: 'empty' } }
  if (/^(全部|所有|全体|全部楼栋|所有楼|所有楼栋|全小区|全社区|all)(楼栋|的群)?$/i.test(s.replace(/ /g, ''))) return { ok: true, value: 'all' }
  const found = new Set<number>()
  const text = s.replace(/(\d{1,4})\s*(?:-|—|~|～|到|至)\s*(\d{1,4})/g, (_m, a: string, b: string) => {
    const [lo, hi] = [Number(a), Number(b)].sort((x, y) => x - y) as [number, number]
    if (hi - lo > MAX_BUILDING) return ' '
    for (let n = lo; n <= hi; n++) found.add(n)
    return ' '
  })
  for (const m of text.matchAll(/\d{1,4}/g)) found.add(Number(m[0]))
  const leftover = text.replace(/\d{1,4}/g, '').replace(/号楼|号|栋|幢|座|楼|和|及|与|[\s,;、/#]/g, '')
  if (found.size === 0 || leftover.length > 0) return { ok: false, reason: { code: 'unreadable', input: s } }
  const numbers = [...found].sort((a, b) => a - b)
  const bad = numbers.find((n) => n < 1 || n > MAX_BUILDING)
  if (bad !== undefined) return { ok: false, reason: { code: 'badNumber', number: bad } }
  return { ok: true, value: numbers }
}
