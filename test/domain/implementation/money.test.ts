import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_YUAN, parseMoney } from '../../../src/domain/implementation/money.js'

describe('parseMoney', () => {
  it.each([
    ['5万', 50000],
    ['5万元', 50000],
    ['0.5万', 5000],
    ['五万', 50000],
    ['十万', 100000],
    ['两万', 20000],
    ['3千', 3000],
    ['3千元', 3000],
    ['三千元', 3000],
    ['1.2万', 12000],
    ['1.55万元', 15500],
    ['一万五', 15000],
    ['1万5千', 15000],
    ['1万5000', 15000],
    ['3千5', 3500],
    ['50000元', 50000],
    ['50000', 50000],
    ['50,000元', 50000],
    ['¥8000', 8000],
    ['￥8000', 8000],
    ['8000块', 8000],
    ['8000块钱', 8000],
    ['５万元', 50000],
    ['5w', 50000],
    ['8k', 8000],
    ['零点五万', 5000],
    ['两百万', 2000000],
    ['2百万', 2000000],
    ['1亿', 100000000],
    ['约5万元', 50000],
    ['5万左右', 50000],
    ['0元', 0],
    ['8000.4元', 8000],
  ])('%s → %d', (input, expected) => {
    expect(parseMoney(input)).toBe(expected)
  })

  it.each(['', '万', '元', 'abc', '很多', '-5', '1万50', '5万元元', '3号楼', '5.5.5万', '100亿', '1,00元'])('%j is not an amount', (input) => {
    expect(parseMoney(input)).toBeUndefined()
  })

  it('never throws; an amount is a whole number of yuan within bounds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 }), moneyish), (s) => {
        const v = parseMoney(s)
        if (v !== undefined) {
          expect(Number.isInteger(v)).toBe(true)
          expect(v).toBeGreaterThanOrEqual(0)
          expect(v).toBeLessThanOrEqual(MAX_YUAN)
        }
      }),
      { numRuns: 1000 },
    )
  })
})

const moneyish = fc
  .array(fc.constantFrom('5', '0', '.', '万', '千', '百', '元', '块', '¥', '￥', '五', '十', '两', '一', '点', ',', 'k', 'w', '约', '左右', '１', ' '), { maxLength: 10 })
  .map((a) => a.join(''))
