import { loadHighs, solveProgram, type Row } from '../../../src/domain/sortition/solver.js'
import type { Candidate, Instance } from '../../../src/domain/sortition/types.js'
import { panelProblems } from '../../../src/domain/sortition/groups.js'

export function people(n: number, features: Record<string, string>, prefix = 'p'): Candidate[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, features: { ...features } }))
}

function* subsets(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield [...acc]
    return
  }
  for (let i = start; i < n; i++) {
    acc.push(i)
    yield* subsets(n, k, i + 1, acc)
    acc.pop()
  }
}

/**
 * Textbook LEXIMIN over every valid panel, per person (no groups, no column generation):
 * maximise the smallest unfixed probability; fix everyone who cannot get more; repeat.
 * Independent of the production algorithm, for small instances only.
 */
export async function bruteForceLeximin(instance: Instance): Promise<Record<string, number>> {
  const h = await loadHighs()
  const byId = new Map(instance.candidates.map((c) => [c.id, c]))
  const ids = instance.candidates.map((c) => c.id)
  const n = ids.length
  const panels = [...subsets(n, instance.seats)].filter((s) => panelProblems(instance, s.map((i) => ids[i]!), byId).length === 0)
  const P = panels.length
  const fixed = new Map<number, number>()
  // columns: λ_0..λ_{P-1}, z
  const rowsFor = (unfixedFloor: number | 'z'): Row[] => {
    const rows: Row[] = [{ idx: panels.map((_, j) => j), val: panels.map(() => 1), lo: 1, hi: 1 }]
    for (let i = 0; i < n; i++) {
      const idx = panels.flatMap((s, j) => (s.includes(i) ? [j] : []))
      const f = fixed.get(i)
      if (f !== undefined) rows.push({ idx, val: idx.map(() => 1), lo: f - 1e-9, hi: h.infinity })
      else if (unfixedFloor === 'z') rows.push({ idx: [...idx, P], val: [...idx.map(() => 1), -1], lo: 0, hi: h.infinity })
      else rows.push({ idx, val: idx.map(() => 1), lo: unfixedFloor, hi: h.infinity })
    }
    return rows
  }
  const lp = { integer: () => false, lower: new Array<number>(P + 1).fill(0), upper: new Array<number>(P + 1).fill(h.infinity) }
  while (fixed.size < n) {
    const cost = new Array<number>(P + 1).fill(0)
    cost[P] = 1
    const z = solveProgram(h, { ...lp, sense: 'max', cost, rows: rowsFor('z') }, 30).x![P]!
    let any = false
    for (let i = 0; i < n; i++) {
      if (fixed.has(i)) continue
      const c = panels.map((s) => (s.includes(i) ? 1 : 0)).concat([0])
      const best = solveProgram(h, { ...lp, sense: 'max', cost: c, rows: rowsFor(z - 1e-9) }, 30).x!
      const value = panels.reduce((a, s, j) => a + (s.includes(i) ? best[j]! : 0), 0)
      if (value <= z + 1e-7) {
        fixed.set(i, z)
        any = true
      }
    }
    if (!any) throw new Error('brute force: nothing fixed')
  }
  return Object.fromEntries(ids.map((id, i) => [id, fixed.get(i)!]))
}
