import type { Parsed } from './address.js'
import { MAX_BUILDING } from './address.js'
import { convertAllNumerals, cut, normalizeWidth } from './text.js'

export type Targets = 'all' | number[]

const EXAMPLE = '请回复「全部」，或楼号如「3号楼 5号楼」「3-6号楼」。'

/** 全部 / 3号楼 5号楼 / 3、5、7号楼 / 3-6号楼 / 三号楼和五号楼 → 'all' or sorted building numbers. */
export function parseTargets(input: string): Parsed<Targets> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? ''))).replace(/\s+/g, ' ').trim()
  if (!s) return { ok: false, reply: `发给哪些楼？${EXAMPLE}` }
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
  if (found.size === 0 || leftover.length > 0) return { ok: false, reply: `没看懂「${cut(s, 20)}」，${EXAMPLE}` }
  const numbers = [...found].sort((a, b) => a - b)
  const bad = numbers.find((n) => n < 1 || n > MAX_BUILDING)
  if (bad !== undefined) return { ok: false, reply: `楼号 ${bad} 不对，${EXAMPLE}` }
  return { ok: true, value: numbers }
}
