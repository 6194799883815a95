import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findConflicts, placeKeys, placeLabel, type Work } from '../../../src/domain/implementation/conflicts.js'

const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`)
const end = (iso: string) => new Date(`${iso}T23:59:00+08:00`)

let nextId = 1
const work = (p: Partial<Work> & { places: string[] }): Work => ({
  id: nextId++,
  project: nextId + 100,
  partner: '绿化所',
  startsAt: day('2026-12-01'),
  dueAt: end('2026-12-31'),
  ...p,
})

describe('placeKeys', () => {
  it('a building gives only its key; places outside buildings are normalised; deduplicated and sorted', () => {
    expect(
      placeKeys([
        { building: 12, place: '12号楼门口' },
        { building: 3, place: null },
        { building: 3, place: '3号楼楼道' },
        { building: null, place: ' 中心花园附近 ' },
        { building: null, place: '中心花园' },
        { building: null, place: '中心花园的' },
        { building: null, place: '小区大门处' },
        { building: null, place: null },
        { building: null, place: '  ' },
      ]),
    ).toEqual(['b:3', 'b:12', 'a:中心花园', 'a:小区大门'])
  })

  it('full-width text is the same place; a place that is just a building is that building', () => {
    expect(placeKeys([{ building: null, place: 'ＡＢ广场' }, { building: null, place: 'AB广场' }])).toEqual(['a:AB广场'])
    expect(placeKeys([{ building: null, place: '三号楼' }, { building: 3, place: null }])).toEqual(['b:3'])
  })

  it('labels', () => {
    expect(placeLabel('b:3')).toBe('3号楼')
    expect(placeLabel('a:中心花园')).toBe('中心花园')
  })
})

describe('findConflicts', () => {
  const mine = work({ project: 3, places: ['b:3', 'a:中心花园'] })

  it('flags the same building in overlapping windows', () => {
    const other = work({ project: 5, places: ['b:3'], startsAt: day('2026-12-10'), dueAt: end('2027-01-15') })
    expect(findConflicts(mine, [other])).toEqual([{ other, places: ['b:3'] }])
  })

  it('flags a shared area, and lists every shared place', () => {
    const other = work({ project: 5, places: ['a:中心花园', 'b:3', 'b:7'] })
    expect(findConflicts(mine, [other])[0]?.places).toEqual(['b:3', 'a:中心花园'])
  })

  it('does not flag different places', () => {
    expect(findConflicts(mine, [work({ project: 5, places: ['b:4', 'a:小区大门'] })])).toEqual([])
  })

  it('does not flag windows that do not overlap, or merely touch', () => {
    const before = work({ project: 5, places: ['b:3'], startsAt: day('2026-11-01'), dueAt: day('2026-11-20') })
    const touching = work({ project: 6, places: ['b:3'], startsAt: mine.dueAt, dueAt: end('2027-01-31') })
    const touchingBefore = work({ project: 7, places: ['b:3'], startsAt: day('2026-11-01'), dueAt: mine.startsAt })
    expect(findConflicts(mine, [before, touching, touchingBefore])).toEqual([])
  })

  it('never flags the same project (an earlier assignment of it) or the work itself', () => {
    expect(findConflicts(mine, [work({ project: 3, places: ['b:3'] }), mine])).toEqual([])
  })

  it('is symmetric and agrees with interval overlap', () => {
    const keys = fc.subarray(['b:1', 'b:2', 'b:3', 'a:中心花园', 'a:小区大门'])
    const windowed = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), keys, fc.integer({ min: 1, max: 4 }))
    fc.assert(
      fc.property(windowed, windowed, ([s1, l1, p1, pr1], [s2, l2, p2, pr2]) => {
        const base = day('2026-12-01').getTime()
        const mk = (s: number, l: number, places: string[], project: number, id: number): Work => ({
          id,
          project,
          partner: 'x',
          places,
          startsAt: new Date(base + s * 86_400_000),
          dueAt: new Date(base + (s + l) * 86_400_000),
        })
        const a = mk(s1, l1, p1, pr1, 1)
        const b = mk(s2, l2, p2, pr2, 2)
        const ab = findConflicts(a, [b])
        const ba = findConflicts(b, [a])
        expect(ab.length).toBe(ba.length)
        const expected = pr1 !== pr2 && p1.some((p) => p2.includes(p)) && l1 > 0 && l2 > 0 && s1 < s2 + l2 && s2 < s1 + l1
        expect(ab.length === 1).toBe(expected)
        if (ab[0]) expect(ab[0].places).toEqual(ba[0]!.places)
      }),
      { numRuns: 1000 },
    )
  })
})
