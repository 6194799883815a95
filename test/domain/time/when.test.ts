import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatClock, parseWhen, whenReasonText } from '../../../src/domain/time/index.js'

const TZ = 'Asia/Shanghai'
// a Friday morning in Shanghai
const NOW = new Date('2026-11-20T09:30:00+08:00')
const at = (s: string) => {
  const r = parseWhen(s, NOW, TZ)
  return r.ok ? (r.value.immediate ? '立即' : formatClock(r.value.at, TZ)) : `ERR ${r.reason.code}`
}

describe('parseWhen', () => {
  it.each([
    ['立即', '立即'],
    ['马上', '立即'],
    ['现在', '立即'],
    ['明天9点', '11月21日 09:00'],
    ['明天九点', '11月21日 09:00'],
    ['明天 9:00', '11月21日 09:00'],
    ['明天上午十点半', '11月21日 10:30'],
    ['今晚8点半', '11月20日 20:30'],
    ['今天下午3点一刻', '11月20日 15:15'],
    ['后天上午10:30', '11月22日 10:30'],
    ['明晚七点', '11月21日 19:00'],
    ['12月1日 19:00', '12月1日 19:00'],
    ['12月1号19:00', '12月1日 19:00'],
    ['十二月一日晚上七点', '12月1日 19:00'],
    ['12/1 19:00', '12月1日 19:00'],
    ['2026-12-01 08:00', '12月1日 08:00'],
    ['2026年12月1日', '12月1日 09:00'],
    ['周五下午3点', '11月20日 15:00'],
    ['周日', '11月22日 09:00'],
    ['星期一 上午 10点', '11月23日 10:00'],
    ['下周一', '11月30日 09:00'],
    ['9点', '11月21日 09:00'],
    ['中午12点', '11月20日 12:00'],
    ['１２月１日 １９：００', '12月1日 19:00'],
  ])('%s → %s', (input, expected) => {
    expect(at(input)).toBe(expected)
  })

  it('rolls a date already past this year into next year', () => {
    const r = parseWhen('11月1日', NOW, TZ)
    expect(r.ok && r.value.at.toISOString()).toBe('2027-11-01T01:00:00.000Z')
  })

  it.each([
    ['13月1日', 'noSuchDay'],
    ['2月30日', 'noSuchDay'],
    ['明天25点', 'badClock'],
    ['随便', 'unreadable'],
    ['', 'empty'],
    ['今天早上8点', 'past'],
    ['两年后', 'unreadable'],
    ['2028年1月1日', 'tooFar'],
  ])('refuses %j (%s) with a helpful reply', (input, code) => {
    const r = parseWhen(input, NOW, TZ)
    expect(!r.ok && r.reason.code).toBe(code)
    if (!r.ok) expect(whenReasonText(r.reason, TZ)).toMatch(/[\u4e00-\u9fff]/)
  })

  it('says when a time has already passed', () => {
    const r = parseWhen('今天早上8点', NOW, TZ)
    expect(!r.ok && r.reason).toEqual({ code: 'past', at: new Date('2026-11-20T08:00:00+08:00') })
    if (!r.ok) expect(whenReasonText(r.reason, TZ)).toBe('11月20日 08:00 已经过去了，请说一个以后的时间，或说「立即」。')
  })

  it('reads a day word with its part of the day, and no second part after it', () => {
    expect(at('今晚8')).toBe('11月20日 20:00')
    expect(at('明早7点')).toBe('11月21日 07:00')
    expect(at('今晚')).toBe('ERR unreadable')
    expect(at('今晚晚上8点')).toBe('ERR unreadable')
  })

  it('never throws, and always answers in Chinese or with a future time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseWhen(s, NOW, TZ)
        if (r.ok) expect(r.value.at.getTime()).toBeGreaterThanOrEqual(NOW.getTime())
        else expect(whenReasonText(r.reason, TZ)).toMatch(/[\u4e00-\u9fff]/)
      }),
      { numRuns: 500 },
    )
  })
})
