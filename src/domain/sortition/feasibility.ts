/**
 * Can any panel of `seats` satisfy every quota? Cheap counting checks first, because they can say
 * *what* is wrong in words staff understand; the ILP decides the rest.
 */
import { buildStructure, compareIds, inQuota } from './groups.js'
import { featureLabel, feasibilityText as t, groupLabel, peopleLabel, quotaText } from './text.js'
import { loadHighs, PanelModel } from './solver.js'
import type { Instance } from './types.js'

export type Feasibility = { feasible: true } | { feasible: false; reasons: string[] }

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** Malformed input: what a form or a command parser should have caught. */
export function validateInstance(instance: Instance): string[] {
  const problems: string[] = []
  if (!isCount(instance.seats) || instance.seats === 0) problems.push(t.seatsNotCount)
  const ids = new Set<string>()
  for (const c of instance.candidates) {
    if (typeof c.id !== 'string' || c.id === '') problems.push(t.noId)
    else if (ids.has(c.id)) problems.push(t.duplicateId(c.id))
    ids.add(c.id)
  }
  const seen = new Set<string>()
  for (const q of instance.quotas) {
    const g = groupLabel(q.feature, q.value)
    const key = JSON.stringify([q.feature, q.value])
    if (seen.has(key)) problems.push(t.quotaTwice(g))
    seen.add(key)
    if (!isCount(q.min) || !isCount(q.max)) problems.push(t.quotaNotCount(g))
    else if (q.min > q.max) problems.push(t.quotaContradicts(g, q.min, q.max))
  }
  return problems
}

/** Counting arguments that prove infeasibility, in words. Empty = none found (not proof of feasibility). */
export function quickInfeasibility(instance: Instance): string[] {
  const problems = validateInstance(instance)
  if (problems.length) return problems
  const { seats, candidates, quotas } = instance
  if (candidates.length < seats) {
    problems.push(candidates.length === 0 ? t.nobodyYet(seats) : t.tooFew(seats, candidates.length))
  }
  for (const q of quotas) {
    const available = candidates.filter((c) => inQuota(c, q)).length
    const g = groupLabel(q.feature, q.value)
    if (q.min > seats) problems.push(t.minOverSeats(g, q.min, seats))
    else if (available === 0 && q.min > 0) problems.push(t.nobodyInGroup(g, q.min))
    else if (available < q.min) problems.push(t.fewInGroup(g, q.min, available, peopleLabel(q.feature, q.value)))
  }
  const features = [...new Set(quotas.map((q) => q.feature))].sort(compareIds)
  for (const f of features) {
    const fq = quotas.filter((q) => q.feature === f)
    const minSum = fq.reduce((s, q) => s + q.min, 0)
    if (fq.length > 1 && minSum > seats) problems.push(t.minSumOverSeats(featureLabel(f), minSum, seats))
    // people outside every quota of this feature (other values, or not given) are unlimited
    const limited = new Set(fq.map((q) => q.value))
    const free = candidates.filter((c) => !limited.has(c.features[f] ?? '\u0000')).length
    const capacity = free + fq.reduce((s, q) => s + Math.min(q.max, candidates.filter((c) => inQuota(c, q)).length), 0)
    if (capacity < seats && candidates.length >= seats) {
      const caps = fq.filter((q) => q.max < candidates.filter((c) => inQuota(c, q)).length).map((q) => quotaText(q))
      problems.push(t.capacity(featureLabel(f), caps, capacity, seats))
    }
  }
  return problems
}

/** Full check: counting first, then the ILP; when only the ILP knows, says which quotas clash. */
export async function checkFeasibility(instance: Instance): Promise<Feasibility> {
  const quick = quickInfeasibility(instance)
  if (quick.length) return { feasible: false, reasons: quick }
  const h = await loadHighs()
  const s = buildStructure(instance)
  const solvable = (drop: Set<string>): boolean | undefined => {
    const m = new PanelModel(h, s, instance.seats, instance.quotas, drop)
    try {
      const r = m.best(new Float64Array(s.groups.length), 20)
      return r.status === 'optimal' ? true : r.status === 'infeasible' ? false : undefined
    } finally {
      m.dispose()
    }
  }
  const all = solvable(new Set())
  if (all === true) return { feasible: true }
  if (all === undefined) return { feasible: false, reasons: [t.solverUndecided] }
  const features = s.features
  const culprits = features.filter((f) => solvable(new Set([f])) === true)
  return { feasible: false, reasons: [t.clash, culprits.length ? t.relax(culprits.map(featureLabel)) : t.relaxSeveral] }
}
