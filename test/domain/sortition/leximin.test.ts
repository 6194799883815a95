import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeProbabilities, type SelectionResult } from '../../../src/domain/sortition/leximin.js'
import { seededRandom } from '../../../src/domain/sortition/synthetic.js'
import type { Candidate, Instance, Quota } from '../../../src/domain/sortition/types.js'
import { allPanels, bruteForceLeximin, people } from './helpers.js'

async function solve(instance: Instance, options = {}): Promise<SelectionResult> {
  const r = await computeProbabilities(instance, options)
  if (!r.feasible) throw new Error(r.reasons.join('；'))
  return r
}

const probsOf = (r: SelectionResult, prefix: string): number[] =>
  Object.entries(r.probabilities)
    .filter(([id]) => id.startsWith(prefix))
    .map(([, p]) => p)

describe('LEXIMIN probabilities, known by hand', () => {
  it('a symmetric pool gives everyone seats/n', async () => {
    const r = await solve({ candidates: people(10, {}), seats: 4, quotas: [] })
    for (const p of Object.values(r.probabilities)) expect(p).toBeCloseTo(0.4, 5)
    expect(r.algorithm).toBe('leximin')
    expect(r.forced).toEqual([])
  })

  it('symmetric quotas on a symmetric pool keep it equal', async () => {
    const candidates = [...people(5, { gender: '女' }, 'w'), ...people(5, { gender: '男' }, 'm')]
    const quotas: Quota[] = [
      { feature: 'gender', value: '女', min: 2, max: 2 },
      { feature: 'gender', value: '男', min: 2, max: 2 },
    ]
    const r = await solve({ candidates, seats: 4, quotas })
    for (const p of Object.values(r.probabilities)) expect(p).toBeCloseTo(0.4, 5)
  })

  it('a building with one volunteer and a minimum of one: probability 1, and staff are warned', async () => {
    const candidates = [...people(1, { building: '3' }, 'a'), ...people(9, { building: '5' }, 'b')]
    const r = await solve({ candidates, seats: 3, quotas: [{ feature: 'building', value: '3', min: 1, max: 3 }] })
    expect(r.probabilities.a1).toBeCloseTo(1, 5)
    for (const p of probsOf(r, 'b')) expect(p).toBeCloseTo(2 / 9, 5)
    expect(r.forced).toEqual([{ id: 'a1', reason: '3号楼至少 1 席，而3号楼居民只有 1 位报名' }])
    expect(r.minProbability).toBeCloseTo(2 / 9, 5)
  })

  it('two groups: 3 men, 9 women, 4 seats, at least 2 men → men 2/3, women 2/9', async () => {
    // Equal chances would need E[men] = 1 < 2, so the minimum holds: men 2/3 each, women 2/9.
    const candidates = [...people(3, { gender: '男' }, 'm'), ...people(9, { gender: '女' }, 'w')]
    const r = await solve({ candidates, seats: 4, quotas: [{ feature: 'gender', value: '男', min: 2, max: 4 }] })
    for (const p of probsOf(r, 'm')) expect(p).toBeCloseTo(2 / 3, 5)
    for (const p of probsOf(r, 'w')) expect(p).toBeCloseTo(2 / 9, 5)
    expect(r.levels).toBe(2)
  })

  it('the second level matters: maximin leaves the rest open, LEXIMIN evens it out', async () => {
    // 3 seats, exactly 1 woman (6 volunteers → 1/6 each). The 2 men's seats go to 2 old and 4 young
    // men; LEXIMIN then equalises o/2 = (2−o)/4 → o = 2/3 → 1/3 each.
    const candidates = [
      ...people(6, { gender: '女', age: '60+' }, 'w'),
      ...people(2, { gender: '男', age: '60+' }, 'o'),
      ...people(4, { gender: '男', age: '18-39' }, 'y'),
    ]
    const quotas: Quota[] = [{ feature: 'gender', value: '女', min: 1, max: 1 }]
    const lex = await solve({ candidates, seats: 3, quotas })
    expect(lex.algorithm).toBe('leximin')
    for (const p of probsOf(lex, 'w')) expect(p).toBeCloseTo(1 / 6, 5)
    for (const p of [...probsOf(lex, 'o'), ...probsOf(lex, 'y')]) expect(p).toBeCloseTo(1 / 3, 5)
    const max = await solve({ candidates, seats: 3, quotas }, { algorithm: 'maximin' })
    expect(max.algorithm).toBe('maximin')
    expect(max.minProbability).toBeCloseTo(1 / 6, 5)
    expect(max.summary).toContain('MAXIMIN')
  })

  it('probabilities add up to the seats and the distribution is a distribution', async () => {
    const candidates = [...people(4, { building: '1', gender: '女' }, 'a'), ...people(3, { building: '2', gender: '男' }, 'b'), ...people(5, { building: '2', gender: '女' }, 'c')]
    const r = await solve({ candidates, seats: 5, quotas: [{ feature: 'building', value: '1', min: 1, max: 2 }, { feature: 'gender', value: '男', min: 2, max: 3 }] })
    const total = Object.values(r.probabilities).reduce((a, b) => a + b, 0)
    expect(total).toBeCloseTo(5, 5)
    expect(r.distribution.reduce((a, d) => a + d.probability, 0)).toBeCloseTo(1, 9)
    for (const d of r.distribution) expect(d.counts.reduce((a, b) => a + b, 0)).toBe(5)
  })

  it('runs out of time gracefully: falls back to MAXIMIN and says so', async () => {
    let t = 0
    const candidates = [...people(3, { gender: '男' }, 'm'), ...people(9, { gender: '女' }, 'w')]
    // a clock that jumps 1 s per reading: the 2.5 s budget ends before LEXIMIN can finish
    const r = await solve({ candidates, seats: 4, quotas: [{ feature: 'gender', value: '男', min: 2, max: 4 }] }, { timeLimitMs: 2500, now: () => (t += 1000) })
    expect(r.algorithm).toBe('maximin')
    expect(r.summary).toMatch(/^计算时间到，改按 MAXIMIN 计算/)
    // still a valid distribution, just not proven best
    expect(Object.values(r.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(4, 5)
    expect(r.minProbability).toBeLessThanOrEqual(2 / 9 + 1e-9)
    if (r.converged) expect(r.minProbability).toBeCloseTo(2 / 9, 5)
  })
})

describe('LEXIMIN agrees with a brute-force solver on random small pools', () => {
  const values = { building: ['1', '2', '3'], gender: ['女', '男'], age: ['18-39', '60+'] }
  // seeds chosen so that each pool has at least three distinct probability levels
  for (const seed of [2, 5, 14, 25]) {
    it(`seed ${seed}`, async () => {
      const rand = seededRandom(seed)
      const pick = (xs: string[]): string => xs[Math.floor(rand() * xs.length)]!
      const n = 9 + Math.floor(rand() * 2)
      const candidates: Candidate[] = Array.from({ length: n }, (_, i) => ({
        id: `c${i}`,
        features: { building: pick(values.building), gender: pick(values.gender), age: pick(values.age) },
      }))
      const seats = 4
      const quotas: Quota[] = [
        { feature: 'building', value: '1', min: 1, max: 1 },
        { feature: 'building', value: '3', min: 1, max: 2 },
        { feature: 'gender', value: '男', min: 2, max: 2 },
        { feature: 'age', value: '18-39', min: 1, max: 2 },
      ]
      const instance = { candidates, seats, quotas }
      const r = await computeProbabilities(instance)
      if (!r.feasible) throw new Error(r.reasons.join('；'))
      expect(new Set(Object.values(r.probabilities).map((p) => p.toFixed(4))).size).toBeGreaterThanOrEqual(4)
      const exact = await bruteForceLeximin(instance)
      for (const c of candidates) expect(r.probabilities[c.id]).toBeCloseTo(exact[c.id]!, 5)
    })
  }
})

/**
 * A random small pool whose quotas always admit a panel: features and values drawn at random, the
 * quotas set around the counts of one random reference panel (some values left free).
 */
function randomPool(seed: number): Instance {
  const rand = seededRandom(seed)
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1))
  const n = int(8, 14)
  const seats = int(3, 5)
  const features = ['building', 'age', 'gender'].slice(0, int(2, 3))
  const values: Record<string, string[]> = { building: ['1', '2', '3'], age: ['18-39', '40-59', '60+'], gender: ['女', '男'] }
  // skewed: the first value is common, the last rare (that is what makes several levels)
  const draw = (vs: string[]): string => vs[Math.min(vs.length - 1, Math.floor(vs.length * rand() ** 1.8))]!
  const candidates: Candidate[] = Array.from({ length: n }, (_, i) => ({
    id: `c${String(i).padStart(2, '0')}`,
    features: Object.fromEntries(features.map((f) => [f, draw(values[f]!)])),
  }))
  const reference = [...candidates].sort(() => rand() - 0.5).slice(0, seats)
  const quotas: Quota[] = []
  for (const f of features) {
    for (const v of values[f]!) {
      if (rand() < 0.3) continue
      const k = reference.filter((c) => c.features[f] === v).length
      quotas.push({ feature: f, value: v, min: Math.max(0, k - int(0, 1)), max: k + int(0, 1) })
    }
  }
  return { candidates, seats, quotas }
}

const sorted = (ps: Iterable<number>): number[] => [...ps].sort((a, b) => a - b)

describe('the whole sorted LEXIMIN vector equals the exact one (every panel enumerated)', () => {
  it('on random pools of at most 14 volunteers, panels of 3–5, 2–3 categories', async () => {
    let levelsSeen = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const instance = randomPool(seed)
        const r = await solve(instance)
        expect(r.algorithm).toBe('leximin')
        const exact = await bruteForceLeximin(instance)
        const ours = sorted(Object.values(r.probabilities))
        const want = sorted(Object.values(exact))
        expect(ours).toHaveLength(want.length)
        const worst = Math.max(...ours.map((p, i) => Math.abs(p - want[i]!)))
        expect(worst, `seed ${seed}: ${allPanels(instance).length} panels, ours ${ours.map((p) => p.toFixed(7))}, exact ${want.map((p) => p.toFixed(7))}`).toBeLessThanOrEqual(1e-6)
        // and the distribution really gives these probabilities
        expect(r.distribution.reduce((a, d) => a + d.probability, 0)).toBeCloseTo(1, 9)
        levelsSeen = Math.max(levelsSeen, new Set(want.map((p) => p.toFixed(6))).size)
      }),
      { numRuns: 25, seed: 15 },
    )
    // the pools are not all trivial: some have several distinct probability levels
    expect(levelsSeen).toBeGreaterThanOrEqual(4)
  }, 120_000)
})
