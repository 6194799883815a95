import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_PART_CHARS, splitLongText } from '../../src/domain/splitText.js'

const PREFIX = /^\((\d+)\/(\d+)\) /

/** Checks numbering (1/n)…(n/n) and returns the parts without their prefixes. */
function strip(parts: string[]): string[] {
  return parts.map((p, i) => {
    const m = PREFIX.exec(p)
    expect(m, p.slice(0, 20)).not.toBeNull()
    expect(Number(m![1])).toBe(i + 1)
    expect(Number(m![2])).toBe(parts.length)
    return p.slice(m![0].length)
  })
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

describe('splitLongText', () => {
  it('leaves short texts unchanged', () => {
    expect(splitLongText('')).toEqual([''])
    expect(splitLongText('您好')).toEqual(['您好'])
    const exactly = '字'.repeat(MAX_PART_CHARS)
    expect(splitLongText(exactly)).toEqual([exactly])
  })

  it('splits 5,000 characters into numbered parts of at most 1,000 that reassemble exactly', () => {
    const sentence = '3号楼门口的路灯坏了，晚上很黑，老人出门不方便。'
    const body = sentence.repeat(Math.ceil(5000 / sentence.length)).slice(0, 5000)
    const parts = splitLongText(body)
    expect(parts.length).toBeGreaterThanOrEqual(5)
    expect(parts.length).toBeLessThanOrEqual(7)
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1000)
    expect(parts[0]).toMatch(/^\(1\/\d\) /)
    expect(parts.at(-1)).toMatch(new RegExp(`^\\(${parts.length}/${parts.length}\\) `))
    expect(strip(parts).join('')).toBe(body)
  })

  it('cuts at a sentence end when there is one in the second half', () => {
    const body = `${'甲'.repeat(700)}。${'乙'.repeat(700)}`
    const parts = strip(splitLongText(body))
    expect(parts[0]).toBe(`${'甲'.repeat(700)}。`)
  })

  it('cuts at the latest line or sentence end', () => {
    const body = `${'甲'.repeat(600)}\n${'乙'.repeat(300)}。${'丙'.repeat(500)}`
    expect(strip(splitLongText(body))[0]).toBe(`${'甲'.repeat(600)}\n${'乙'.repeat(300)}。`)
    const lines = `${'甲'.repeat(600)}。${'乙'.repeat(300)}\n${'丙'.repeat(500)}`
    expect(strip(splitLongText(lines))[0]).toBe(`${'甲'.repeat(600)}。${'乙'.repeat(300)}\n`)
  })

  it('cuts hard when there is no break in the second half', () => {
    const parts = splitLongText('字'.repeat(2500))
    expect(parts.map((p) => p.length)).toEqual([1000, 1000, 518])
  })

  it('never cuts an emoji in half', () => {
    for (const body of ['😀'.repeat(3000), `a${'😀'.repeat(3000)}`]) {
      const parts = splitLongText(body)
      for (const p of parts) {
        expect(p).not.toMatch(loneSurrogate)
        expect(p.length).toBeLessThanOrEqual(1000)
      }
      expect(strip(parts).join('')).toBe(body)
    }
  })

  it('widens the prefix for 10 or more parts and still respects max', () => {
    const body = 'x'.repeat(12_000)
    const parts = splitLongText(body)
    expect(parts.length).toBeGreaterThanOrEqual(10)
    expect(parts[9]).toMatch(/^\(10\/\d\d\) /)
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1000)
    expect(strip(parts).join('')).toBe(body)
  })

  it('refuses a max too small for any prefix instead of looping forever', () => {
    expect(() => splitLongText('x'.repeat(100), 5)).toThrow(RangeError)
  })

  it('property: parts fit, are numbered, and reassemble the original', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6000 }),
      fc.string({ unit: 'binary', maxLength: 6000 }),
      fc.string({ unit: fc.constantFrom('字', '。', '\n', '😀', 'a', '.', ' '), minLength: 900, maxLength: 8000 }),
    )
    fc.assert(
      fc.property(text, fc.integer({ min: 40, max: 1200 }), (body, max) => {
        const parts = splitLongText(body, max)
        if (body.length <= max) {
          expect(parts).toEqual([body])
          return
        }
        expect(parts.length).toBeGreaterThan(1)
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(max)
        const bare = strip(parts)
        for (const p of bare) expect(p).not.toBe('')
        expect(bare.join('')).toBe(body)
      }),
      { numRuns: 200 },
    )
  })
})
