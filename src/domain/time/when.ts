import type { Parsed } from '../parsed.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'
import { addDays, fromWallTime, wallTime, type WallTime } from './clock.js'
import { CLOCK, DATE_DIGITS, DATE_WORDS, DAY_WORD, DAY_WORDS, HOUR_WORD, NOW, PARTS, WEEKDAY, WEEKDAYS } from './lexicon.js'

export interface When {
  at: Date
  /** said "now" (立即): send as soon as confirmed */
  immediate: boolean
}

/** Why a time could not be read, with what its sentence needs. */
export type WhenReason =
  | { code: 'empty' }
  | { code: 'noSuchDay' }
  | { code: 'badClock'; hour: string; minute: number }
  | { code: 'unreadable'; input: string }
  | { code: 'past'; at: Date }
  | { code: 'tooFar' }

export type WhenParsed = Parsed<When, WhenReason>

const DEFAULT_HOUR = 9
const MAX_DAYS_AHEAD = 366

/**
 * When to send, as people say it: 立即, 明天9点, 今晚8点半, 后天上午10:30, 12月1日 19:00,
 * 2026年12月1日, 12/1 19:00, 周五下午3点, 9点 (the next 9:00). A date alone means 9:00.
 */
export function parseWhen(input: string, now: Date, timeZone: string): WhenParsed {
  return readWhen(input, now, timeZone)
}

function readWhen(input: string, now: Date, timeZone: string): Parsed<When, WhenReason> {
  const fail = (reason: WhenReason) => ({ ok: false, reason }) as const
  const s = convertAllNumerals(normalizeWidth(String(input ?? '')))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[，,。.！!]+$/, '')
  if (!s) return fail({ code: 'empty' })
  if (NOW.test(s.replace(/ /g, ''))) return { ok: true, value: { at: now, immediate: true } }

  const today = wallTime(now, timeZone)
  let day: WallTime | undefined
  let rest = s
  let dayGiven = false
  let m: RegExpExecArray | null
  if ((m = DATE_WORDS.exec(rest)) || (m = DATE_DIGITS.exec(rest))) {
    const year = m[1] ? Number(m[1]) : today.year
    day = { year, month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 }
    const check = new Date(Date.UTC(day.year, day.month - 1, day.day))
    if (day.month < 1 || day.month > 12 || check.getUTCMonth() !== day.month - 1) return fail({ code: 'noSuchDay' })
    // "12月1日" said in December of last year's date → next year
    if (!m[1] && fromWallTime({ ...day, hour: 23, minute: 59 }, timeZone) < now) day = { ...day, year: day.year + 1 }
    rest = rest.slice(m[0].length)
    dayGiven = true
  } else if ((m = DAY_WORD.exec(rest))) {
    const word = DAY_WORDS[m[1]!]!
    day = addDays(today, word.ahead)
    rest = `${word.part ?? ''}${rest.slice(m[0].length)}`
    dayGiven = true
  } else if ((m = WEEKDAY.exec(rest))) {
    const target = WEEKDAYS[m[2]!]!
    let ahead = (target - today.weekday + 7) % 7
    if (m[1]) ahead += 7
    day = addDays(today, ahead)
    rest = rest.slice(m[0].length)
    dayGiven = true
  }

  rest = rest.replace(/ /g, '')
  let hour = DEFAULT_HOUR
  let minute = 0
  const t = CLOCK.exec(rest)
  if (rest === '' && dayGiven) {
    // a day alone: 9:00
  } else if (t && (t[3] !== undefined || HOUR_WORD.test(rest) || t[1])) {
    hour = Number(t[2])
    minute = t[3] !== undefined ? Number(t[3]) : t[4] ? 30 : t[5] ? Number(t[5]) : t[6] ? Number(t[6]) * 15 : 0
    const half = t[1] ? PARTS[t[1]] : undefined
    if (half === 'pm' && hour < 12) hour += 12
    if (half === 'noon' && hour < 6) hour += 12
    if (hour > 23 || minute > 59) return fail({ code: 'badClock', hour: t[2]!, minute })
  } else {
    return fail({ code: 'unreadable', input: String(input) })
  }

  let at: Date
  if (day) at = fromWallTime({ ...day, hour, minute }, timeZone)
  else {
    // a time alone: the next time the clock shows it
    at = fromWallTime({ ...today, hour, minute }, timeZone)
    if (at <= now) at = fromWallTime({ ...addDays(today, 1), hour, minute }, timeZone)
  }
  if (at.getTime() <= now.getTime()) return fail({ code: 'past', at })
  if (at.getTime() - now.getTime() > MAX_DAYS_AHEAD * 86_400_000) return fail({ code: 'tooFar' })
  return { ok: true, value: { at, immediate: false } }
}
