import type { Parsed } from '../parsed.js'
import { chineseToNumber, normalizeWidth } from '../text.js'

/** A share as people say it: 过半 (1/2), 三分之二, 2/3, 50%, 百分之六十, 六成. Kept exact as a fraction. */
export interface Share {
  num: number
  den: number
}

export type ShareReason = { code: 'empty' } | { code: 'unreadable'; input: string } | { code: 'range' }

const HALF = /^(?:过半|过半数|半数|一半|超过半数|超过一半|多数|简单多数|半数以上|1\/2|二分之一)(?:以上)?$/

function num(s: string): number | undefined {
  if (/^\d{1,4}$/.test(s)) return Number(s)
  return chineseToNumber(s)
}

/** "过半" → 1/2, "三分之二" → 2/3, "2/3" → 2/3, "66.7%" → 667/1000, "六成" → 6/10. Never throws. */
export function parseShare(input: string): Parsed<Share, ShareReason> {
  const s = normalizeWidth(String(input ?? '')).replace(/\s+/g, '').replace(/^(?:至少|不少于|不低于|超过|达到)/, '').replace(/(?:以上|及以上)$/, '')
  if (!s) return { ok: false, reason: { code: 'empty' } }
  if (HALF.test(s)) return { ok: true, value: { num: 1, den: 2 } }
  let share: Share | undefined
  let m: RegExpExecArray | null
  if ((m = /^(\d{1,3}(?:\.\d{1,2})?)%$/.exec(s))) {
    const [int, frac = ''] = m[1]!.split('.')
    const den = 100 * 10 ** frac.length
    share = { num: Number(int) * 10 ** frac.length + Number(frac || 0), den }
  } else if ((m = /^百分之([零〇一二两三四五六七八九十百\d]{1,4})$/.exec(s))) {
    const n = num(m[1]!)
    if (n !== undefined) share = { num: n, den: 100 }
  } else if ((m = /^(\d{1,3})\/(\d{1,3})$/.exec(s))) {
    share = { num: Number(m[1]), den: Number(m[2]) }
  } else if ((m = /^([零〇一二两三四五六七八九十百\d]{1,4})分之([零〇一二两三四五六七八九十百\d]{1,4})$/.exec(s))) {
    const den = num(m[1]!)
    const n = num(m[2]!)
    if (den !== undefined && n !== undefined) share = { num: n, den }
  } else if ((m = /^([一二两三四五六七八九\d])成$/.exec(s))) {
    const n = num(m[1]!)
    if (n !== undefined) share = { num: n, den: 10 }
  }
  if (!share) return { ok: false, reason: { code: 'unreadable', input: s.slice(0, 20) } }
  if (!(share.den > 0) || !(share.num > 0) || share.num > share.den) return { ok: false, reason: { code: 'range' } }
  return { ok: true, value: reduce(share) }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

export function reduce(s: Share): Share {
  const g = gcd(s.num, s.den) || 1
  return { num: s.num / g, den: s.den / g }
}

/** part / whole strictly above the share (exact integer arithmetic): 5 of 10 is not above 1/2. */
export const above = (part: number, whole: number, s: Share): boolean => whole > 0 && part * s.den > s.num * whole

/** part / whole at least the share: 6 of 9 reaches 2/3. */
export const reaches = (part: number, whole: number, s: Share): boolean => whole > 0 && part * s.den >= s.num * whole

/** the smallest count out of `whole` that reaches the share */
export const needed = (whole: number, s: Share): number => Math.ceil((s.num * whole) / s.den)

export const sharePercent = (s: Share): number => (100 * s.num) / s.den
