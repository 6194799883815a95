/**
 * Tolerant normalisation of what people type: full-width → half-width, Chinese punctuation,
 * odd spaces, and Chinese numerals — only where a number is meant (before a counter word, or a
 * token made only of numerals), because generic converters mangle words (统一 → 统1).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千'
export const COUNTER_WORDS = ['号楼', '号', '栋', '幢', '座', '单元', '层', '楼', '室', '期', '区', '户', '票', '席', '人', '分']

/**
 * 十二 → 12, 一百零五 → 105, 二百五 → 250, 五零二 → 502, 两 → 2; undefined if not a numeral
 * (十十, 二二十, 一百零, 百, …).
 */
export function chineseToNumber(s: string): number | undefined {
  if (!s) return undefined
  const chars = [...s]
  if (chars.some((c) => DIGITS[c] === undefined && UNITS[c] === undefined)) return undefined
  if (!chars.some((c) => UNITS[c] !== undefined)) {
    // digit by digit: 五零二 → 502
    const n = Number(chars.map((c) => DIGITS[c]).join(''))
    return Number.isSafeInteger(n) ? n : undefined
  }
  let total = 0
  let digit: number | undefined
  let zero = false // a 零 placeholder was seen after the last unit
  let lastUnit = Infinity
  for (const c of chars) {
    const d = DIGITS[c]
    if (d !== undefined) {
      if (digit !== undefined) return undefined // 二二十
      if (d === 0) {
        if (zero || lastUnit === Infinity) return undefined
        zero = true
      } else digit = d
      continue
    }
    const unit = UNITS[c]!
    if (unit >= lastUnit) return undefined // 十百
    if (digit === undefined) {
      if (unit !== 10) return undefined // 百 / 一千零百: a bare 百 or 千 is not a number
      digit = 1 // 十二, 一百十
    }
    total += digit * unit
    digit = undefined
    zero = false
    lastUnit = unit
  }
  if (digit !== undefined) {
    // a trailing digit is the ones after 零 or 十; otherwise one unit down: 二百五 → 250
    total += zero || lastUnit === 10 ? digit : (digit * lastUnit) / 10
  } else if (zero) return undefined // 一百零
  return total
}

/** The digits for a numeral run, or undefined: 五零二 → '502' (keeps leading zeros), 十二 → '12'. */
function numeralDigits(run: string): string | undefined {
  if ([...run].every((c) => DIGITS[c] !== undefined)) return [...run].map((c) => DIGITS[c]).join('')
  const n = chineseToNumber(run)
  return n === undefined ? undefined : String(n)
}

const N = `[${NUMERAL_CHARS}]`
// the lookbehind makes a match start only where a run starts: linear time on long runs
const numeralBeforeCounter = new RegExp(`(?<!${N})(${N}+)(?=${COUNTER_WORDS.join('|')})`, 'g')
const numeralToken = new RegExp(`(^|[\\s,;:：，；、])(${N}+)(?=$|[\\s,;:：，；、])`, 'g')
const anyNumeral = new RegExp(`${N}+`, 'g')
// 一 inside a word: 同一栋楼, 统一, 每一层 are not numbers
const WORD_BEFORE_ONE = new Set([...'同统唯每这那哪任单之万逐'])

export function convertNumerals(s: string): string {
  return s
    .replace(numeralBeforeCounter, (m: string, _run: string, offset: number) => {
      if (m === '十' && s[offset + 1] === '分' && s[offset + 2] !== '钟') return m // 十分 = "very"
      if (m === '一' && offset > 0 && WORD_BEFORE_ONE.has(s[offset - 1]!)) return m
      const digits = numeralDigits(m)
      // P1五分 is P1 5分, not P15分: never glue the digits onto a number before them
      return digits === undefined ? m : offset > 0 && /\d/.test(s[offset - 1]!) ? ` ${digits}` : digits
    })
    .replace(numeralToken, (_m, pre: string, num: string) => pre + (numeralDigits(num) ?? num))
}

/** Every valid numeral run, wherever it is — for text known to be an address or number list. */
export function convertAllNumerals(s: string): string {
  return s.replace(anyNumeral, (m) => numeralDigits(m) ?? m)
}

/** Full-width → half-width, unify punctuation and spaces, strip control characters. */
export function normalizeWidth(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
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

/** Back to Chinese punctuation where normalising made it ASCII next to Chinese text (for display). */
export function chinesePunctuation(s: string): string {
  const map: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' }
  return s.replace(/([\u3400-\u9fff）」])\s*([,;:!?])|([,;:!?])\s*(?=[\u3400-\u9fff「（])/g, (_m, before: string | undefined, p1: string | undefined, p2: string | undefined) =>
    before ? before + map[p1!]! : map[p2!]!,
  )
}

// C0 controls but tab and newline, DEL, C1; and halves of surrogate pairs that lost their other half
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * What may be stored and sent: no control characters (Postgres refuses U+0000 in text) and no
 * broken surrogate pairs (invalid in jsonb). Every text from the platform passes through it.
 */
export function cleanText(s: string): string {
  return String(s ?? '').replace(/\r\n?/g, '\n').replace(UNSTORABLE, '')
}

/** The first `max` characters by code point: an emoji is never cut in half. */
export function cut(s: string, max: number): string {
  const chars = [...s]
  return chars.length > max ? chars.slice(0, max).join('') : s
}

/** Like cut, with an ellipsis when something was left off. */
export function clip(s: string, max: number, more = '…'): string {
  const chars = [...s]
  return chars.length > max ? chars.slice(0, max).join('') + more : s
}
