import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseTargets } from '../../src/domain/targets.js'
import { composeText } from '../../src/features/notices/text.js'

describe('parseTargets', () => {
  it.each([
    ['全部', 'all'],
    ['所有楼', 'all'],
    ['全体', 'all'],
    ['3号楼', [3]],
    ['3号楼 5号楼', [3, 5]],
    ['3、5、7号楼', [3, 5, 7]],
    ['三号楼和五号楼', [3, 5]],
    ['3-6号楼', [3, 4, 5, 6]],
    ['3到5栋', [3, 4, 5]],
    ['５，３', [3, 5]],
    ['12幢 2幢', [2, 12]],
  ])('%s', (input, expected) => {
    const r = parseTargets(input)
    expect(r.ok && r.value).toEqual(expected)
  })

  it.each([
    ['', 'empty'],
    ['随便', 'unreadable'],
    ['3号楼的张三', 'unreadable'],
    ['0号楼', 'badNumber'],
    ['东区', 'unreadable'],
  ])('refuses %j (%s) with a helpful reply', (input, code) => {
    const r = parseTargets(input)
    expect(!r.ok && r.reason.code).toBe(code)
    if (!r.ok) expect(composeText.badTargets(r.reason)).toContain('全部')
  })

  it('never throws; a rejection always says how to answer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseTargets(s)
        if (!r.ok) expect(composeText.badTargets(r.reason)).toMatch(/[\u4e00-\u9fff]/)
        else expect(r.value === 'all' || r.value.every((n) => n >= 1 && n <= 999)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
