import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { departmentKey, departmentOverlaps, type StreetWork } from '../../../src/domain/street/departmentLoad.js'
import { leastSpanMs } from '../../../src/domain/pacing.js'

const day = (d: number) => new Date(Date.UTC(2026, 11, d))
const work = (community: string, partner: string, project: number, from: number, to: number): StreetWork => ({ community, partner, project, startsAt: day(from), dueAt: day(to) })

describe('departments across communities', () => {
  it('flags one department working in two communities at once, with the span of the overlap', () => {
    const loads = departmentOverlaps([
      work('幸福里', '城管科', 3, 1, 20),
      work('安康', '城管 科', 7, 5, 30),
      work('幸福里', '绿化所', 4, 1, 10),
      work('安康', '绿化所', 8, 10, 20),
    ])
    expect(loads).toHaveLength(1)
    expect(loads[0]!.partner).toBe('城管科')
    expect(loads[0]!.communities).toEqual(['幸福里', '安康'])
    expect(loads[0]!.works.map((w) => w.project)).toEqual([3, 7])
    expect(loads[0]!.from).toEqual(day(5))
    expect(loads[0]!.until).toEqual(day(20))
  })

  it('leaves a department alone whose overlapping works are in one community (its staff coordinate them)', () => {
    expect(departmentOverlaps([work('幸福里', '城管科', 3, 1, 20), work('幸福里', '城管科', 5, 2, 9), work('安康', '城管科', 7, 21, 30)])).toEqual([])
  })

  it('reads full-width and spaced names as one department', () => {
    expect(departmentKey('ＡＢＣ 城管科')).toBe(departmentKey('abc城管科'))
  })

  it('only ever reports overlaps across communities, each work at most once', () => {
    const arb = fc.array(
      fc.record({ community: fc.constantFrom('甲', '乙', '丙'), partner: fc.constantFrom('城管科', '绿化所'), project: fc.nat(50), from: fc.integer({ min: 1, max: 25 }), len: fc.integer({ min: 1, max: 10 }) }),
      { maxLength: 12 },
    )
    fc.assert(
      fc.property(arb, (rows) => {
        const works = rows.map((r) => work(r.community, r.partner, r.project, r.from, r.from + r.len))
        for (const l of departmentOverlaps(works)) {
          expect(l.communities.length).toBeGreaterThanOrEqual(2)
          expect(new Set(l.works).size).toBe(l.works.length)
          for (const w of l.works) {
            const partner = works.some((o) => o !== w && o.community !== w.community && departmentKey(o.partner) === departmentKey(w.partner) && o.startsAt < w.dueAt && w.startsAt < o.dueAt)
            expect(partner).toBe(true)
          }
        }
      }),
    )
  })
})

describe('the least time of a broadcast', () => {
  const rules = { chatIntervalMs: 1000, switchIntervalMs: 3000, perMinute: 40 }
  it('is the per-minute budget for many groups, the switch pause for a few', () => {
    expect(leastSpanMs(1, rules)).toBe(0)
    expect(leastSpanMs(10, rules)).toBe(9 * 3000)
    // a 3 s pause between groups makes 20 a minute: the budget of 40 never binds
    expect(leastSpanMs(80, rules)).toBe(79 * 3000)
    // a 1 s pause: 40 in the first 39 s, the 41st waits for the first to be a minute old
    expect(leastSpanMs(80, { ...rules, switchIntervalMs: 1000 })).toBe(60_000 + 39 * 1000)
  })
})
