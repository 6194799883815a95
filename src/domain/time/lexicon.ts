/** The words of a time as people say it: 立即, 明天9点, 今晚8点半, 12月1日 19:00, 周五下午3点. */

/** 立即 and the like: send as soon as it is confirmed (spaces removed first) */
export const NOW = /^(立即|立刻|马上|现在|即刻|now|直接发|现在发)$/i

/** 2026年12月1日, 12月1号 */
export const DATE_WORDS = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?/
/** 2026-12-01, 12/1 */
export const DATE_DIGITS = /^(?:(\d{4})[/-])?(\d{1,2})[/-](\d{1,2})(?=$| )/

/** a day said as a word: days from today, and the part of the day it brings along (今晚 = 今天晚上) */
export const DAY_WORDS: Record<string, { ahead: number; part?: string }> = {
  今天: { ahead: 0 },
  今日: { ahead: 0 },
  今晚: { ahead: 0, part: '晚上' },
  明天: { ahead: 1 },
  明日: { ahead: 1 },
  明早: { ahead: 1, part: '早上' },
  明晚: { ahead: 1, part: '晚上' },
  后天: { ahead: 2 },
  大后天: { ahead: 3 },
}
export const DAY_WORD = new RegExp(`^(${Object.keys(DAY_WORDS).join('|')})`)

/** (下)周五 / 星期一 / 礼拜天: group 1 is 下 (next week), group 2 the day */
export const WEEKDAY = /^(?:(下)|这|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])/
export const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 0 }

/** the parts of the day: which half of the clock an hour said with them is on */
export const PARTS: Record<string, 'am' | 'noon' | 'pm'> = {
  早上: 'am',
  上午: 'am',
  中午: 'noon',
  下午: 'pm',
  傍晚: 'pm',
  晚上: 'pm',
  夜里: 'pm',
  凌晨: 'am',
}

/** [part] hour [:mm | 点 [半 | mm分 | 1刻/3刻 | 整] | 时]: groups part, hour, mm, 半, 分, 刻 */
export const CLOCK = new RegExp(`^(${Object.keys(PARTS).join('|')})?(\\d{1,2})(?:[:：](\\d{2})|点(?:(半)|(\\d{1,2})分?|([13])刻|整)?|时)?$`)
/** the hour is said as one (9点, 9时), not a bare number */
export const HOUR_WORD = /点|时/
