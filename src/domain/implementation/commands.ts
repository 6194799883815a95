/**
 * The arguments of the staff's implementation commands: 资源 (what a partner offers), 派单 (a project
 * given to a partner), 进度 (a progress report), 完成 (work finished: residents rate it). Pure; never throw.
 */
import type { Parsed } from '../parsed.js'
import { chinesePunctuation, chineseToNumber, normalizeWidth } from '../text.js'
import { parseWhen } from '../time/index.js'
import { checkDue, endOfDay, readPeriod, startOfDay, type DueCheck, type NoSuchDay, type PeriodReading } from './due.js'
import {
  ABOUT_TAIL,
  AMOUNT,
  BARE_AMOUNT,
  BARE_PROJECT,
  CLOSE_LEAD,
  COST_MONEY,
  COST_STRONG,
  DUE_LEAD,
  DUE_MARK,
  FILLER,
  HUNDRED,
  MONEY_MARK,
  moneyKeyword,
  PARTNER_LEAD,
  PCT_BARE,
  PCT_FORMS,
  QUESTION,
  RANGE_RE,
  RESOURCE_MONEY,
  RESOURCE_STRONG,
  START_RES,
  START_UNDECIDED,
  UNDECIDED,
} from './lexicon.js'
import { parseMoney } from './money.js'

export const MAX_PARTNER_CHARS = 20

/** A leading P-code (`P3`, `ｐ３`) and what follows it, width-normalised and with spaces collapsed. */
export function leadingProject(args: string): { project: number | null; rest: string } {
  const s = normalizeWidth(String(args ?? '')).replace(/[ \t]+/g, ' ').trim()
  const p = /^[Pp]\s*(\d{1,9})(?!\d)/.exec(s)
  return p ? { project: Number(p[1]), rest: s.slice(p[0].length) } : { project: null, rest: s }
}
export const MAX_WHAT_CHARS = 200
const MAX_PROJECT = 9_999_999

/** Why an amount could not be read: 预算「很多」 (keyword null: a bare amount), or 预算 with no amount. */
export type AmountReason = { code: 'amountUnread'; keyword: string | null; text: string } | { code: 'amountMissing'; keyword: string; text: string }
/** No project code, or one that cannot be (P0). */
export type ProjectReason = { code: 'noProject' } | { code: 'badProject'; project: number }
export type TooLong = { code: 'partnerTooLong'; partner: string; max: number }

const chars = (s: string): number => [...s].length

/** Whitespace collapsed, separators at either end dropped, Chinese punctuation back for display. */
function tidy(s: string): string {
  return chinesePunctuation(
    s
      .replace(/[ \t]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .replace(/^[\s,;:.!?。、-]+|[\s,;:]+$/g, ''),
  )
}

const cut = (s: string, index: number, length: number): string => `${s.slice(0, index)} ${s.slice(index + length)}`

type MoneyFound = { kind: 'none' } | { kind: 'ok'; value: number | null; rest: string } | { kind: 'bad'; reason: AmountReason }

/**
 * An amount after one of `keywords` (预算5万, 经费: 3千, 资金 2万, 预算待定 → null), or else a bare one
 * that is plainly money (5万元, ¥8000, 8000块, a lone 5万). `strong` keywords followed by anything
 * unreadable are a mistake to point out; other keywords may just be words (资金支持).
 */
function findMoney(s: string, keywords: string[], strong: string[]): MoneyFound {
  const kw = moneyKeyword(keywords)
  for (let m = kw.exec(s); m; m = kw.exec(s)) {
    const after = s.slice(m.index + m[0].length)
    const amount = new RegExp(`^${AMOUNT}`).exec(after)
    // 预算一般 is not 1 yuan: a lone numeral glued to a word is a word
    const word = amount && !MONEY_MARK.test(amount[0]) && /^\p{Script=Han}/u.test(after.slice(amount[0].length))
    if (amount && !word) {
      const v = parseMoney(amount[0].replace(ABOUT_TAIL, ''))
      if (v === undefined) return { kind: 'bad', reason: { code: 'amountUnread', keyword: m[1]!, text: amount[0].trim() } }
      return { kind: 'ok', value: v, rest: cut(s, m.index, m[0].length + amount[0].length) }
    }
    const undecided = new RegExp(`^(?:${UNDECIDED})`).exec(after)
    if (undecided) return { kind: 'ok', value: null, rest: cut(s, m.index, m[0].length + undecided[0].length) }
    if (strong.includes(m[1]!)) return { kind: 'bad', reason: { code: 'amountMissing', keyword: m[1]!, text: /^[^\s,;]*/.exec(after)![0] } }
  }
  const b = BARE_AMOUNT.exec(s)
  if (b) {
    const v = parseMoney(b[0])
    if (v === undefined) return { kind: 'bad', reason: { code: 'amountUnread', keyword: null, text: b[0].trim() } }
    return { kind: 'ok', value: v, rest: cut(s, b.index, b[0].length) }
  }
  return { kind: 'none' }
}

// --- 资源 ----------------------------------------------------------------------------------------

export type ResourceReason =
  | { code: 'empty' }
  | { code: 'notSeparated' }
  | { code: 'partnerFirst' }
  | TooLong
  | AmountReason
  | { code: 'whatMissing' }
  | { code: 'whatTooLong'; max: number }

/**
 * `绿化所 绿化改造 预算5万` → { partner '绿化所', what '绿化改造', budget 50000 }. The partner is the first
 * word (up to a space or comma); the budget (预算5万, 5万元, 经费3千, 资金 2万) may be anywhere after it.
 */
export function parseResource(args: string): Parsed<{ partner: string; what: string; budget: number | null }, ResourceReason> {
  const s = normalizeWidth(String(args ?? '')).replace(/[ \t]+/g, ' ').trim()
  const head = /^[^\s,;]+/.exec(s)
  if (!head) return { ok: false, reason: { code: 'empty' } }
  const partner = head[0].replace(/[:.。]+$/, '')
  const looksLikeMoney = findMoney(partner, RESOURCE_MONEY, RESOURCE_STRONG).kind === 'ok' || RESOURCE_STRONG.includes(partner)
  if (!partner || looksLikeMoney) {
    if (looksLikeMoney && chars(partner) > 4 && !new RegExp(`^(?:${RESOURCE_MONEY.join('|')}|¥|\\d)`).test(partner)) {
      return { ok: false, reason: { code: 'notSeparated' } }
    }
    return { ok: false, reason: { code: 'partnerFirst' } }
  }
  if (chars(partner) > MAX_PARTNER_CHARS) return { ok: false, reason: { code: 'partnerTooLong', partner, max: MAX_PARTNER_CHARS } }
  let rest = s.slice(head[0].length)
  let budget: number | null = null
  const money = findMoney(rest, RESOURCE_MONEY, RESOURCE_STRONG)
  if (money.kind === 'bad') return { ok: false, reason: money.reason }
  if (money.kind === 'ok') {
    budget = money.value
    rest = money.rest
  }
  const what = tidy(rest)
  if (!what) return { ok: false, reason: { code: 'whatMissing' } }
  if (chars(what) > MAX_WHAT_CHARS) return { ok: false, reason: { code: 'whatTooLong', max: MAX_WHAT_CHARS } }
  return { ok: true, value: { partner, what, budget } }
}

// --- project codes -------------------------------------------------------------------------------

/** P3 anywhere (not inside a word), or a bare leading number (3, 3号, 三号项目). */
function takeProject(s: string, bareLeading: boolean): { project: number | null; rest: string } {
  const p = /(?<![A-Za-z])[Pp]\s*(\d{1,9})(?!\d)/.exec(s)
  if (p) return { project: Number(p[1]), rest: cut(s, p.index, p[0].length) }
  if (bareLeading) {
    const b = BARE_PROJECT.exec(s)
    if (b) {
      const n = /^\d+$/.test(b[1]!) ? Number(b[1]) : chineseToNumber(b[1]!)
      if (n !== undefined) return { project: n, rest: s.slice(b[0].length) }
    }
  }
  return { project: null, rest: s }
}

function projectReason(project: number | null): ProjectReason | undefined {
  if (project === null) return { code: 'noProject' }
  if (project < 1 || project > MAX_PROJECT) return { code: 'badProject', project }
  return undefined
}

// --- 派单 ----------------------------------------------------------------------------------------

export type AssignmentReason =
  | { code: 'empty' }
  | ProjectReason
  | AmountReason
  | NoSuchDay
  | { code: 'noSuchStartDay'; month: number; day?: number }
  | DueCheck
  | { code: 'partnerMissing' }
  | TooLong
  /** no due date; `unread` the words that were not understood ('' if none) */
  | { code: 'dueMissing'; unread: string }
  | { code: 'extraWords'; text: string }
  | { code: 'startAfterDue'; startsAt: Date; dueAt: Date }

const MAX_SPAN = 4

/**
 * `P3 绿化所 预计12月底` → project 3, partner 绿化所, due the end of December. Also a bare leading
 * number (`3 绿化所 …`), a start (`开工12月1日`, `12月1日开工`, `从12月1日`: 00:00 of that day) and a cost
 * (`费用2万`, `预算2万`, `造价2万`, `2万元`).
 */
export function parseAssignment(
  args: string,
  now: Date,
  timeZone: string,
): Parsed<{ project: number; partner: string; startsAt: Date | null; dueAt: Date; cost: number | null }, AssignmentReason> {
  let s = normalizeWidth(String(args ?? '')).replace(/\s+/g, ' ').trim()
  if (!s) return { ok: false, reason: { code: 'empty' } }
  const code = takeProject(s, true)
  const bad = projectReason(code.project)
  if (bad !== undefined) return { ok: false, reason: bad }
  const project = code.project!
  s = code.rest

  let cost: number | null = null
  const money = findMoney(s, COST_MONEY, COST_STRONG)
  if (money.kind === 'bad') return { ok: false, reason: money.reason }
  if (money.kind === 'ok') {
    cost = money.value
    s = money.rest
  }

  let startsAt: Date | null = null
  const undecided = START_UNDECIDED.exec(s)
  if (undecided) s = cut(s, undecided.index, undecided[0].length)
  const range = RANGE_RE.exec(s)
  const rangeStart = range ? readPeriod(range[1]!, now, timeZone) : undefined
  if (range && rangeStart?.kind === 'ok' && readPeriod(range[2]!, now, timeZone).kind !== 'none') {
    startsAt = startOfDay(rangeStart.period.first, timeZone)
    s = `${s.slice(0, range.index)} ${range[2]} ${s.slice(range.index + range[0].length)}`
  } else {
    // 12月1日开工 12月底完成: a start word glued to its date wins over one separated by a space
    let best: { m: RegExpExecArray; glued: boolean } | undefined
    for (const re of START_RES) {
      re.lastIndex = 0
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const glued = !/\s/.test(m[0].trim())
        if (!best || (glued && !best.glued)) best = { m, glued }
        if (m[0].length === 0) re.lastIndex++
      }
    }
    if (best) {
      const r = readPeriod(best.m[1]!, now, timeZone)
      if (r.kind === 'bad') return { ok: false, reason: { ...r.reason, code: 'noSuchStartDay' } }
      if (r.kind === 'ok') {
        startsAt = startOfDay(r.period.first, timeZone)
        s = cut(s, best.m.index, best.m[0].length)
      }
    }
  }

  const tokens = s
    .replace(DUE_LEAD, ' $1')
    .split(/[\s,;]+/)
    .filter((t) => t && !FILLER.test(t))
  let due: { at: Date; from: number; to: number } | undefined
  let reading: PeriodReading | undefined
  outer: for (let len = Math.min(MAX_SPAN, tokens.length); len >= 1; len--) {
    for (let i = 0; i + len <= tokens.length; i++) {
      const r = readPeriod(tokens.slice(i, i + len).join(''), now, timeZone)
      if (r.kind === 'none') continue
      reading = r
      if (r.kind === 'ok') due = { at: endOfDay(r.period.last, timeZone), from: i, to: i + len }
      break outer
    }
  }
  if (!reading) {
    // glued: 绿化所12月底
    for (let i = 0; i < tokens.length && !reading; i++) {
      const t = [...tokens[i]!]
      for (let k = Math.max(1, t.length - 16); k < t.length; k++) {
        const suffix = t.slice(k).join('')
        if (!DUE_MARK.test(suffix)) continue
        const r = readPeriod(suffix, now, timeZone)
        if (r.kind === 'none') continue
        reading = r
        tokens[i] = t.slice(0, k).join('')
        tokens.splice(i + 1, 0, suffix)
        if (r.kind === 'ok') due = { at: endOfDay(r.period.last, timeZone), from: i + 1, to: i + 2 }
        break
      }
    }
  }
  if (reading?.kind === 'bad') return { ok: false, reason: reading.reason }
  const others = due ? [...tokens.slice(0, due.from), ...tokens.slice(due.to)] : tokens
  const partner = others[0]?.replace(PARTNER_LEAD, '')
  if (!partner) return { ok: false, reason: { code: 'partnerMissing' } }
  if (chars(partner) > MAX_PARTNER_CHARS) return { ok: false, reason: { code: 'partnerTooLong', partner, max: MAX_PARTNER_CHARS } }
  if (!due) return { ok: false, reason: { code: 'dueMissing', unread: others.slice(1).join(' ') } }
  if (others.length > 1) return { ok: false, reason: { code: 'extraWords', text: others.slice(1).join(' ') } }
  const checked = checkDue(due.at, now, timeZone)
  if (!checked.ok) return checked
  if (startsAt && startsAt.getTime() >= due.at.getTime()) return { ok: false, reason: { code: 'startAfterDue', startsAt, dueAt: due.at } }
  return { ok: true, value: { project, partner, startsAt, dueAt: due.at, cost } }
}

// --- 进度 ----------------------------------------------------------------------------------------

function numberOf(s: string): number | undefined {
  if (/^\d/.test(s)) return Number(s)
  if (s === HUNDRED) return 100
  return chineseToNumber(s)
}

/**
 * `P3 60% 管线已铺设` → { project 3, percent 60, note '管线已铺设' }; also 60％, 百分之六十, 六成, 完成60%,
 * 进度60, a bare number right after the code. Percent is as written (rounded to a whole number; over 100 is
 * the caller's to refuse), null if none. Only a leading P-code counts: J12 … leaves project null.
 */
export function parseProgress(args: string): { project: number | null; percent: number | null; note: string } {
  const { project, rest: afterCode } = leadingProject(args)
  let rest = afterCode
  let percent: number | null = null
  let found: { index: number; length: number; value: number } | undefined
  const bare = PCT_BARE.exec(rest)
  const bareValue = bare ? numberOf(bare[1]!) : undefined
  if (bare && bareValue !== undefined) found = { index: 0, length: bare[0].length, value: bareValue }
  else {
    for (const [i, re] of PCT_FORMS.entries()) {
      const m = re.exec(rest)
      if (!m || (found && found.index <= m.index)) continue
      const n = numberOf(m[1]!)
      if (n === undefined) continue
      const value = i === 2 ? n * 10 + (m[2] ? 5 : 0) : n
      found = { index: m.index, length: m[0].length, value }
    }
  }
  if (found) {
    percent = Math.round(found.value)
    rest = cut(rest, found.index, found.length)
  }
  return { project, percent, note: tidy(rest) }
}

/** What 进度 … asks for: a progress report (a code and a percent or a statement), or where things stand. */
export type ProgressCommand = { verb: 'report'; project: number; percent: number | null; note: string } | { verb: 'ask' }

/**
 * `P3 60% 管线已铺设`, `P3 管线已铺设` → a report; `P3`, `J12`, `P3 怎么样了`, `P3 好` (a word or a question
 * after the code) → ask. Who may report is the caller's to decide.
 */
export function parseProgressCommand(args: string): ProgressCommand {
  const { project, percent, note } = parseProgress(args)
  const report = project !== null && (percent !== null || (note.length >= 2 && !QUESTION.test(note)))
  return report ? { verb: 'report', project, percent, note } : { verb: 'ask' }
}

// --- 完成 ----------------------------------------------------------------------------------------

export type CompletionReason = ProjectReason | { code: 'closePast' } | { code: 'closeUnread'; text: string } | { code: 'closeNow' }

const whenPassed = (refused: { reason: { code: string } }): boolean => refused.reason.code === 'past'

/**
 * `P3` → { project 3, closesAt null }; `P3 评价截止12月20日`, `P3 截止 12月20日20:00` → closesAt as parseWhen
 * reads it (a date alone is 9:00 that day).
 */
export function parseCompletion(args: string, now: Date, timeZone: string): Parsed<{ project: number; closesAt: Date | null }, CompletionReason> {
  const s = normalizeWidth(String(args ?? '')).replace(/\s+/g, ' ').trim()
  const code = takeProject(s, true)
  const bad = projectReason(code.project)
  if (bad !== undefined) return { ok: false, reason: bad }
  const project = code.project!
  let rest = code.rest.replace(/^[\s,;:]+|[\s,;:。.!]+$/g, '')
  for (let prev = ''; prev !== rest; ) {
    prev = rest
    rest = rest.replace(CLOSE_LEAD, '')
  }
  if (!rest) return { ok: true, value: { project, closesAt: null } }
  const when = parseWhen(rest, now, timeZone)
  if (!when.ok) return { ok: false, reason: whenPassed(when) ? { code: 'closePast' } : { code: 'closeUnread', text: rest } }
  if (when.value.immediate) return { ok: false, reason: { code: 'closeNow' } }
  return { ok: true, value: { project, closesAt: when.value.at } }
}
