import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_YUAN, parseMoney } from '../../../src/domain/implementation/money.js'
import { formatDay, formatMoney } from '../../../src/features/implementation/text.js'

const TZ = 'Asia/Shanghai'
// Sunday 22 November 2026, 10:00 in Shanghai
const NOW = new Date('2026-11-22T02:00:00Z')

describe('formatDay', () => {
  it('shows the day, and the year only when it is not the year of now', () => {
    expect(formatDay(new Date('2026-12-31T15:59:00Z'), TZ)).toBe('12月31日')
    expect(formatDay(new Date('2026-12-31T15:59:00Z'), TZ, NOW)).toBe('12月31日')
    expect(formatDay(new Date('2027-01-31T15:59:00Z'), TZ, NOW)).toBe('2027年1月31日')
    expect(formatDay(new Date('2027-01-31T15:59:00Z'), TZ)).toBe('1月31日')
    // 31 Dec 20:00 UTC is already 1 January in Shanghai
    expect(formatDay(new Date('2026-12-31T20:00:00Z'), TZ, NOW)).toBe('2027年1月1日')
  })
})

describe('formatMoney', () => {
  it.each([
    [50000, '5万元'],
    [12000, '1.2万元'],
    [15500, '1.55万元'],
    [10000, '1万元'],
    [8000, '8000元'],
    [12345, '12345元'],
    [0, '0元'],
    [2000000, '200万元'],
    [300000000, '3亿元'],
  ])('%d → %s', (n, expected) => {
    expect(formatMoney(n)).toBe(expected)
  })

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_YUAN }), (n) => {
        expect(parseMoney(formatMoney(n))).toBe(n)
      }),
      { numRuns: 2000 },
    )
  })
})
