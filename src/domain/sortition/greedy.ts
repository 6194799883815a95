/**
 * The "legacy" greedy draw used before LEXIMIN (fill the most urgent quota first with a random
 * member, drop groups that hit their maximum, restart on a dead end). It respects the quotas but
 * its selection probabilities are whatever they turn out to be — the bench estimates them.
 */
import { inQuota } from './groups.js'
import type { Instance } from './types.js'

export function greedyDraw(instance: Instance, random: () => number, attempts = 200): string[] | undefined {
  const { candidates, quotas, seats } = instance
  const n = candidates.length
  const quotasOf = candidates.map((c) => quotas.flatMap((q, qi) => (inQuota(c, q) ? [qi] : [])))
  const membersOf = quotas.map((q) => candidates.flatMap((c, i) => (inQuota(c, q) ? [i] : [])))
  for (let attempt = 0; attempt < attempts; attempt++) {
    const alive = new Uint8Array(n).fill(1)
    const avail = membersOf.map((m) => m.length)
    const taken = new Array<number>(quotas.length).fill(0)
    let aliveCount = n
    const remove = (i: number): void => {
      if (!alive[i]) return
      alive[i] = 0
      aliveCount--
      for (const qi of quotasOf[i]!) avail[qi]!--
    }
    const selected: number[] = []
    let ok = true
    while (ok && selected.length < seats) {
      // most urgent unmet minimum: seats still needed per person still available
      let urgent = -1
      let ratio = 0
      quotas.forEach((q, qi) => {
        if (taken[qi]! >= q.min) return
        const r = avail[qi]! > 0 ? (q.min - taken[qi]!) / avail[qi]! : Infinity
        if (r > ratio) {
          ratio = r
          urgent = qi
        }
      })
      const pool = urgent >= 0 ? membersOf[urgent]!.filter((i) => alive[i]) : candidates.flatMap((_, i) => (alive[i] ? [i] : []))
      if (ratio === Infinity || pool.length === 0 || aliveCount < seats - selected.length) {
        ok = false
        break
      }
      const pick = pool[Math.floor(random() * pool.length)]!
      selected.push(pick)
      remove(pick)
      for (const qi of quotasOf[pick]!) {
        taken[qi]!++
        if (taken[qi] === quotas[qi]!.max) for (const i of membersOf[qi]!) remove(i)
      }
    }
    if (ok && selected.length === seats && quotas.every((q, qi) => taken[qi]! >= q.min && taken[qi]! <= q.max)) {
      return selected.map((i) => candidates[i]!.id)
    }
  }
  return undefined
}
