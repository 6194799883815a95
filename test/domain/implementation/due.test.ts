import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDue } from '../../../src/domain/implementation/due.js'
import { formatClock, wallTime } from '../../../src/domain/time/index.js'
import { reasonText } from '../../../src/features/implementation/reasons.text.js'

const TZ = 'Asia/Shanghai'
// Sunday 22 November 2026, 10:00 in Shanghai
const NOW = new Date('2026-11-22T02:00:00Z')
const due = (s: string, now = NOW) => {
  const r = parseDue(s, now, TZ)
  return r.ok ? `${wallTime(r.value, TZ).year} ${formatClock(r.value, TZ)}` : `ERR ${reasonText.due(r.reason, TZ, now)}`
}

const CJK = /[\u4e00-\u9fff]/

describe('parseDue', () => {
  it.each([
    ['12月底', '2026 12月31日 23:59'],
    ['12月末', '2026 12月31日 23:59'],
    ['12月中', '2026 12月15日 23:59'],
    ['12月中旬', '2026 12月15日 23:59'],
    ['12月初', '2026 12月10日 23:59'],
    ['12月上旬', '2026 12月10日 23:59'],
    ['12月下旬', '2026 12月31日 23:59'],
    ['12月15日', '2026 12月15日 23:59'],
    ['12月15号', '2026 12月15日 23:59'],
    ['12-15', '2026 12月15日 23:59'],
    ['12/15', '2026 12月15日 23:59'],
    ['2027年1月底', '2027 1月31日 23:59'],
    ['2027年1月15日', '2027 1月15日 23:59'],
    ['2027-1-15', '2027 1月15日 23:59'],
    ['二〇二七年一月底', '2027 1月31日 23:59'],
    ['1月底', '2027 1月31日 23:59'],
    ['2月底', '2027 2月28日 23:59'],
    ['十月底', '2027 10月31日 23:59'],
    ['11月底', '2026 11月30日 23:59'],
    ['月底', '2026 11月30日 23:59'],
    ['本月底', '2026 11月30日 23:59'],
    ['这个月底', '2026 11月30日 23:59'],
    ['下月底', '2026 12月31日 23:59'],
    ['下个月底', '2026 12月31日 23:59'],
    ['下月中', '2026 12月15日 23:59'],
    ['下个月15号', '2026 12月15日 23:59'],
    ['年底', '2026 12月31日 23:59'],
    ['今年底', '2026 12月31日 23:59'],
    ['今年年底', '2026 12月31日 23:59'],
    ['年内', '2026 12月31日 23:59'],
    ['明年底', '2027 12月31日 23:59'],
    ['明年3月', '2027 3月31日 23:59'],
    ['明年3月15日', '2027 3月15日 23:59'],
    ['3月', '2027 3月31日 23:59'],
    ['三月份', '2027 3月31日 23:59'],
    ['两周', '2026 12月6日 23:59'],
    ['2周内', '2026 12月6日 23:59'],
    ['两个星期', '2026 12月6日 23:59'],
    ['3天', '2026 11月25日 23:59'],
    ['10天内', '2026 12月2日 23:59'],
    ['30日内', '2026 12月22日 23:59'],
    ['一个月', '2026 12月22日 23:59'],
    ['1个月内', '2026 12月22日 23:59'],
    ['半个月', '2026 12月7日 23:59'],
    ['一个半月', '2027 1月6日 23:59'],
    ['半年', '2027 5月22日 23:59'],
    ['15号', '2026 12月15日 23:59'],
    ['25号', '2026 11月25日 23:59'],
    ['明天', '2026 11月23日 23:59'],
    ['下周', '2026 11月29日 23:59'],
    ['下周五', '2026 12月4日 23:59'],
    ['预计12月底', '2026 12月31日 23:59'],
    ['计划12月底', '2026 12月31日 23:59'],
    ['争取12月中旬完成', '2026 12月15日 23:59'],
    ['完成12月底', '2026 12月31日 23:59'],
    ['12月底前', '2026 12月31日 23:59'],
    ['12月底之前', '2026 12月31日 23:59'],
    ['预计12月底前完工', '2026 12月31日 23:59'],
    ['预计 12月底 前', '2026 12月31日 23:59'],
    ['１２月底', '2026 12月31日 23:59'],
    ['十二月十五日', '2026 12月15日 23:59'],
    ['12月底。', '2026 12月31日 23:59'],
  ])('%s → %s', (input, expected) => {
    expect(due(input)).toBe(expected)
  })

  it('is the end of the day in the given time zone', () => {
    const r = parseDue('12月31日', NOW, TZ)
    expect(r.ok && r.value.toISOString()).toBe('2026-12-31T15:59:00.000Z')
    const ny = parseDue('12月31日', NOW, 'America/New_York')
    expect(ny.ok && ny.value.toISOString()).toBe('2027-01-01T04:59:00.000Z')
  })

  it('a month already over this year is next year’s; the current month is this year’s', () => {
    expect(due('10月15日')).toBe('2027 10月15日 23:59')
    expect(due('11月30日')).toBe('2026 11月30日 23:59')
  })

  it.each([
    ['11月15日', '已经过去了'],
    ['本月15号', '已经过去了'],
    ['2025年12月底', '已经过去了'],
    ['今年3月', '已经过去了'],
    ['2029年1月', '太远了'],
    ['2028年底', '太远了'],
    ['1000天', '太远了'],
    ['2月30日', '没有2月30日'],
    ['13月', '没有13月'],
    ['随便', '没看懂'],
    ['12月低', '没看懂'],
    ['', '请写预计完成时间'],
    ['   ', '请写预计完成时间'],
  ])('refuses %j: %s', (input, why) => {
    const r = parseDue(input, NOW, TZ)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(reasonText.due(r.reason, TZ, NOW)).toContain(why)
      expect(reasonText.due(r.reason, TZ, NOW)).toMatch(/12月底|两周/)
    }
  })

  it.each([
    ['', { code: 'empty' }],
    ['随便', { code: 'unread', text: '随便' }],
    ['2月30日', { code: 'noSuchDay', month: 2, day: 30 }],
    ['13月', { code: 'noSuchDay', month: 13 }],
    ['11月15日', { code: 'past', at: new Date('2026-11-15T15:59:00Z') }],
    ['2029年1月', { code: 'tooFar', at: new Date('2029-01-31T15:59:00Z') }],
  ])('gives the reason for %j', (input, reason) => {
    const r = parseDue(input, NOW, TZ)
    expect(!r.ok && r.reason).toEqual(reason)
  })

  it('today’s end has passed once the clock is past 23:59', () => {
    const late = new Date('2026-11-30T15:59:30Z') // 23:59:30 on 30 November in Shanghai
    expect(due('月底', late)).toMatch(/^ERR .*已经过去了/)
    expect(due('月底', new Date('2026-11-30T15:58:00Z'))).toBe('2026 11月30日 23:59')
  })

  it('N days ahead is the end of that day, up to two years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 730 }), (n) => {
        const r = parseDue(`${n}天`, NOW, TZ)
        expect(r.ok).toBe(true)
        if (r.ok) {
          const expected = new Date(Date.UTC(2026, 10, 22 + n, 15, 59))
          expect(r.value.toISOString()).toBe(expected.toISOString())
        }
      }),
    )
  })

  it('never throws; a due date is in the future and within two years; a rejection is short Chinese', () => {
    const datey = fc
      .array(fc.constantFrom('12', '1', '３', '十二', '两', '月', '底', '中', '初', '旬', '下', '上', '日', '号', '年', '2027', '明', '周', '天', '个', '内', '前', '预计', '-', '/', ' ', '半', '本'), { maxLength: 8 })
      .map((a) => a.join(''))
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), datey),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        (s, now) => {
          const r = parseDue(s, now, TZ)
          if (r.ok) {
            expect(r.value.getTime()).toBeGreaterThan(now.getTime())
            expect(r.value.getTime() - now.getTime()).toBeLessThanOrEqual(733 * 86_400_000)
            expect(wallTime(r.value, TZ)).toMatchObject({ hour: 23, minute: 59 })
          } else {
            expect(reasonText.due(r.reason, TZ, now)).toMatch(CJK)
            expect(reasonText.due(r.reason, TZ, now).length).toBeLessThan(120)
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('is quick on a very long message', () => {
    const t = Date.now()
    parseDue('了'.repeat(20000), NOW, TZ)
    parseDue('一'.repeat(20000), NOW, TZ)
    expect(Date.now() - t).toBeLessThan(1000)
  })
})
