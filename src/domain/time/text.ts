import { cut } from '../text.js'
import { wallTime } from './clock.js'
import type { WhenReason } from './when.js'

/** "11月20日 09:05" in the given time zone. */
export function formatClock(d: Date, timeZone: string): string {
  const w = wallTime(d, timeZone)
  return `${w.month}月${w.day}日 ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

/** "2026-11-20 09:05": the wall clock in the time zone, for a spreadsheet cell (Excel has no zones). */
export function formatStamp(d: Date, timeZone: string): string {
  const w = wallTime(d, timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`
}

const EXAMPLES = '例如「立即」「明天9点」「12月1日 19:00」「周五下午3点」。'

/** Why a time could not be read, in a sentence (the notices' compose dialog and the rounds' deadlines). */
export function whenReasonText(r: WhenReason, timeZone: string): string {
  switch (r.code) {
    case 'empty':
      return `请说发送时间，${EXAMPLES}`
    case 'noSuchDay':
      return `没有这一天，${EXAMPLES}`
    case 'badClock':
      return `时间 ${r.hour}点${r.minute ? `${r.minute}分` : ''} 不对，${EXAMPLES}`
    case 'unreadable':
      return `没看懂「${cut(r.input, 20)}」这个时间，${EXAMPLES}`
    case 'past':
      return `${formatClock(r.at, timeZone)} 已经过去了，请说一个以后的时间，或说「立即」。`
    case 'tooFar':
      return `时间太远了（一年以内），${EXAMPLES}`
  }
}
