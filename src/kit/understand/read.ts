import { chineseToNumber } from '../../domain/text.js'
import { ABOUT_NOTHING, FILLERS, LEAD_INS, NO_ARGS, PHRASINGS, QUESTION_LEAD_INS, READ_ONLY, SMALL_TALK, TRAILING_PARTICLES, CODE } from './lexicon.js'
import { createNearMatcher, type SyllablesOf, type Word } from './nearMiss.js'

/** One way to read a message as a command. */
export interface Option {
  name: string
  args: string
}

/**
 * How a message was read when it did not start with a command word:
 * - guess: it is close to a command (how: 'sound' / 'typo' — a near miss; 'phrase' — an everyday
 *   phrasing; 'question' — a question about the command). The router runs a harmless one and asks
 *   about anything else; options are there for the router to drop the ones the person may not use.
 * - talk: small talk (你好, 谢谢, 好的).
 */
export type Fallback =
  | { kind: 'command'; name: string; args: string }
  | { kind: 'guess'; options: Option[]; how: 'sound' | 'typo' | 'phrase' | 'question' }
  | { kind: 'talk'; talk: keyof typeof SMALL_TALK }

/** A command word found at the start of a text: its name and where its arguments begin. */
export type MatchAt = (text: string) => { name: string; rest: string } | undefined

const HAN = /\p{Script=Han}/u
const SEPARATOR = /^[\s:：,，;；、。.!！?？]+/
const SQUEEZABLE = /[\s,.:;!?·•~\-—]/
const NUMERAL_RUN = /^([零〇一二两三四五六七八九十百]+)(?=$|[\s,;:\d])/
/** longer than this, a message is not read as a phrasing (nor small talk) */
const MAX_PHRASE = 60
const BY_LENGTH = (a: string, b: string) => b.length - a.length

/** 投票三 七 十二: a numeral right after the command word is a number. */
export function leadingNumeral(rest: string): string {
  return rest.replace(NUMERAL_RUN, (m: string) => {
    const n = chineseToNumber(m)
    return n === undefined ? m : String(n)
  })
}

/** Arguments as a command gets them: separators and numerals at the start read. */
export const argsOf = (rest: string): string => leadingNumeral(rest.replace(SEPARATOR, '')).trim()

/**
 * 投 票 3 7: spaces and punctuation between Chinese characters taken out (in the first `limit`
 * characters, where a command word is), with where each character of the result was.
 */
export function squeeze(text: string, limit = 40): { text: string; at: number[] } {
  const chars = [...text]
  let out = ''
  const at: number[] = []
  let offset = 0
  let lastHan = false
  // the next non-separator character is Chinese: computed right to left, once
  const nextHan: boolean[] = Array<boolean>(chars.length + 1).fill(false)
  for (let i = chars.length - 1; i >= 0; i--) nextHan[i] = SQUEEZABLE.test(chars[i]!) ? nextHan[i + 1]! : HAN.test(chars[i]!)
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    const skip = i < limit && lastHan && SQUEEZABLE.test(c) && nextHan[i + 1]!
    if (!skip) {
      out += c
      at.push(offset)
      // the low half of a surrogate pair
      if (c.length === 2) at.push(offset + 1)
      lastHan = HAN.test(c)
    }
    offset += c.length
  }
  at.push(text.length)
  return { text: out, at }
}

/** The harmless ones run when guessed: showing things, not changing them. */
export function isHarmless(o: Option): boolean {
  const kind = READ_ONLY[o.name]
  if (!kind) return false
  if (kind === 'always') return true
  const args = o.args.trim()
  if (kind === 'bare') return args === ''
  return args === '' || CODE.test(args.replace(/\s+/g, ''))
}

const stripParticles = (s: string) => s.replace(TRAILING_PARTICLES, '').replace(/[吗了]+$/, '')

/** What is left after a command word in an everyday phrasing: fillers off, "about nothing" emptied. */
function cleanArgs(name: string, rest: string): string {
  let s = rest.replace(SEPARATOR, '')
  for (let changed = true; changed; ) {
    changed = false
    for (const f of FILLERS) {
      if (s.startsWith(f)) {
        s = s.slice(f.length)
        changed = true
      }
    }
  }
  s = s.replace(SEPARATOR, '').trim()
  const bare = stripParticles(s).replace(/[\s,.!?]+$/g, '')
  if (ABOUT_NOTHING[name]?.test(bare)) return ''
  return argsOf(s.replace(TRAILING_PARTICLES, '').trim())
}

export function createReader(p: { words: readonly Word[]; matchAt: MatchAt; sounds?: SyllablesOf }) {
  // built on the first near miss: the pinyin of every command word takes ~50 ms
  let built: ReturnType<typeof createNearMatcher> | undefined
  const matcher = () => (built ??= createNearMatcher(p.words, p.sounds))
  const leads = [...LEAD_INS].sort(BY_LENGTH)
  const questions = [...QUESTION_LEAD_INS].sort(BY_LENGTH)
  const talk = new Map<string, keyof typeof SMALL_TALK>()
  for (const [kind, words] of Object.entries(SMALL_TALK) as [keyof typeof SMALL_TALK, readonly string[]][]) for (const w of words) talk.set(w.toLowerCase(), kind)

  /** a command word at the start, spaces inside it ignored */
  function squeezedCommand(text: string): Option | undefined {
    const s = squeeze(text)
    if (s.text === text) return undefined
    const hit = p.matchAt(s.text)
    if (!hit) return undefined
    const used = s.text.length - hit.rest.length
    return { name: hit.name, args: argsOf(text.slice(s.at[used] ?? text.length)) }
  }

  /** command words close to the start of `text`; a word that takes nothing must not be followed by words */
  function nearOptions(text: string): { options: Option[]; how: 'sound' | 'typo' } | undefined {
    const s = squeeze(text)
    const run = /^\p{Script=Han}+/u.exec(s.text)?.[0] ?? ''
    const hits = run.length >= 2 ? matcher().near(run) : []
    const latin = /^[a-z]{4,}(?=$|[\s\d,.!?])/i.exec(s.text)?.[0]
    const spelled = !hits.length && latin ? matcher().spelled(latin) : undefined
    const all = spelled ? [spelled] : hits
    if (!all.length) return undefined
    const how = all[0]!.how
    const options: Option[] = []
    for (const h of all.filter((x) => x.how === how)) {
      if (options.some((o) => o.name === h.name)) continue
      const used = [...s.text].slice(0, h.length).join('').length
      const args = cleanArgs(h.name, text.slice(s.at[used] ?? text.length))
      if (NO_ARGS.has(h.name) && args) continue
      options.push({ name: h.name, args })
    }
    return options.length ? { options, how } : undefined
  }

  /**
   * What a message that does not start with a command word may still mean. `text` is
   * Simplified and normalised (as the registry's parse makes it).
   */
  function read(text: string): Fallback | undefined {
    const squeezed = squeezedCommand(text)
    if (squeezed) return { kind: 'command', ...squeezed }
    // everyday phrasings and small talk are short; a long text is someone's story, not a command
    if (text.length > MAX_PHRASE) return near(text)

    const trimmed = text.replace(/[\s,.!?~]+$/g, '')
    const whole = stripParticles(trimmed)
    for (const ph of PHRASINGS) {
      const m = ph.re.exec(trimmed) ?? (ph.asTyped ? null : ph.re.exec(whole))
      if (!m) continue
      const args = cleanArgs(ph.name, ph.args ? ph.args(m) : '')
      return { kind: 'guess', options: [{ name: ph.name, args }], how: ph.question ? 'question' : 'phrase' }
    }

    const plain = squeeze(text).text
    for (const [list, how] of [[questions, 'question'], [leads, 'phrase']] as const) {
      const lead = list.find((l) => plain.startsWith(l) && plain.length > l.length)
      if (!lead) continue
      const rest = plain.slice(lead.length).replace(SEPARATOR, '')
      const hit = p.matchAt(rest)
      if (hit) {
        const args = cleanArgs(hit.name, hit.rest)
        if (!(NO_ARGS.has(hit.name) && args)) return { kind: 'guess', options: [{ name: hit.name, args }], how }
      }
      const near = nearOptions(rest)
      if (near) return { kind: 'guess', ...near }
      break
    }

    const found = near(text)
    if (found) return found

    const bare = (t: string) => t.replace(/[\s,.!?~]+/g, '').toLowerCase()
    const kind = talk.get(bare(text)) ?? talk.get(bare(whole))
    if (kind) return { kind: 'talk', talk: kind }
    return undefined
  }

  function near(text: string): Fallback | undefined {
    const found = nearOptions(text)
    return found ? { kind: 'guess', ...found } : undefined
  }

  return { read }
}

export type Reader = ReturnType<typeof createReader>
