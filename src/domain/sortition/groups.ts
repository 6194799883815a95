/**
 * Candidates who agree on every feature a quota mentions are interchangeable: quotas cannot tell
 * them apart, so the LEXIMIN probabilities are equal within such a group (the leximin marginals are
 * unique, hence symmetric). Solving over group counts instead of people keeps the ILPs small and
 * free of the symmetry that makes per-person models slow.
 */
import { panelText } from './text.js'
import type { Candidate, Instance, Quota } from './types.js'

export interface Group {
  /** Value of each quota feature, null = not given. */
  features: Record<string, string | null>
  /** Candidate ids in canonical order. */
  members: string[]
}

export interface Structure {
  features: string[]
  groups: Group[]
  /** For each quota, the groups it counts. */
  quotaGroups: number[][]
  groupOf: Map<string, number>
}

/** Code-unit order: simple, locale-free, the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function sortCandidates(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => compareIds(a.id, b.id))
}

export function inQuota(c: Candidate, q: Quota): boolean {
  return c.features[q.feature] === q.value
}

export function buildStructure(instance: Instance): Structure {
  const features = [...new Set(instance.quotas.map((q) => q.feature))].sort(compareIds)
  const byKey = new Map<string, number>()
  const groups: Group[] = []
  const groupOf = new Map<string, number>()
  for (const c of sortCandidates(instance.candidates)) {
    const values = features.map((f) => c.features[f] ?? null)
    const key = JSON.stringify(values)
    let g = byKey.get(key)
    if (g === undefined) {
      g = groups.length
      byKey.set(key, g)
      groups.push({ features: Object.fromEntries(features.map((f, i) => [f, values[i] ?? null])), members: [] })
    }
    groups[g]!.members.push(c.id)
    groupOf.set(c.id, g)
  }
  const quotaGroups = instance.quotas.map((q) => groups.flatMap((g, i) => (g.features[q.feature] === q.value ? [i] : [])))
  return { features, groups, quotaGroups, groupOf }
}

/** Does this set of candidate ids make a valid panel? Returns the reasons it does not, in words. */
export function panelProblems(instance: Instance, panel: readonly string[], byId: Map<string, Candidate>): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const id of panel) {
    if (!byId.has(id)) problems.push(panelText.notInPool(id))
    if (seen.has(id)) problems.push(panelText.twice(id))
    seen.add(id)
  }
  if (panel.length !== instance.seats) problems.push(panelText.size(panel.length, instance.seats))
  for (const q of instance.quotas) {
    let n = 0
    for (const id of seen) {
      const c = byId.get(id)
      if (c && inQuota(c, q)) n++
    }
    if (n < q.min || n > q.max) problems.push(panelText.quota(q, n))
  }
  return problems
}

