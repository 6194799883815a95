/**
 * Can any panel of `seats` satisfy every quota? Cheap counting checks first, because they can say
 * *what* is wrong in words staff understand; the ILP decides the rest.
 */
import { buildStructure, compareIds, inQuota, quotaText } from './groups.js'
import { featureLabel, groupLabel, peopleLabel } from './text.js'
import { loadHighs, PanelModel } from './solver.js'
import type { Instance } from './types.js'

export type Feasibility = { feasible: true } | { feasible: false; reasons: string[] }

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** Malformed input: what a form or a command parser should have caught. */
export function validateInstance(instance: Instance): string[] {
  const problems: string[] = []
  if (!isCount(instance.seats) || instance.seats === 0) problems.push('席位数必须是正整数')
  const ids = new Set<string>()
  for (const c of instance.candidates) {
    if (typeof c.id !== 'string' || c.id === '') problems.push('报名名单中有人没有编号')
    else if (ids.has(c.id)) problems.push(`报名名单中编号「${c.id}」重复`)
    ids.add(c.id)
  }
  const seen = new Set<string>()
  for (const q of instance.quotas) {
    const g = groupLabel(q.feature, q.value)
    const key = JSON.stringify([q.feature, q.value])
    if (seen.has(key)) problems.push(`${g}的配额设置了不止一次`)
    seen.add(key)
    if (!isCount(q.min) || !isCount(q.max)) problems.push(`${g}的配额必须是非负整数`)
    else if (q.min > q.max) problems.push(`${g}至少 ${q.min} 席，但又规定至多 ${q.max} 席，自相矛盾`)
  }
  return problems
}

/** Counting arguments that prove infeasibility, in Chinese. Empty = none found (not proof of feasibility). */
export function quickInfeasibility(instance: Instance): string[] {
  const problems = validateInstance(instance)
  if (problems.length) return problems
  const { seats, candidates, quotas } = instance
  if (candidates.length < seats) {
    problems.push(candidates.length === 0 ? `总席位 ${seats} 席，但还没有人报名` : `总席位 ${seats} 席，但只有 ${candidates.length} 位报名者`)
  }
  for (const q of quotas) {
    const available = candidates.filter((c) => inQuota(c, q)).length
    if (q.min > seats) problems.push(`${groupLabel(q.feature, q.value)}至少 ${q.min} 席，超过总席位 ${seats} 席`)
    else if (available === 0 && q.min > 0) problems.push(`${groupLabel(q.feature, q.value)}至少 ${q.min} 席，但${groupLabel(q.feature, q.value)}没有报名者`)
    else if (available < q.min) problems.push(`${groupLabel(q.feature, q.value)}至少 ${q.min} 席，但只有 ${available} 位${peopleLabel(q.feature, q.value)}报名`)
  }
  const features = [...new Set(quotas.map((q) => q.feature))].sort(compareIds)
  for (const f of features) {
    const fq = quotas.filter((q) => q.feature === f)
    const minSum = fq.reduce((s, q) => s + q.min, 0)
    if (fq.length > 1 && minSum > seats) problems.push(`${featureLabel(f)}最少席位合计 ${minSum} 席，超过总席位 ${seats} 席`)
    // people outside every quota of this feature (other values, or not given) are unlimited
    const limited = new Set(fq.map((q) => q.value))
    const free = candidates.filter((c) => !limited.has(c.features[f] ?? '\u0000')).length
    const capacity = free + fq.reduce((s, q) => s + Math.min(q.max, candidates.filter((c) => inQuota(c, q)).length), 0)
    if (capacity < seats && candidates.length >= seats) {
      const caps = fq.filter((q) => q.max < candidates.filter((c) => inQuota(c, q)).length).map((q) => quotaText(q))
      problems.push(`按${featureLabel(f)}的上限${caps.length ? `（${caps.join('，')}）` : ''}，最多只能选出 ${capacity} 人，不足总席位 ${seats} 席`)
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
  if (all === undefined) return { feasible: false, reasons: ['求解器未能在时限内判断这些配额能否同时满足，请简化配额后再试'] }
  const features = s.features
  const culprits = features.filter((f) => solvable(new Set([f])) === true)
  const names = culprits.map((f) => `「${featureLabel(f)}」`)
  const reasons = ['每一项配额单独看都有足够的报名者，但合在一起无法同时满足（不同属性的人数组合互相冲突）']
  if (names.length) reasons.push(`放宽${names.join('或')}的配额即可`)
  else reasons.push('需要同时放宽多项配额')
  return { feasible: false, reasons }
}
