/** Amounts of money as staff type them (5万, 五万元, 0.5万, 3千, ¥8000, 8000块) — in whole yuan. */
import { convertAllNumerals, normalizeWidth } from '../text.js'

/** Anything above this is a typo, not a community budget (10亿元). */
export const MAX_YUAN = 1_000_000_000

const UNIT: Record<string, number> = {
  亿: 100_000_000,
  千万: 10_000_000,
  百万: 1_000_000,
  万: 10_000,
  w: 10_000,
  千: 1000,
  k: 1000,
  百: 100,
}

const AMOUNT_RE =
  /^(?:约|大约|大概|共|合计|总计|总共)?(?:人民币|rmb|cny)?¥?(\d+(?:\.\d+)?)(?:(亿|千万|百万|万|千|百|w|k)(\d+(?:\.\d+)?)?(千|百)?)?(?:元整?|块钱?|圆)?(?:人民币)?(?:多|余|左右)?$/

/**
 * `5万` → 50000, `5万元`, `0.5万` → 5000, `五万` / `十万` / `两万`, `3千元` → 3000, `1.2万`, `一万五` → 15000,
 * `50000元`, `50,000`, `¥8000`, `8000块`, `5w`, `8k`, `两百万` → integer yuan (rounded); undefined if `s` is
 * not (only) an amount.
 */
export function parseMoney(s: string): number | undefined {
  const t = convertAllNumerals(normalizeWidth(String(s ?? '')))
    .replace(/\s+/g, '')
    .replace(/(\d)点(?=\d)/g, '$1.') // 零点五万
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1') // 50,000
    .toLowerCase()
  const m = AMOUNT_RE.exec(t)
  if (!m) return undefined
  let value = Number(m[1])
  const unit = m[2]
  const tail = m[3]
  const tailUnit = m[4]
  if (unit !== undefined) value *= UNIT[unit]!
  if (tail !== undefined) {
    // 1万5 → 15000, 1万5千 → 15000, 1万5000 → 15000, 3千5 → 3500
    if (unit === undefined || tail.includes('.')) return undefined
    const u = UNIT[unit]!
    let add: number
    if (tailUnit !== undefined) add = Number(tail) * UNIT[tailUnit]!
    else if (tail.length === 1) add = (Number(tail) * u) / 10
    else if (String(u).length - 1 === tail.length) add = Number(tail) // 1万5000: the full lower digits
    else return undefined
    if (add >= u) return undefined
    value += add
  } else if (tailUnit !== undefined) return undefined
  if (!Number.isFinite(value) || value < 0 || value > MAX_YUAN) return undefined
  return Math.round(value)
}
