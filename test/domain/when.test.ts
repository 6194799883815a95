import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatClock } from '../../src/domain/time.js'
import { parseWhen } from '../../src/domain/when.js'

const TZ = 'Asia/Shanghai'
// a Friday morning in Shanghai
const NOW = new Date('2026-11-20T09:30:00+08:00')
const at = (s: string) => {
  const r = parseWhen(s, NOW, TZ)
  return r.ok ? (r.value.immediate ? '立即' : formatClock(r.value.at, TZ)) : `ERR ${r.reply}`
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

  it.each(['13月1日', '2月30日', '明天25点', '随便', '', '今天早上8点', '两年后'])('refuses %j with a helpful reply', (input) => {
    const r = parseWhen(input, NOW, TZ)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reply).toMatch(/[\u4e00-\u9fff]/)
  })

  it('says when a time has already passed', () => {
    const r = parseWhen('今天早上8点', NOW, TZ)
    expect(!r.ok && r.reply).toContain('已经过去了')
  })

  it('never throws, and always answers in Chinese or with a future time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseWhen(s, NOW, TZ)
        if (r.ok) expect(r.value.at.getTime()).toBeGreaterThanOrEqual(NOW.getTime())
        else expect(r.reply).toMatch(/[\u4e00-\u9fff]/)
      }),
      { numRuns: 500 },
    )
  })
})
