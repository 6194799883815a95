import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, candidatesHash, deriveSeed, drawFromCommitment, normalizePublicNumber, panelsHash, SeedStream, sha256Hex } from '../../../src/domain/sortition/commitment.js'
import type { Candidate } from '../../../src/domain/sortition/types.js'

const pool: Candidate[] = [
  { id: 'c3', features: { gender: '女', building: '3' } },
  { id: 'c1', features: { building: '1', gender: '男' } },
  { id: 'c2', features: { building: '2', gender: '女' } },
  { id: 'c4', features: { building: '1', gender: '女' } },
]
const panels = [['c1', 'c2'], ['c3', 'c4'], ['c1', 'c3'], ['c2', 'c4']]

describe('commitment', () => {
  it('canonical JSON sorts keys and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: '楼', c: null }] })).toBe('{"a":[{"c":null,"d":"楼"}],"b":1}')
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('the pool hash ignores order but not content: changing one candidate changes it', () => {
    const h = candidatesHash(pool)
    expect(candidatesHash([...pool].reverse())).toBe(h)
    expect(candidatesHash(pool.map((c) => (c.id === 'c2' ? { ...c, features: { ...c.features, building: '5' } } : c)))).not.toBe(h)
    expect(candidatesHash(pool.map((c) => (c.id === 'c2' ? { ...c, id: 'c9' } : c)))).not.toBe(h)
    expect(candidatesHash(pool.slice(1))).not.toBe(h)
  })

  it('the panel hash depends on panel order, not on the order of names within a panel', () => {
    expect(panelsHash(panels.map((p) => [...p].reverse()))).toBe(panelsHash(panels))
    expect(panelsHash([...panels].reverse())).not.toBe(panelsHash(panels))
  })

  it('public numbers are read tolerantly and padded to the announced digits', () => {
    expect(normalizePublicNumber('527', 3)).toBe('527')
    expect(normalizePublicNumber(' ５ ２ ７ ', 3)).toBe('527')
    expect(normalizePublicNumber('27', 3)).toBe('027')
    expect(normalizePublicNumber('5270', 3)).toBeUndefined()
    expect(normalizePublicNumber('五二七', 3)).toBeUndefined()
    expect(normalizePublicNumber('', 3)).toBeUndefined()
  })
})

describe('seed stream', () => {
  const hex = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'))

  it('uniformInt is in range and deterministic', () => {
    fc.assert(
      fc.property(hex, fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
        const a = new SeedStream(seed)
        const b = new SeedStream(seed)
        for (let i = 0; i < 5; i++) {
          const x = a.uniformInt(n)
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(n)
          expect(b.uniformInt(n)).toBe(x)
        }
      }),
    )
  })

  it('the draw index is always < 1000 and depends only on the inputs', () => {
    fc.assert(
      fc.property(hex, hex, fc.integer({ min: 0, max: 999 }), (h1, h2, num) => {
        const seed = deriveSeed(h1, h2, String(num).padStart(3, '0'))
        const i = new SeedStream(seed).uniformInt(1000)
        expect(i).toBeGreaterThanOrEqual(0)
        expect(i).toBeLessThan(1000)
        expect(new SeedStream(deriveSeed(h1, h2, String(num).padStart(3, '0'))).uniformInt(1000)).toBe(i)
      }),
    )
  })

  it('rejects instead of folding: no modulo bias', () => {
    // n = 3·2^30: plain `x % n` would put half of all draws below 2^30 instead of a third
    const n = 3 * 2 ** 30
    let low = 0
    const trials = 3000
    for (let t = 0; t < trials; t++) if (new SeedStream(sha256Hex(`t${t}`)).uniformInt(n) < 2 ** 30) low++
    expect(low / trials).toBeGreaterThan(0.3)
    expect(low / trials).toBeLessThan(0.37)
  })
})

describe('draw from a commitment', () => {
  it('same inputs and number → same panel and alternates; another number → another seed', () => {
    const a = drawFromCommitment(pool, panels, '527')
    const b = drawFromCommitment([...pool].reverse(), panels, '527')
    expect(b).toEqual(a)
    expect(a.panel).toEqual(panels[a.index])
    expect([...a.panel, ...a.alternates].sort()).toEqual(['c1', 'c2', 'c3', 'c4'])
    expect(drawFromCommitment(pool, panels, '528').seed).not.toBe(a.seed)
  })

  it('pins the draw: a change in the algorithm would change published results', () => {
    const d = drawFromCommitment(pool, panels, '527')
    expect(d.seed).toBe(deriveSeed(candidatesHash(pool), panelsHash(panels), '527'))
    expect(d.seed).toBe('e7fc24d45ec425340e31c0c36472f3143838697831d8fc2390090c2cb784059a')
    expect({ index: d.index, panel: d.panel, alternates: d.alternates }).toMatchInlineSnapshot(`
      {
        "alternates": [
          "c2",
          "c1",
        ],
        "index": 1,
        "panel": [
          "c3",
          "c4",
        ],
      }
    `)
  })
})
