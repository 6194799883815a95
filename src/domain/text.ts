/**
 * Tolerant normalisation of what people type: full-width → half-width, Chinese punctuation,
 * odd spaces, and Chinese numerals — only where a number is meant (before a counter word, or a
 * token made only of numerals), because generic converters mangle words (统一 → 统1).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千'
export const COUNTER_WORDS = ['号楼', '号', '栋', '幢', '座', '单元', '层', '楼', '室', '期', '区', '户', '票', '席', '人', '分']

/** 十二 → 12, 一百零五 → 105, 五零二 → 502, 两 → 2; undefined if not a numeral. */
export function chineseToNumber(s: string): number | undefined {
  if (!s || [...s].some((c) => !NUMERAL_CHARS.includes(c))) return undefined
  if (!/[十百千]/.test(s)) {
    // digit by digit: 五零二 → 502
    return Number([...s].map((c) => DIGITS[c]).join(''))
  }
  let total = 0
  let current = 0
  let lastUnit = Infinity
  for (const c of s) {
    const d = DIGITS[c]
    if (d !== undefined) {
      current = d
      continue
    }
    const unit = c === '十' ? 10 : c === '百' ? 100 : 1000
    if (unit >= lastUnit) return undefined // 十百: not a number
    total += (current === 0 && unit === 10 ? 1 : current) * unit
    current = 0
    lastUnit = unit
  }
  return total + current
}

const numeralBeforeCounter = new RegExp(`([${NUMERAL_CHARS}]+)(?=${COUNTER_WORDS.join('|')})`, 'g')
const numeralToken = new RegExp(`(^|[\\s,;:：，；、])([${NUMERAL_CHARS}]+)(?=$|[\\s,;:：，；、])`, 'g')

export function convertNumerals(s: string): string {
  const conv = (m: string) => {
    const n = chineseToNumber(m)
    return n === undefined ? m : String(n)
  }
  return s
    .replace(numeralBeforeCounter, (m) => conv(m))
    .replace(numeralToken, (_m, pre: string, num: string) => pre + conv(num))
}

/** Full-width → half-width, unify punctuation and spaces, strip control characters. */
export function normalizeWidth(s: string): string {
  return s
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u3000\u202f\u205f]/g, ' ')
    .replace(/[，、]/g, ',')
    .replace(/[：]/g, ':')
    .replace(/[；]/g, ';')
    .replace(/[！]/g, '!')
    .replace(/[？]/g, '?')
}

/** What every parser starts from. */
export function normalizeInput(s: string): string {
  return convertNumerals(normalizeWidth(s)).replace(/[ \t]+/g, ' ').trim()
}
