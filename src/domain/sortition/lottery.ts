/**
 * Transparent lottery (Flanigan, Kehne, Procaccia, "Fair sortition made transparent", 2021): turn
 * the distribution into m = 1000 equally likely panels, so a public 3-digit number can pick one,
 * while every candidate's chance stays within 1/m of the computed probability.
 *
 * Work in group counts. Group g needs N_g seat-slots over the m panels; dealing its members into
 * those slots round-robin gives each ⌊N_g/|g|⌋ or ⌈N_g/|g|⌉ panels, so the 1/m promise holds iff
 * N_g lies in the window |g|·[⌈m·p_g⌉−1, ⌊m·p_g⌋+1]. Steps:
 *  1. take ⌊m·λ_c⌋ copies of each composition c of the distribution (exact, no error);
 *  2. the R leftover panels: choose their aggregate counts Y_g by a small ILP (windows, and every
 *     quota scaled by R), since rounding the fractional copies one by one cannot hit all windows;
 *  3. split Y into R valid compositions one at a time, each time keeping the rest splittable.
 * Every panel is a valid composition, so every panel in the lottery satisfies every quota.
 */
import { compareIds } from './groups.js'
import type { SelectionResult } from './leximin.js'
import { loadHighs, solveProgram, type Row } from './solver.js'
import { selectionText as t } from './text.js'
import type { Instance } from './types.js'

export interface Lottery {
  /** m panels, each a sorted list of candidate ids; the draw picks one uniformly. */
  panels: string[][]
  /** Each candidate's chance in this lottery: (panels containing them) / m. */
  chances: Record<string, number>
  /** max over candidates of |chance − computed probability|. */
  maxDeviation: number
  /** The 1/m promise was met (maxDeviation ≤ 1/m). */
  exact: boolean
  ms: number
}

export interface LotteryOptions {
  size?: number
  timeLimitMs?: number
  now?: () => number
}

const TOL = 1e-9

export async function buildLottery(instance: Instance, selection: SelectionResult, options: LotteryOptions = {}): Promise<Lottery> {
  const now = options.now ?? (() => performance.now())
  const start = now()
  const deadline = start + (options.timeLimitMs ?? 30_000)
  const secondsLeft = (): number => Math.max(0.5, (deadline - now()) / 1000)
  const m = options.size ?? 1000
  const h = await loadHighs()
  const groups = selection.groups
  const G = groups.length
  const size = groups.map((g) => g.members.length)
  const seats = instance.seats
  // quota rows over groups
  const quotaGroups = instance.quotas.map((q) => groups.flatMap((g, i) => (g.features[q.feature] === q.value ? [i] : [])))

  // 1. whole copies
  const comps: number[][] = []
  const base = new Array<number>(G).fill(0)
  let R = m
  for (const d of selection.distribution) {
    const x = d.probability * m
    const whole = Math.floor(x + TOL)
    for (let k = 0; k < whole; k++) comps.push(d.counts)
    R -= whole
    d.counts.forEach((n, g) => (base[g] = base[g]! + whole * n))
  }
  if (R < 0) throw new Error(t.overOne)

  if (R > 0) {
    // 2. aggregate counts of the leftover panels
    const lo = groups.map((g, i) => Math.max(0, size[i]! * Math.ceil(m * g.probability - 1 - TOL) - base[i]!))
    const hi = groups.map((g, i) => Math.min(R * size[i]!, size[i]! * Math.floor(m * g.probability + 1 + TOL) - base[i]!))
    // Σ_g x_g = copies·seats and copies·min_q ≤ Σ_{g∈q} x_g ≤ copies·max_q, shifted by `used`
    const scaledQuotas = (copies: number, used: readonly number[] = []): Row[] => {
      const shift = (gs: number[]): number => gs.reduce((a, g) => a + (used[g] ?? 0), 0)
      const all = groups.map((_, g) => g)
      return [
        { idx: all, val: all.map(() => 1), lo: copies * seats - shift(all), hi: copies * seats - shift(all) },
        ...instance.quotas.map((q, i) => {
          const gs = quotaGroups[i]!
          return { idx: gs, val: gs.map(() => 1), lo: copies * q.min - shift(gs), hi: copies * q.max - shift(gs) }
        }),
      ]
    }
    let Y: number[] | undefined
    if (lo.every((l, g) => l <= hi[g]!)) {
      Y = solveProgram(
        h,
        { sense: 'min', cost: new Array<number>(G).fill(0), lower: lo, upper: hi, rows: scaledQuotas(R) },
        secondsLeft(),
      ).x
    }
    if (!Y) {
      // soft windows: Y_g plus slack u_g (below) and v_g (above), minimise Σ (u+v)/|g|
      const cols = 3 * G
      const rows: Row[] = scaledQuotas(R)
      for (let g = 0; g < G; g++) {
        rows.push({ idx: [g, G + g], val: [1, 1], lo: lo[g]!, hi: Infinity })
        rows.push({ idx: [g, 2 * G + g], val: [1, -1], lo: -Infinity, hi: hi[g]! })
      }
      const cost = Array.from({ length: cols }, (_, j) => (j < G ? 0 : 1 / size[j % G]!))
      const upper = Array.from({ length: cols }, (_, j) => (j < G ? R * size[j]! : R * seats))
      const x = solveProgram(h, { sense: 'min', cost, lower: new Array<number>(cols).fill(0), upper, rows: rows.map(inf(h)) }, secondsLeft()).x
      Y = x?.slice(0, G)
    }
    if (!Y) throw new Error(t.roundingTimeout)

    // 3. split Y into R compositions, keeping the remainder splittable into the remaining copies
    const rest = [...Y]
    for (let r = R - 1; r >= 0; r--) {
      // c must be a valid panel, and rest − c must satisfy every quota scaled to r copies:
      // r·min ≤ Σ(rest − c) ≤ r·max  ⇔  Σrest − r·max ≤ Σc ≤ Σrest − r·min
      const rows: Row[] = [
        ...scaledQuotas(1),
        ...scaledQuotas(r, rest).map((row) => ({ ...row, lo: -row.hi, hi: -row.lo })),
      ]
      const upper = rest.map((y, g) => Math.min(size[g]!, y))
      const lower = rest.map((y, g) => Math.max(0, y - r * size[g]!))
      // prefer groups with the most left per member, to keep the remainder balanced
      const cost = rest.map((y, g) => y / size[g]! / Math.max(1, r + 1))
      let c = solveProgram(h, { sense: 'max', cost, lower, upper, rows: rows.map(inf(h)) }, secondsLeft()).x
      // should not happen; if it does, any valid panel close to the remainder keeps the lottery valid
      c ??= solveProgram(
        h,
        { sense: 'max', cost, lower: new Array<number>(G).fill(0), upper: size, rows: scaledQuotas(1).map(inf(h)) },
        secondsLeft(),
      ).x
      if (!c) throw new Error(t.noPanel)
      comps.push(c)
      c.forEach((n, g) => (rest[g] = rest[g]! - n))
    }
  }

  // Deal members round-robin into the slots of each group.
  const next = new Array<number>(G).fill(0)
  const panels: string[][] = comps.map((c) => {
    const panel: string[] = []
    c.forEach((n, g) => {
      const members = groups[g]!.members
      for (let j = 0; j < n; j++) panel.push(members[(next[g]! + j) % size[g]!]!)
      next[g] = (next[g]! + n) % size[g]!
    })
    return panel.sort(compareIds)
  })
  const counts = new Map<string, number>()
  for (const p of panels) for (const id of p) counts.set(id, (counts.get(id) ?? 0) + 1)
  const chances: Record<string, number> = {}
  let maxDeviation = 0
  for (const g of groups) {
    for (const id of g.members) {
      chances[id] = (counts.get(id) ?? 0) / m
      maxDeviation = Math.max(maxDeviation, Math.abs(chances[id]! - g.probability))
    }
  }
  return { panels, chances, maxDeviation, exact: maxDeviation <= 1 / m + TOL, ms: now() - start }
}

/** HiGHS wants its own infinity. */
function inf(h: { infinity: number }): (r: Row) => Row {
  const fix = (v: number): number => (v === Infinity ? h.infinity : v === -Infinity ? -h.infinity : v)
  return (r) => ({ ...r, lo: fix(r.lo), hi: fix(r.hi) })
}
