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

/** Every valid panel of the instance, as lists of candidate indices (small pools only). */
export function allPanels(instance: Instance): number[][] {
  const byId = new Map(instance.candidates.map((c) => [c.id, c]))
  const ids = instance.candidates.map((c) => c.id)
  return [...subsets(ids.length, instance.seats)].filter((s) => panelProblems(instance, s.map((i) => ids[i]!), byId).length === 0)
}

/** LP tolerances far below the 1e-6 the comparison allows. */
const TIGHT = { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 }

/**
 * Textbook LEXIMIN over every valid panel, per person (no groups, no column generation: the column
 * set is complete): maximise the smallest unfixed probability z; then, one LP per person, fix
 * everyone who cannot get more than z while the others keep z; repeat. Independent of the
 * production algorithm, for small instances only.
 */
export async function bruteForceLeximin(instance: Instance): Promise<Record<string, number>> {
  const h = await loadHighs()
  const ids = instance.candidates.map((c) => c.id)
  const n = ids.length
  const panels = allPanels(instance)
  const P = panels.length
  const onPanels = Array.from({ length: n }, (_, i) => panels.flatMap((s, j) => (s.includes(i) ? [j] : [])))
  const fixed = new Map<number, number>()
  // columns: λ_0..λ_{P-1}, z
  const rowsFor = (unfixedFloor: number | 'z'): Row[] => {
    const rows: Row[] = [{ idx: panels.map((_, j) => j), val: panels.map(() => 1), lo: 1, hi: 1 }]
    for (let i = 0; i < n; i++) {
      const idx = onPanels[i]!
      const f = fixed.get(i)
      if (f !== undefined) rows.push({ idx, val: idx.map(() => 1), lo: f - 1e-10, hi: h.infinity })
      else if (unfixedFloor === 'z') rows.push({ idx: [...idx, P], val: [...idx.map(() => 1), -1], lo: 0, hi: h.infinity })
      else rows.push({ idx, val: idx.map(() => 1), lo: unfixedFloor, hi: h.infinity })
    }
    return rows
  }
  const lp = { integer: () => false, lower: new Array<number>(P + 1).fill(0), upper: new Array<number>(P + 1).fill(h.infinity) }
  while (fixed.size < n) {
    const cost = new Array<number>(P + 1).fill(0)
    cost[P] = 1
    const z = solveProgram(h, { ...lp, sense: 'max', cost, rows: rowsFor('z') }, 30, TIGHT).x![P]!
    let any = false
    for (let i = 0; i < n; i++) {
      if (fixed.has(i)) continue
      const c = new Array<number>(P + 1).fill(0)
      for (const j of onPanels[i]!) c[j] = 1
      const best = solveProgram(h, { ...lp, sense: 'max', cost: c, rows: rowsFor(z - 1e-10) }, 30, TIGHT).x!
      const value = onPanels[i]!.reduce((a, j) => a + best[j]!, 0)
      if (value <= z + 1e-8) {
        fixed.set(i, z)
        any = true
      }
    }
    if (!any) throw new Error('brute force: nothing fixed')
  }
  return Object.fromEntries(ids.map((id, i) => [id, fixed.get(i)!]))
}
