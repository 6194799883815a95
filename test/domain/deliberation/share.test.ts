import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { above, needed, parseShare, reaches } from '../../../src/domain/deliberation/share.js'
import { resolutionOutcome } from '../../../src/domain/rounds/resolution.js'

describe('parseShare', () => {
  it.each([
    ['过半', { num: 1, den: 2 }],
    ['半数以上', { num: 1, den: 2 }],
    ['三分之二', { num: 2, den: 3 }],
    ['3分之2', { num: 2, den: 3 }],
    ['2/3', { num: 2, den: 3 }],
    ['２／３', { num: 2, den: 3 }],
    ['50%', { num: 1, den: 2 }],
    ['66.7%', { num: 667, den: 1000 }],
    ['百分之六十', { num: 3, den: 5 }],
    ['六成', { num: 3, den: 5 }],
    ['至少 50%', { num: 1, den: 2 }],
    ['三分之二以上', { num: 2, den: 3 }],
  ])('%s → %j', (input, share) => {
    expect(parseShare(input)).toEqual({ ok: true, value: share })
  })

  it.each([
    ['', 'empty'],
    ['很多', 'unreadable'],
    ['0%', 'range'],
    ['120%', 'range'],
    ['3/2', 'range'],
    ['0/0', 'range'],
  ])('%s → %s', (input, code) => {
    const r = parseShare(input)
    expect(!r.ok && r.reason.code).toBe(code)
  })

  it('never throws, and a share it reads is a reduced fraction in (0, 1]', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.tuple(fc.integer({ min: -5, max: 200 }), fc.constantFrom('%', '/3', '成', '分之一')).map(([n, s]) => `${n}${s}`)), (input) => {
        const r = parseShare(input)
        if (r.ok) {
          expect(r.value.num).toBeGreaterThan(0)
          expect(r.value.num).toBeLessThanOrEqual(r.value.den)
        }
      }),
    )
  })

  it('compares exactly: above is strict, reaches is not', () => {
    const half = { num: 1, den: 2 }
    const twoThirds = { num: 2, den: 3 }
    expect(above(5, 10, half)).toBe(false)
    expect(above(6, 10, half)).toBe(true)
    expect(reaches(6, 9, twoThirds)).toBe(true)
    expect(reaches(5, 9, twoThirds)).toBe(false)
    expect(needed(9, twoThirds)).toBe(6)
    expect(needed(10, twoThirds)).toBe(7)
  })
})

describe('resolutionOutcome', () => {
  const half = { num: 1, den: 2 }
  const twoThirds = { num: 2, den: 3 }

  it('a tie on the pass line does not pass', () => {
    expect(resolutionOutcome({ yes: 3, cast: 6, eligible: 9, pass: half, quorum: null }).passed).toBe(false)
    expect(resolutionOutcome({ yes: 4, cast: 6, eligible: 9, pass: half, quorum: null }).passed).toBe(true)
  })

  it('passes only with the quorum: 5 of 9 representatives is short of two thirds, 6 of 9 reaches it', () => {
    const short = resolutionOutcome({ yes: 5, cast: 5, eligible: 9, pass: half, quorum: twoThirds })
    expect(short).toMatchObject({ passed: false, quorum: { needed: 6, met: false } })
    const enough = resolutionOutcome({ yes: 4, cast: 6, eligible: 9, pass: half, quorum: twoThirds })
    expect(enough).toMatchObject({ passed: true, yes: 4, no: 2, quorum: { needed: 6, met: true } })
  })

  it('never passes without ballots, and passing implies the quorum and the line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (a, b, n, d, withQuorum) => {
        const cast = Math.max(a, b)
        const yes = Math.min(a, b)
        const share = { num: Math.min(n, d), den: Math.max(n, d) }
        const o = resolutionOutcome({ yes, cast, eligible: cast + 3, pass: share, quorum: withQuorum ? share : null })
        if (o.passed) {
          expect(cast).toBeGreaterThan(0)
          expect(yes * share.den).toBeGreaterThan(share.num * cast)
          if (withQuorum) expect(o.quorum!.met).toBe(true)
        }
      }),
    )
  })
})
