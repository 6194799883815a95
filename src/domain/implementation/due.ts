/** When work is expected to be finished (or started), as staff say it: 12月底, 下月中, 两周, 2027年1月15日. */
import type { Parsed } from '../parsed.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'
import { addDays, fromWallTime, wallTime, type WallTime } from '../time/index.js'
import { AHEAD, DUE_FORMS, DUE_LEADING, DUE_TRAILING, HALF, MONTH_PARTS, RELATIVE_DAYS, WEEKDAY, YEARS_AHEAD } from './lexicon.js'

const MAX_YEARS_AHEAD = 2
const MAX_PHRASE = 40

export interface Day {
  year: number
  month: number
  day: number
}

/** A named stretch of days: `first` is where work starting "then" starts, `last` where work due "then" ends. */
export interface Period {
  first: Day
  last: Day
}

/** 2月30日, 13月: the month (and day) as written */
export type NoSuchDay = { code: 'noSuchDay'; month: number; day?: number }
/** a due date already read that cannot be: passed, or more than two years ahead */
export type DueCheck = { code: 'past'; at: Date } | { code: 'tooFar'; at: Date }
export type DueReason = { code: 'empty' } | { code: 'unread'; text: string } | NoSuchDay | DueCheck

export type PeriodReading = { kind: 'ok'; period: Period } | { kind: 'bad'; reason: NoSuchDay } | { kind: 'none' }

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

const dayOf = (w: WallTime): Day => ({ year: w.year, month: w.month, day: w.day })

const asWall = (d: Day, hour = 0, minute = 0): WallTime => ({ ...d, hour, minute })

function addMonths(d: Day, months: number): Day {
  const index = d.year * 12 + (d.month - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) }
}

const point = (d: Day): Period => ({ first: d, last: d })

/** 月底/下旬 … of a month: the days it names. */
function monthPart(year: number, month: number, part: string): Period {
  const end = daysInMonth(year, month)
  const d = (day: number): Day => ({ year, month, day })
  switch (MONTH_PARTS[part]) {
    case 'early':
      return { first: d(1), last: d(10) }
    case 'middle':
      return point(d(15))
    case 'midTen':
      return { first: d(11), last: d(15) }
    case 'late':
      return { first: d(21), last: d(end) }
    default:
      // the whole month: by its end
      return { first: d(1), last: d(end) }
  }
}

/** The text without spaces, numerals as digits, and without 预计…前完成 around the date. */
function clean(input: string): string {
  let s = convertAllNumerals(normalizeWidth(String(input ?? '')))
    .replace(/\s+/g, '')
    .replace(/^[,.;:!?。]+|[,.;:!?。~]+$/g, '')
  for (let prev = ''; prev !== s; ) {
    prev = s
    s = s.replace(DUE_LEADING, '').replace(DUE_TRAILING, '')
  }
  return s
}

function noSuchDay(month: number, day?: number): PeriodReading {
  return { kind: 'bad', reason: { code: 'noSuchDay', month, day } }
}

function yearOf(written: string | undefined): number | undefined {
  if (written === undefined) return undefined
  const n = Number(written)
  return written.length === 2 ? 2000 + n : n
}

/**
 * The days a phrase names, or 'none' if it is not a date at all. Without a year, a month whose end
 * has already passed this year is next year's (in November, 3月底 is next March).
 */
export function readPeriod(input: string, now: Date, timeZone: string): PeriodReading {
  // no way of saying a date is this long: don't spend time on a paragraph
  if (String(input ?? '').length > MAX_PHRASE) return { kind: 'none' }
  const s = clean(input)
  if (!s) return { kind: 'none' }
  const w = wallTime(now, timeZone)
  const today = dayOf(w)
  const relYear = (word: string | undefined): number | undefined => (word === undefined ? undefined : today.year + (YEARS_AHEAD[word[0]!] ?? 0))
  let m: RegExpExecArray | null

  if ((m = DUE_FORMS.day.exec(s))) {
    return specificDay(yearOf(m[1]) ?? relYear(m[2]), Number(m[3]), Number(m[4]), today)
  }
  if ((m = DUE_FORMS.numericDay.exec(s))) {
    return specificDay(yearOf(m[1]), Number(m[2]), Number(m[3]), today)
  }
  if ((m = DUE_FORMS.month.exec(s))) {
    const month = Number(m[3])
    if (month < 1 || month > 12) return noSuchDay(month)
    let year = yearOf(m[1]) ?? relYear(m[2])
    if (year === undefined) year = month < today.month ? today.year + 1 : today.year
    return { kind: 'ok', period: monthPart(year, month, m[4] ?? '') }
  }
  if ((m = DUE_FORMS.relativeMonth.exec(s)) && (m[1] || m[2] || m[3])) {
    const ahead = m[1] ? AHEAD[m[1]]! : 0
    const { year, month } = addMonths({ ...today, day: 1 }, ahead)
    if (m[3] !== undefined) return specificDayInMonth(year, month, Number(m[3]))
    return { kind: 'ok', period: monthPart(year, month, m[2] ?? '') }
  }
  // 15号: this month's, or next month's once it has passed
  if ((m = DUE_FORMS.dayOfMonth.exec(s))) {
    const day = Number(m[1])
    const next = addMonths({ ...today, day: 1 }, day < today.day ? 1 : 0)
    return specificDayInMonth(next.year, next.month, day)
  }
  if ((m = DUE_FORMS.yearEnd.exec(s)) && (m[1] || m[2] || m[3])) {
    const year = yearOf(m[1]) ?? relYear(m[2]) ?? today.year
    return { kind: 'ok', period: { first: { year, month: 12, day: 1 }, last: { year, month: 12, day: 31 } } }
  }
  if ((m = DUE_FORMS.relativeDay.exec(s))) {
    const offset = RELATIVE_DAYS[m[1]!]!
    return { kind: 'ok', period: point(dayOf(addDays(w, offset))) }
  }
  if ((m = DUE_FORMS.week.exec(s)) && (m[1] || m[2])) {
    const toSunday = (7 - w.weekday) % 7
    const weeksAhead = m[1] ? AHEAD[m[1]]! : 0
    const weekday = m[2] === undefined ? undefined : WEEKDAY[m[2]]
    // no day, or 周末: the week (to its Sunday)
    if (weekday === undefined) {
      const sunday = toSunday + 7 * weeksAhead
      return { kind: 'ok', period: { first: dayOf(addDays(w, Math.max(0, sunday - 6))), last: dayOf(addDays(w, sunday)) } }
    }
    // as parseWhen reads it: the next such weekday, a week later with 下
    const ahead = ((weekday - w.weekday + 7) % 7) + 7 * weeksAhead
    return { kind: 'ok', period: point(dayOf(addDays(w, ahead))) }
  }
  // 3天, 10天内, 30日内, 两周, 2个星期, 1个月, 一个半月, 半个月, 半年, 1年内
  if ((m = DUE_FORMS.days.exec(s))) {
    return { kind: 'ok', period: point(dayOf(addDays(w, Number(m[1])))) }
  }
  if ((m = DUE_FORMS.weeks.exec(s))) {
    return { kind: 'ok', period: point(dayOf(addDays(w, 7 * Number(m[1])))) }
  }
  if ((m = DUE_FORMS.months.exec(s))) {
    if (m[1] === HALF) return { kind: 'ok', period: point(dayOf(addDays(w, 15))) }
    const d = addMonths(today, Number(m[1]))
    return { kind: 'ok', period: point(m[2] ? dayOf(addDays(asWall(d), 15)) : d) }
  }
  if ((m = DUE_FORMS.years.exec(s)) || (m = DUE_FORMS.halfYear.exec(s))) {
    return { kind: 'ok', period: point(addMonths(today, m[1] === HALF ? 6 : 12 * Number(m[1]))) }
  }
  return { kind: 'none' }
}

function specificDay(year: number | undefined, month: number, day: number, today: Day): PeriodReading {
  if (month < 1 || month > 12) return noSuchDay(month)
  // no year: this year's, unless that month is already over (then next year's)
  const y = year ?? (month < today.month ? today.year + 1 : today.year)
  if (day < 1 || day > daysInMonth(y, month)) {
    // 2月29日 in a year without one: maybe next leap year is meant, but say so rather than guess
    return noSuchDay(month, day)
  }
  return { kind: 'ok', period: point({ year: y, month, day }) }
}

function specificDayInMonth(year: number, month: number, day: number): PeriodReading {
  if (day < 1 || day > daysInMonth(year, month)) return noSuchDay(month, day)
  return { kind: 'ok', period: point({ year, month, day }) }
}

/** 23:59 of the last day (due) or 00:00 of the first day (start), in the time zone. */
export function endOfDay(d: Day, timeZone: string): Date {
  return fromWallTime(asWall(d, 23, 59), timeZone)
}
export function startOfDay(d: Day, timeZone: string): Date {
  return fromWallTime(asWall(d), timeZone)
}

/** How far ahead a due date may be: the same day, two years on. */
function limitOf(now: Date, timeZone: string): Date {
  const t = dayOf(wallTime(now, timeZone))
  return endOfDay(addMonths(t, 12 * MAX_YEARS_AHEAD), timeZone)
}

/** A due date already read: not past, not too far. */
export function checkDue(at: Date, now: Date, timeZone: string): Parsed<Date, DueCheck> {
  if (at.getTime() <= now.getTime()) return { ok: false, reason: { code: 'past', at } }
  if (at.getTime() > limitOf(now, timeZone).getTime()) return { ok: false, reason: { code: 'tooFar', at } }
  return { ok: true, value: at }
}

/**
 * When work is expected to be finished: the END (23:59 local) of the named period. 12月底, 12月中(旬),
 * 12月初/上旬 (10th), 12月下旬, 12月15日/号, 12-15, 12/15, 2027年1月底, 月底, 下(个)月底, 年底, 明年3月, 3月,
 * 两周, 2周内, 3天, 10天内, 一个月, 1个月内; 预计/计划/争取/完成 in front and 前/之前/完成/完工 behind are
 * tolerated. Never throws.
 */
export function parseDue(input: string, now: Date, timeZone: string): Parsed<Date, DueReason> {
  const text = normalizeWidth(String(input ?? '')).replace(/\s+/g, ' ').trim()
  if (!text) return { ok: false, reason: { code: 'empty' } }
  const r = readPeriod(text, now, timeZone)
  if (r.kind === 'bad') return { ok: false, reason: r.reason }
  if (r.kind === 'none') return { ok: false, reason: { code: 'unread', text } }
  return checkDue(endOfDay(r.period.last, timeZone), now, timeZone)
}
