/** When work is expected to be finished (or started), as staff say it: 12月底, 下月中, 两周, 2027年1月15日. */
import type { Parsed } from '../address.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'
import { addDays, fromWallTime, wallTime, type WallTime } from '../time.js'

export const DUE_EXAMPLES = '例如「12月底」「1月15日」「两周」'
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

export type PeriodReading = { kind: 'ok'; period: Period } | { kind: 'bad'; reply: string } | { kind: 'none' }

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
  switch (part) {
    case '初':
    case '上旬':
      return { first: d(1), last: d(10) }
    case '中':
      return point(d(15))
    case '中旬':
      return { first: d(11), last: d(15) }
    case '底':
    case '末':
    case '下旬':
      return { first: d(21), last: d(end) }
    default:
      // the whole month: by its end
      return { first: d(1), last: d(end) }
  }
}

const PART = '(底|末|中旬|中|初|上旬|下旬)'
const WEEKDAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 0 }

const LEADING = /^(?:预计|预期|计划|争取|力争|完成|完工|竣工|工期|截止到?|截至|最迟|最晚|最好|大概|大约|约|要在|要|将在|将于|应在|需在|能在|能|可以|在|于|到|至|:)/
const TRAILING = /(?:之前|以前|前|完成|完工|竣工|交付|交工|结束|收尾|左右|为止|截止|完|了|吧)$/

/** The text without spaces, numerals as digits, and without 预计…前完成 around the date. */
function clean(input: string): string {
  let s = convertAllNumerals(normalizeWidth(String(input ?? '')))
    .replace(/\s+/g, '')
    .replace(/^[,.;:!?。]+|[,.;:!?。~]+$/g, '')
  for (let prev = ''; prev !== s; ) {
    prev = s
    s = s.replace(LEADING, '').replace(TRAILING, '')
  }
  return s
}

function noSuchDay(month: number, day?: number): PeriodReading {
  const what = day === undefined || month < 1 || month > 12 ? `${month}月` : `${month}月${day}日这一天`
  return { kind: 'bad', reply: `没有${what}，${DUE_EXAMPLES}。` }
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
  const relYear = (word: string | undefined): number | undefined =>
    word === undefined ? undefined : word.startsWith('明') ? today.year + 1 : word.startsWith('后') ? today.year + 2 : today.year
  let m: RegExpExecArray | null

  // 2027年1月15日, 明年3月15号, 12月15日, 12月15
  if ((m = /^(?:(\d{4}|\d{2})年|(今年|明年|后年))?(\d{1,2})月份?(\d{1,2})[日号]?$/.exec(s))) {
    return specificDay(yearOf(m[1]) ?? relYear(m[2]), Number(m[3]), Number(m[4]), today)
  }
  // 2027-1-15, 2027/1/15, 2027.1.15, 12-15, 12/15, 12.15
  if ((m = /^(?:(\d{4})[-/.])?(\d{1,2})[-/.](\d{1,2})[日号]?$/.exec(s))) {
    return specificDay(yearOf(m[1]), Number(m[2]), Number(m[3]), today)
  }
  // 12月底, 明年3月, 2027年1月中旬, 3月份
  if ((m = new RegExp(`^(?:(\\d{4}|\\d{2})年|(今年|明年|后年))?(\\d{1,2})月份?${PART}?$`).exec(s))) {
    const month = Number(m[3])
    if (month < 1 || month > 12) return noSuchDay(month)
    let year = yearOf(m[1]) ?? relYear(m[2])
    if (year === undefined) year = month < today.month ? today.year + 1 : today.year
    return { kind: 'ok', period: monthPart(year, month, m[4] ?? '') }
  }
  // 月底, 本月底, 下个月中, 下月15号, 这个月
  if ((m = new RegExp(`^(本|这个?|当|下个?|下下个?)?月(?:份)?(?:${PART}|(\\d{1,2})[日号])?$`).exec(s)) && (m[1] || m[2] || m[3])) {
    const ahead = !m[1] || /^(本|这|当)/.test(m[1]) ? 0 : m[1].startsWith('下下') ? 2 : 1
    const { year, month } = addMonths({ ...today, day: 1 }, ahead)
    if (m[3] !== undefined) return specificDayInMonth(year, month, Number(m[3]))
    return { kind: 'ok', period: monthPart(year, month, m[2] ?? '') }
  }
  // 15号: this month's, or next month's once it has passed
  if ((m = /^(\d{1,2})[日号]$/.exec(s))) {
    const day = Number(m[1])
    const next = addMonths({ ...today, day: 1 }, day < today.day ? 1 : 0)
    return specificDayInMonth(next.year, next.month, day)
  }
  // 年底, 今年底, 明年年底, 2027年底, 年内
  if ((m = /^(?:(\d{4})|(今|本|明|后))?年{1,2}(底|末|终|内)?$/.exec(s)) && (m[1] || m[2] || m[3])) {
    const year = yearOf(m[1]) ?? relYear(m[2]) ?? today.year
    return { kind: 'ok', period: { first: { year, month: 12, day: 1 }, last: { year, month: 12, day: 31 } } }
  }
  // 今天, 明天, 后天
  if ((m = /^(今天|今日|明天|明日|后天|大后天)$/.exec(s))) {
    const offset = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 大后天: 3 }[m[1]!]!
    return { kind: 'ok', period: point(dayOf(addDays(w, offset))) }
  }
  // 本周, 周末, 下周, 下周五
  if ((m = /^(本|这|下|下下)?个?(?:周|星期|礼拜)(末|[一二三四五六日天1-7])?$/.exec(s)) && (m[1] || m[2])) {
    const toSunday = (7 - w.weekday) % 7
    const weeksAhead = m[1] === '下' ? 1 : m[1] === '下下' ? 2 : 0
    if (m[2] === undefined || m[2] === '末') {
      const sunday = toSunday + 7 * weeksAhead
      return { kind: 'ok', period: { first: dayOf(addDays(w, Math.max(0, sunday - 6))), last: dayOf(addDays(w, sunday)) } }
    }
    // as parseWhen reads it: the next such weekday, a week later with 下
    const ahead = ((WEEKDAY[m[2]]! - w.weekday + 7) % 7) + 7 * weeksAhead
    return { kind: 'ok', period: point(dayOf(addDays(w, ahead))) }
  }
  // 3天, 10天内, 30日内, 两周, 2个星期, 1个月, 一个半月, 半个月, 半年, 1年内
  if ((m = /^(\d{1,4})(?:天|日(?=内|以内|之内))(?:内|以内|之内|后|以后)?$/.exec(s))) {
    return { kind: 'ok', period: point(dayOf(addDays(w, Number(m[1])))) }
  }
  if ((m = /^(\d{1,3})(?:个?星期|个?礼拜|周)(?:内|以内|之内|后|以后)?$/.exec(s))) {
    return { kind: 'ok', period: point(dayOf(addDays(w, 7 * Number(m[1])))) }
  }
  if ((m = /^(\d{1,2}|半)个(半)?月(?:内|以内|之内|后|以后)?$/.exec(s))) {
    if (m[1] === '半') return { kind: 'ok', period: point(dayOf(addDays(w, 15))) }
    const d = addMonths(today, Number(m[1]))
    return { kind: 'ok', period: point(m[2] ? dayOf(addDays(asWall(d), 15)) : d) }
  }
  if ((m = /^(\d|半)年(?:内|以内|之内|后|以后)$/.exec(s)) || (m = /^(半)年$/.exec(s))) {
    return { kind: 'ok', period: point(addMonths(today, m[1] === '半' ? 6 : 12 * Number(m[1]))) }
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
export function checkDue(at: Date, now: Date, timeZone: string): Parsed<Date> {
  if (at.getTime() <= now.getTime()) {
    return { ok: false, reply: `${formatDay(at, timeZone, now)} 已经过去了，请写以后的日期，${DUE_EXAMPLES}。` }
  }
  if (at.getTime() > limitOf(now, timeZone).getTime()) {
    return { ok: false, reply: `${formatDay(at, timeZone, now)} 太远了，请写两年以内的日期，${DUE_EXAMPLES}。` }
  }
  return { ok: true, value: at }
}

/**
 * When work is expected to be finished: the END (23:59 local) of the named period. 12月底, 12月中(旬),
 * 12月初/上旬 (10th), 12月下旬, 12月15日/号, 12-15, 12/15, 2027年1月底, 月底, 下(个)月底, 年底, 明年3月, 3月,
 * 两周, 2周内, 3天, 10天内, 一个月, 1个月内; 预计/计划/争取/完成 in front and 前/之前/完成/完工 behind are
 * tolerated. Never throws.
 */
export function parseDue(input: string, now: Date, timeZone: string): Parsed<Date> {
  const text = normalizeWidth(String(input ?? '')).replace(/\s+/g, ' ').trim()
  if (!text) return { ok: false, reply: `请写预计完成时间，${DUE_EXAMPLES}。` }
  const r = readPeriod(text, now, timeZone)
  if (r.kind === 'bad') return { ok: false, reply: r.reply }
  if (r.kind === 'none') {
    const shown = [...text].slice(0, 12).join('')
    return { ok: false, reply: `没看懂「${shown}」这个时间，请写预计完成时间，${DUE_EXAMPLES}。` }
  }
  return checkDue(endOfDay(r.period.last, timeZone), now, timeZone)
}

/** `12月31日`; with the year (`2027年1月31日`) when it is not the year of `now` (if given). */
export function formatDay(d: Date, timeZone: string, now?: Date): string {
  const w = wallTime(d, timeZone)
  const showYear = now !== undefined && wallTime(now, timeZone).year !== w.year
  return `${showYear ? `${w.year}年` : ''}${w.month}月${w.day}日`
}
