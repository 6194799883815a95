import type { Parsed } from '../parsed.js'
import { parseTargets, type Targets, type TargetsReason } from '../targets.js'
import { chineseToNumber, cleanText, cut, normalizeWidth } from '../text.js'

export const MAX_OPTIONS = 9
export const MAX_OPTION_CHARS = 20
export const MAX_TITLE_CHARS = 40
export const MAX_REASON_CHARS = 200

/** Q1 in what people type */
export const QUESTION_REF = /(?<![A-Za-z])Q\s*(\d{1,6})(?!\d)/i
export const questionCode = (id: number): string => `Q${id}`

export interface QuestionSpec {
  title: string
  options: string[]
  targets: Targets
  /** the words after 截止, for parseWhen */
  deadline: string
}

export type QuestionSpecReason =
  | { code: 'noTitle' }
  | { code: 'noOptions' }
  | { code: 'tooFewOptions' }
  | { code: 'tooManyOptions'; max: number }
  | { code: 'longOption'; max: number }
  | { code: 'sameOption'; option: string }
  | { code: 'longTitle'; max: number }
  | { code: 'noDeadline' }
  | { code: 'targets'; reason: TargetsReason }

const OPTIONS = /选项[:]?/
const RANGE = /范围[:]?/
const DEADLINE = /截止|截至/

/**
 * "3号楼门口水井去留 选项 保留/填平/改成花坛 范围 3号楼 5号楼 截止 12月20日18:00"; 范围 may be left
 * out (every building). Never throws.
 */
export function parseQuestionSpec(input: string): Parsed<QuestionSpec, QuestionSpecReason> {
  const s = normalizeWidth(String(input ?? '')).replace(/[ \t\n]+/g, ' ').trim()
  const o = s.search(OPTIONS)
  if (o < 0) return { ok: false, reason: { code: s ? 'noOptions' : 'noTitle' } }
  const title = s.slice(0, o).replace(/[\s,:;]+$/, '').trim()
  if (!title) return { ok: false, reason: { code: 'noTitle' } }
  if ([...title].length > MAX_TITLE_CHARS) return { ok: false, reason: { code: 'longTitle', max: MAX_TITLE_CHARS } }
  const afterOptions = s.slice(o).replace(OPTIONS, '')
  const d = afterOptions.search(DEADLINE)
  if (d < 0) return { ok: false, reason: { code: 'noDeadline' } }
  const deadline = afterOptions.slice(d).replace(/^(截止|截至)(时间)?[:]?\s*/, '').trim()
  if (!deadline) return { ok: false, reason: { code: 'noDeadline' } }
  const middle = afterOptions.slice(0, d)
  const r = middle.search(RANGE)
  const optionText = (r < 0 ? middle : middle.slice(0, r)).trim()
  let targets: Targets = 'all'
  if (r >= 0) {
    const read = parseTargets(middle.slice(r).replace(RANGE, ''))
    if (!read.ok) return { ok: false, reason: { code: 'targets', reason: read.reason } }
    targets = read.value
  }
  const options = optionText.split(/[/|,;]|\s+/).map((x) => x.replace(/^\d{1,2}[.)]\s*/, '').trim()).filter(Boolean)
  if (!options.length) return { ok: false, reason: { code: 'noOptions' } }
  if (options.length < 2) return { ok: false, reason: { code: 'tooFewOptions' } }
  if (options.length > MAX_OPTIONS) return { ok: false, reason: { code: 'tooManyOptions', max: MAX_OPTIONS } }
  if (options.some((x) => [...x].length > MAX_OPTION_CHARS)) return { ok: false, reason: { code: 'longOption', max: MAX_OPTION_CHARS } }
  const twice = options.find((x, i) => options.indexOf(x) !== i)
  if (twice) return { ok: false, reason: { code: 'sameOption', option: twice } }
  return { ok: true, value: { title, options, targets, deadline } }
}

export interface Choice {
  /** the question named (Q1), if any */
  question: number | null
  /** 1-based option number */
  option: number
  /** the person's words, as written (trimmed, cut to MAX_REASON_CHARS); null when none */
  reason: string | null
}

export type ChoiceReason = { code: 'empty' } | { code: 'unreadable' } | { code: 'noSuchOption'; number: number; count: number }

/**
 * "3 可以种花，孩子们也安全" / "Q1 第3个" / "改成花坛 理由…" — an option by number or by its words,
 * then an optional reason. `options` are the question's options (for words and the range).
 * Never throws.
 */
export function parseChoice(input: string, options: readonly string[]): Parsed<Choice, ChoiceReason> {
  let s = cleanText(String(input ?? '')).replace(/\s+/g, ' ').trim()
  if (!s) return { ok: false, reason: { code: 'empty' } }
  let question: number | null = null
  const q = /^Q\s*(\d{1,6})(?!\d)[\s,，:：]*/i.exec(normalizeWidth(s).slice(0, 12))
  if (q) {
    question = Number(q[1])
    s = s.slice(leadLength(s, q[0].length)).trim()
  }
  s = s.replace(/^(?:我(?:家)?(?:选|投|支持)?|选择?|投)\s*/, '')
  const n = /^(?:第\s*)?([0-9０-９]{1,2}|[一二三四五六七八九])(?:号|个|项)?(?![0-9０-９])/.exec(s)
  let option: number | undefined
  let rest: string
  if (n) {
    const digits = normalizeWidth(n[1]!)
    option = /\d/.test(digits) ? Number(digits) : (chineseToNumber(digits) ?? 0)
    rest = s.slice(n[0].length)
  } else {
    const plain = normalizeWidth(s)
    const hit = options
      .map((text, i) => ({ text: normalizeWidth(text), i }))
      .filter((x) => x.text && plain.startsWith(x.text))
      .sort((a, b) => b.text.length - a.text.length)[0]
    if (!hit) return { ok: false, reason: { code: s ? 'unreadable' : 'empty' } }
    option = hit.i + 1
    rest = s.slice(leadLength(s, hit.text.length))
  }
  if (option < 1 || option > options.length) return { ok: false, reason: { code: 'noSuchOption', number: option, count: options.length } }
  const reason = rest.replace(/^[\s,，.。:：;；、!！-]*(?:理由|因为|原因)?[\s,，:：]*/, '').trim()
  return { ok: true, value: { question, option, reason: reason ? cut(reason, MAX_REASON_CHARS) : null } }
}

/** how many characters of `raw` make up the first `normalized` characters of its normalised form */
function leadLength(raw: string, normalized: number): number {
  for (let i = 0; i <= raw.length; i++) if (normalizeWidth(raw.slice(0, i)).length >= normalized) return i
  return raw.length
}
