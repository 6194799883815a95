import type { Parsed } from './address.js'
import { addDays, formatClock, fromWallTime, wallTime, type WallTime } from './time.js'
import { convertAllNumerals, cut, normalizeWidth } from './text.js'

export interface When {
  at: Date
  /** said "now" (立即): send as soon as confirmed */
  immediate: boolean
}

const EXAMPLES = '例如「立即」「明天9点」「12月1日 19:00」「周五下午3点」。'
const DEFAULT_HOUR = 9
const MAX_DAYS_AHEAD = 366

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 0 }

/**
 * When to send, as people say it: 立即, 明天9点, 今晚8点半, 后天上午10:30, 12月1日 19:00,
 * 2026年12月1日, 12/1 19:00, 周五下午3点, 9点 (the next 9:00). A date alone means 9:00.
 */
export function parseWhen(input: string, now: Date, timeZone: string): Parsed<When> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? '')))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[，,。.！!]+$/, '')
  if (!s) return { ok: false, reply: `请说发送时间，${EXAMPLES}` }
  if (/^(立即|立刻|马上|现在|即刻|now|直接发|现在发)$/i.test(s.replace(/ /g, ''))) return { ok: true, value: { at: now, immediate: true } }

  const today = wallTime(now, timeZone)
  let day: WallTime | undefined
  let rest = s
  let dayGiven = false
  let m: RegExpExecArray | null
  if ((m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?/.exec(rest)) || (m = /^(?:(\d{4})[/-])?(\d{1,2})[/-](\d{1,2})(?=$| )/.exec(rest))) {
    const year = m[1] ? Number(m[1]) : today.year
    day = { year, month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 }
    const check = new Date(Date.UTC(day.year, day.month - 1, day.day))
    if (day.month < 1 || day.month > 12 || check.getUTCMonth() !== day.month - 1) return { ok: false, reply: `没有这一天，${EXAMPLES}` }
    // "12月1日" said in December of last year's date → next year
    if (!m[1] && fromWallTime({ ...day, hour: 23, minute: 59 }, timeZone) < now) day = { ...day, year: day.year + 1 }
    rest = rest.slice(m[0].length)
    dayGiven = true
  } else if ((m = /^(今天|今日|今晚|明天|明日|明早|明晚|后天|大后天)/.exec(rest))) {
    const offset = { 今天: 0, 今日: 0, 今晚: 0, 明天: 1, 明日: 1, 明早: 1, 明晚: 1, 后天: 2, 大后天: 3 }[m[1]!]!
    day = addDays(today, offset)
    if (m[1] === '今晚' || m[1] === '明晚') rest = `晚上${rest.slice(m[0].length)}`
    else if (m[1] === '明早') rest = `早上${rest.slice(m[0].length)}`
    else rest = rest.slice(m[0].length)
    dayGiven = true
  } else if ((m = /^(下|这|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])/.exec(rest))) {
    const target = WEEKDAYS[m[2]!]!
    let ahead = (target - today.weekday + 7) % 7
    if (m[1] === '下') ahead += 7
    day = addDays(today, ahead)
    rest = rest.slice(m[0].length)
    dayGiven = true
  }

  rest = rest.replace(/ /g, '')
  let hour = DEFAULT_HOUR
  let minute = 0
  const t = /^(早上|上午|中午|下午|傍晚|晚上|夜里|凌晨)?(\d{1,2})(?:[:：](\d{2})|点(?:(半)|(\d{1,2})分?|([13])刻|整)?|时)?$/.exec(rest)
  if (rest === '' && dayGiven) {
    // a day alone: 9:00
  } else if (t && (t[3] !== undefined || /点|时/.test(rest) || t[1])) {
    hour = Number(t[2])
    minute = t[3] !== undefined ? Number(t[3]) : t[4] ? 30 : t[5] ? Number(t[5]) : t[6] ? Number(t[6]) * 15 : 0
    const part = t[1]
    if ((part === '下午' || part === '傍晚' || part === '晚上' || part === '夜里') && hour < 12) hour += 12
    if (part === '中午' && hour < 6) hour += 12
    if (hour > 23 || minute > 59) return { ok: false, reply: `时间 ${t[2]}点${minute ? `${minute}分` : ''} 不对，${EXAMPLES}` }
  } else {
    return { ok: false, reply: `没看懂「${cut(String(input), 20)}」这个时间，${EXAMPLES}` }
  }

  let at: Date
  if (day) at = fromWallTime({ ...day, hour, minute }, timeZone)
  else {
    // a time alone: the next time the clock shows it
    at = fromWallTime({ ...today, hour, minute }, timeZone)
    if (at <= now) at = fromWallTime({ ...addDays(today, 1), hour, minute }, timeZone)
  }
  if (at.getTime() <= now.getTime()) return { ok: false, reply: `${formatClock(at, timeZone)} 已经过去了，请说一个以后的时间，或说「立即」。` }
  if (at.getTime() - now.getTime() > MAX_DAYS_AHEAD * 86_400_000) return { ok: false, reply: `时间太远了（一年以内），${EXAMPLES}` }
  return { ok: true, value: { at, immediate: false } }
}
