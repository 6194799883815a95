import { pinyin } from 'pinyin-pro'

/**
 * Command words as people mistype them with pinyin input: the same sound with another character
 * (登计 for 登记, 建义 for 建议), a slip in one syllable's final (进都 for 进度), one character
 * wrong, missing or extra in a longer word (我的信心, 删除我信息), or the pinyin itself typed out
 * (bangzhu). Compared at the start of the message only.
 */

export interface Word {
  alias: string
  name: string
}

export interface NearHit {
  name: string
  alias: string
  /** how many characters of the (squeezed) text the word covers */
  length: number
  how: 'sound' | 'typo'
}

const HAN = /^\p{Script=Han}$/u
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w']

/** The sounds southern speakers and fuzzy pinyin input run together: zh/z, ch/c, sh/s, n/l, -ng/-n. */
function fuzzy(syllable: string): string {
  return syllable.replace(/^([zcs])h/, '$1').replace(/^l/, 'n').replace(/([aei])ng$/, '$1n')
}

function split(syllable: string): [string, string] {
  const initial = INITIALS.find((i) => syllable.startsWith(i)) ?? ''
  return [initial, syllable.slice(initial.length)]
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
  }
  return d[a.length]![b.length]!
}

/** Same syllables (fuzzily), or all but one whose initial matches and whose final is one letter off. */
function soundsLike(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  let slips = 0
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [fuzzy(a[i]!), fuzzy(b[i]!)]
    if (x === y) continue
    const [xi, xf] = split(x)
    const [yi, yf] = split(y)
    if (xi !== yi || editDistance(xf, yf) > 1) return false
    slips++
  }
  // a slip in a final is only trusted in a word long enough to tell (jindou ~ jindu, not yi ~ ji)
  return slips === 0 || (slips === 1 && b.join('').length >= 5)
}

/** One character wrong (same length), missing or extra, in a word of three or four characters or more. */
function typo(text: string[], alias: string[]): 'same' | 'short' | 'long' | null {
  const L = alias.length
  if (L >= 3 && text.length >= L) {
    const diff = alias.filter((c, i) => c !== text[i]).length
    if (diff === 1) return 'same'
  }
  if (L >= 4 && text.length >= L - 1) {
    const t = text.slice(0, L - 1).join('')
    if (alias.some((_, i) => [...alias.slice(0, i), ...alias.slice(i + 1)].join('') === t)) return 'short'
  }
  if (L >= 4 && text.length >= L + 1) {
    const t = text.slice(0, L + 1)
    if (t.some((_, i) => [...t.slice(0, i), ...t.slice(i + 1)].join('') === alias.join(''))) return 'long'
  }
  return null
}

export type SyllablesOf = (text: string) => string[]

/** pinyin-pro, toneless, one syllable per character (non-Chinese characters as themselves). */
export const syllablesOf: SyllablesOf = (text) => pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase())

export interface NearMatcher {
  /** the command words close to the start of `han` (a run of Chinese characters), best first */
  near(han: string): NearHit[]
  /** a command word whose pinyin is exactly this typed-out pinyin word (bangzhu → 帮助) */
  spelled(latin: string): NearHit | undefined
}

export function createNearMatcher(words: readonly Word[], sounds: SyllablesOf = syllablesOf): NearMatcher {
  const han = words
    .filter((w) => [...w.alias].length >= 2 && [...w.alias].every((c) => HAN.test(c)))
    .map((w) => ({ ...w, chars: [...w.alias], syllables: sounds(w.alias) }))
  const bySpelling = new Map<string, Word>()
  for (const w of han) {
    const key = w.syllables.join('')
    // two words spelled the same are not told apart
    if (bySpelling.has(key) && bySpelling.get(key)!.name !== w.name) bySpelling.set(key, { alias: '', name: '' })
    else if (!bySpelling.has(key)) bySpelling.set(key, w)
  }

  function near(text: string): NearHit[] {
    const chars = [...text].slice(0, 12)
    if (chars.length < 2) return []
    const syl = sounds(chars.join(''))
    const hits: NearHit[] = []
    for (const w of han) {
      const L = w.chars.length
      if (chars.length >= L) {
        const prefix = chars.slice(0, L)
        if (prefix.join('') === w.alias) continue
        if (syl.length === chars.length && soundsLike(syl.slice(0, L), w.syllables)) {
          hits.push({ name: w.name, alias: w.alias, length: L, how: 'sound' })
          continue
        }
      }
      const t = typo(chars, w.chars)
      if (t) hits.push({ name: w.name, alias: w.alias, length: t === 'same' ? L : t === 'short' ? L - 1 : L + 1, how: 'typo' })
    }
    // the same sound beats a typo; a longer word beats a shorter one
    return hits.sort((a, b) => (a.how === b.how ? b.alias.length - a.alias.length : a.how === 'sound' ? -1 : 1))
  }

  function spelled(latin: string): NearHit | undefined {
    const w = bySpelling.get(latin.toLowerCase())
    return w && w.name ? { name: w.name, alias: w.alias, length: latin.length, how: 'sound' } : undefined
  }

  return { near, spelled }
}
