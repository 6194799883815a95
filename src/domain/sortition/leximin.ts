/**
 * LEXIMIN selection probabilities (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021), solved
 * over groups of interchangeable candidates (see groups.ts).
 *
 * Each level solves, by column generation, the dual of "maximise the smallest unfixed probability
 * z subject to the probabilities fixed so far":
 *
 *   minimise ŷ − Σ_{g fixed} p_g·y_g
 *   s.t.     Σ_g (c_g/|g|)·y_g ≤ ŷ    for every panel c in the pool
 *            Σ_{g unfixed} y_g = 1,    y ≥ 0
 *
 * The pricing ILP looks for a panel with Σ (y_g/|g|)·c_g > ŷ; if none, the level is optimal and
 * every unfixed group with y_g > 0 is fixed at exactly z (complementary slackness). Adding a row
 * keeps the last basis dual feasible, so the kept HiGHS model re-solves in a few dual simplex
 * iterations. Speed: 200 diverse panels to start; the ILP prices at a point between the best dual
 * seen and the LP's (Wentges smoothing: far fewer rounds than the LP's jumpy duals); panels slack
 * for now leave the LP once it holds 4 per group; an LP solve that stalls restarts the model.
 */
import { buildStructure, compareIds, inQuota, type Structure } from './groups.js'
import { checkFeasibility } from './feasibility.js'
import { groupLabel, peopleLabel, selectionText as t } from './text.js'
import { loadHighs, PanelModel, quietModel, runWithin } from './solver.js'
import type { Algorithm, Instance, Quota } from './types.js'
import type { Highs, Model } from 'highs'

export interface ProbabilityOptions {
  /** 'auto' (default): LEXIMIN, falling back to MAXIMIN for huge pools or when time runs out. */
  algorithm?: 'auto' | Algorithm
  /** Budget for the whole computation; default 120 s (a 2000/60 pool with 6 quota categories). */
  timeLimitMs?: number
  /** Pools with more distinct groups than this use MAXIMIN directly; default 3000. */
  maxLeximinGroups?: number
  /** Monotonic clock in ms (domain code takes time as a parameter); default performance.now. */
  now?: () => number
}

export interface GroupProbability {
  /** Value of each quota feature (null = not given). */
  features: Record<string, string | null>
  members: string[]
  probability: number
}

export interface SelectionResult {
  feasible: true
  /** 'leximin' only when every level was solved; else the guarantee is MAXIMIN. */
  algorithm: Algorithm
  /** The minimum probability is proven optimal (false only if time ran out in the first level). */
  converged: boolean
  /** LEXIMIN levels solved to optimality. */
  levels: number
  minProbability: number
  /** Per candidate id. */
  probabilities: Record<string, number>
  groups: GroupProbability[]
  /**
   * The distribution: panel compositions (`counts[g]` members of group g, picked uniformly within
   * the group) with their probabilities.
   */
  distribution: { counts: number[]; probability: number }[]
  /** Certain to be picked (probability ≈ 1): staff should be warned. */
  forced: { id: string; reason: string }[]
  /** On no valid panel at all (probability 0). */
  excluded: { id: string; reason: string }[]
  stats: {
    ms: number
    panelsGenerated: number
    lpSolves: number
    ilpSolves: number
    /** Panels dropped from the LP (slack for now; still in the distribution's pool). */
    purged: number
    /** LP models started afresh after a stall. */
    lpRebuilds: number
    /** Largest amount fixed probabilities had to be lowered by (0: levels fixed at exactly z). */
    relaxed: number
  }
  /** One sentence for staff, in their words. */
  summary: string
}

export type ProbabilityOutcome = SelectionResult | { feasible: false; reasons: string[] }

/** Column generation stops when no panel beats the restricted dual by more than this (in units of z). */
const PRICE_EPS = 1e-9
/** A group is fixed when its dual is above this (complementary slackness). */
const DUAL_EPS = 1e-9
/**
 * Levels are fixed at exactly z. Should rounding still leave the fixed probabilities a hair out of
 * reach (the LP fails), they are lowered by this, ten times more on each retry: far below the 1e-6
 * the exact check allows, unlike a slack on every level that later levels would hand on, amplified.
 */
const RELAX_STEP = 1e-10
const MAX_RELAXATIONS = 4
const CERTAIN = 1 - 1e-6
/** Dual smoothing (Wentges): weight of the best dual seen so far in the point the ILP prices at. */
const SMOOTHING = 0.8
/** Diverse panels to start from (each one ILP). */
const DIVERSE_PANELS = 200
/** The LP drops its slack panels once it holds this many per group… */
const PURGE_ROWS = 4
/** …counting as slack a panel this far from binding. */
const PURGE_SLACK = 1e-7
/** One LP solve should take milliseconds; one that takes this long is stalling: rebuild the model. */
const LP_STALL_SECONDS = 3

export async function computeProbabilities(instance: Instance, options: ProbabilityOptions = {}): Promise<ProbabilityOutcome> {
  const now = options.now ?? (() => performance.now())
  const start = now()
  const feasibility = await checkFeasibility(instance)
  if (!feasibility.feasible) return feasibility
  const deadline = start + (options.timeLimitMs ?? 120_000)
  const secondsLeft = (): number => (deadline - now()) / 1000
  const h = await loadHighs()
  const s = buildStructure(instance)
  const G = s.groups.length
  const size = s.groups.map((g) => g.members.length)
  const stats = { ms: 0, panelsGenerated: 0, lpSolves: 0, ilpSolves: 0, lpRebuilds: 0, relaxed: 0, purged: 0 }
  const pricing = new PanelModel(h, s, instance.seats, instance.quotas)
  const pool = new Pool(G)
  let dual: DualModel | undefined
  try {
    const price = (w: ArrayLike<number>): number[] | undefined => {
      stats.ilpSolves++
      const r = pricing.best(w, secondsLeft())
      return r.status === 'optimal' ? r.counts : undefined
    }
    const priceWithBound = (w: ArrayLike<number>): { counts: number[]; bound: number } | undefined => {
      stats.ilpSolves++
      const r = pricing.best(w, secondsLeft())
      return r.status === 'optimal' ? r : undefined
    }

    // Diverse panels first (multiplicative weights, as in the paper; groups on no panel yet get a
    // boost): with them the first level needs far fewer LP rounds. Then make sure every group that
    // can sit at all is on some panel: the first level needs it to be bounded.
    let timedOut = false
    const covered = new Uint8Array(G)
    const cover = (c: readonly number[]): void => c.forEach((n, g) => n > 0 && (covered[g] = 1))
    const weights = new Float64Array(G).fill(1)
    const rounds = Math.min(G, DIVERSE_PANELS)
    // diversity only saves time: never spend more than a quarter of the budget on it
    const diversityDeadline = start + (deadline - start) / 4
    for (let r = 0; r < rounds && now() < diversityDeadline; r++) {
      const perMember = Float64Array.from(weights, (w, g) => w + 1e-6 * (((g * 7919 + r * 104729) % 1000) / 1000))
      const c = price(perMember)
      if (!c) {
        timedOut = true
        break
      }
      pool.add(c)
      cover(c)
      for (let g = 0; g < G; g++) weights[g] = weights[g]! * Math.pow(0.8, c[g]! / size[g]!) + (covered[g] ? 0 : 1)
    }
    const excludedGroups = new Set<number>()
    for (let g = 0; g < G && !timedOut; g++) {
      if (covered[g]) continue
      const w = new Float64Array(G)
      w[g] = 1
      const c = price(w)
      if (!c) timedOut = true
      else if (c[g]! > 0) {
        pool.add(c)
        cover(c)
      } else excludedGroups.add(g)
    }
    if (timedOut) {
      throw new Error(t.noInitialPanels)
    }

    const fixed = new Float64Array(G).fill(NaN)
    for (const g of excludedGroups) fixed[g] = 0
    const wantLeximin = options.algorithm !== 'maximin' && G <= (options.maxLeximinGroups ?? 3000)
    const rebuild = (): DualModel => {
      dual?.dispose()
      const d = new DualModel(h, s, fixed, stats.lpRebuilds)
      for (const c of pool.panels) d.addPanel(c)
      return d
    }
    dual = rebuild()

    let levels = 0
    let numericTrouble = false
    let converged = false
    let level: number | undefined // z of the level in progress (a valid lower bound for unfixed groups)
    levelLoop: while (unfixedCount(fixed) > 0) {
      let relaxations = 0
      let center: Float64Array | undefined
      let centerBound = Infinity
      for (;;) {
        stats.lpSolves++
        let sol = dual.solve(Math.min(secondsLeft(), LP_STALL_SECONDS))
        if (sol === 'timeout' && secondsLeft() > 0) {
          // dual simplex stalls now and then on these degenerate LPs: start afresh
          stats.lpRebuilds++
          dual = rebuild()
          sol = dual.solve(secondsLeft())
        }
        if (sol === 'timeout') break levelLoop
        if (sol === 'failed') {
          // fixed probabilities a hair out of reach (solver tolerances): lower them a hair and retry
          if (relaxations >= MAX_RELAXATIONS) {
            numericTrouble = true
            break levelLoop
          }
          const step = RELAX_STEP * 10 ** relaxations++
          stats.relaxed = Math.max(stats.relaxed, step)
          for (let g = 0; g < G; g++) if (!Number.isNaN(fixed[g]!) && fixed[g]! > 0) fixed[g] = Math.max(0, fixed[g]! - step)
          dual.fix(fixedGroups(fixed), fixed)
          continue
        }
        level = sol.objective
        const threshold = sol.yHat + PRICE_EPS
        // Price at a point between the best dual seen (lowest bound on z) and the LP's, and at the
        // LP's own dual when that finds nothing: the LP's dual alone jumps about and tails off.
        let added = false
        for (const smooth of center ? [true, false] : [false]) {
          const y = smooth ? Float64Array.from(sol.y, (v, g) => SMOOTHING * center![g]! + (1 - SMOOTHING) * v) : sol.y
          const r = priceWithBound(Float64Array.from(y, (v, g) => v / size[g]!))
          if (!r) break levelLoop
          const c = r.counts
          let bound = r.bound
          let value = 0
          c.forEach((n, g) => (value += (n * sol.y[g]!) / size[g]!))
          for (let g = 0; g < G; g++) if (!Number.isNaN(fixed[g]!)) bound -= fixed[g]! * y[g]!
          if (bound < centerBound) {
            center = y
            centerBound = bound
          }
          if (value > threshold && (pool.add(c) || !dual.has(c))) {
            dual.addPanel(c)
            added = true
            break
          }
        }
        if (added) {
          if (dual.size > PURGE_ROWS * G) stats.purged += dual.purge()
          continue
        }
        // Level optimal: groups with a positive dual cannot rise above z in any optimal solution.
        const z = Math.max(0, Math.min(1, sol.objective))
        const toFix: number[] = []
        for (let g = 0; g < G; g++) if (Number.isNaN(fixed[g]!) && sol.y[g]! > DUAL_EPS) toFix.push(g)
        if (toFix.length === 0) {
          // numerically degenerate: fix the group with the largest dual
          let best = -1
          for (let g = 0; g < G; g++) if (Number.isNaN(fixed[g]!) && (best < 0 || sol.y[g]! > sol.y[best]!)) best = g
          toFix.push(best)
        }
        for (const g of toFix) fixed[g] = z
        dual.fix(toFix, fixed)
        levels++
        converged = true
        level = undefined
        break
      }
      if (!wantLeximin) break
      if (secondsLeft() <= 0) break
    }

    const complete = unfixedCount(fixed) === 0
    const algorithm: Algorithm = complete && wantLeximin ? 'leximin' : 'maximin'
    // Targets for the final distribution: fixed levels, and for the rest the best level reached.
    const floorForRest = level ?? lastFixed(fixed)
    stats.lpSolves++
    const lambda = primalDistribution(h, s, pool.panels, fixed, floorForRest, Math.max(5, secondsLeft()))
    stats.panelsGenerated = pool.panels.length
    stats.ms = now() - start
    return buildResult(instance, s, pool.panels, lambda, algorithm, converged, levels, stats, options, numericTrouble)
  } finally {
    pricing.dispose()
    dual?.dispose()
  }
}

function unfixedCount(fixed: Float64Array): number {
  let n = 0
  for (const p of fixed) if (Number.isNaN(p)) n++
  return n
}

function fixedGroups(fixed: Float64Array): number[] {
  const out: number[] = []
  fixed.forEach((p, g) => Number.isNaN(p) || out.push(g))
  return out
}

function lastFixed(fixed: Float64Array): number {
  let m = 0
  for (const p of fixed) if (!Number.isNaN(p)) m = Math.max(m, p)
  return m
}

const LP_TOLERANCES = { primal_feasibility_tolerance: 1e-9, dual_feasibility_tolerance: 1e-9 }

/** Distinct panel compositions found so far. */
class Pool {
  readonly panels: number[][] = []
  private readonly keys = new Set<string>()
  constructor(private readonly groups: number) {}
  add(c: number[]): boolean {
    if (c.length !== this.groups) return false
    const k = c.join(',')
    if (this.keys.has(k)) return false
    this.keys.add(k)
    this.panels.push(c)
    return true
  }
}

/** The restricted dual LP of one level, kept alive across levels. Columns: y_0..y_{G-1}, ŷ. */
class DualModel {
  private readonly m: Model
  private readonly G: number
  private readonly groupSize: number[]
  constructor(
    private readonly h: Highs,
    s: Structure,
    fixed: Float64Array,
    seed = 0,
  ) {
    this.G = s.groups.length
    this.groupSize = s.groups.map((g) => g.members.length)
    const G = this.G
    const unfixed: number[] = []
    for (let g = 0; g < G; g++) if (Number.isNaN(fixed[g]!)) unfixed.push(g)
    this.m = quietModel(h)
    // dual simplex: after each new row the previous basis stays dual feasible. Tight tolerances:
    // a probability off by 1e-7 in a big group frees seats that a small group would pick up.
    this.m.options.set({ solver: 'simplex', simplex_strategy: 1, presolve: 'off', random_seed: 1 + seed, ...LP_TOLERANCES })
    this.m.passModel({
      numCols: G + 1,
      numRows: 1,
      sense: h.constants.objectiveSense.minimize,
      colCost: [...Array.from(fixed, (p) => (Number.isNaN(p) ? 0 : -p)), 1],
      colLower: new Float64Array(G + 1),
      colUpper: new Float64Array(G + 1).fill(h.infinity),
      rowLower: [1],
      rowUpper: [1],
      matrix: { format: 'csr', numRows: 1, numCols: G + 1, starts: [0, unfixed.length], indices: unfixed, values: unfixed.map(() => 1) },
    })
  }

  /** Panel keys of the rows 1… (row 0 is Σ y = 1). */
  private readonly rows: string[] = []
  private readonly inModel = new Set<string>()
  /** Row activities of the last solve. */
  private activity: ArrayLike<number> = []

  has(c: readonly number[]): boolean {
    return this.inModel.has(c.join(','))
  }

  /** Rows of the model besides Σ y = 1. */
  get size(): number {
    return this.rows.length
  }

  /**
   * Drops the panels with slack in the last solution (their dual, the panel's weight, is 0): the
   * LP stays small, and the pricing ILP brings a panel back should it be needed again.
   */
  purge(): number {
    const activity = this.activity
    const drop: number[] = []
    const keep: string[] = []
    this.rows.forEach((k, i) => {
      if (i + 1 < activity.length && activity[i + 1]! < -PURGE_SLACK) {
        drop.push(i + 1)
        this.inModel.delete(k)
      } else keep.push(k)
    })
    if (drop.length === 0) return 0
    this.m.deleteRows({ kind: 'set', indices: drop })
    this.rows.splice(0, this.rows.length, ...keep)
    this.activity = []
    return drop.length
  }

  addPanel(c: readonly number[]): void {
    const key = c.join(',')
    if (this.inModel.has(key)) return
    this.inModel.add(key)
    this.rows.push(key)
    const indices: number[] = []
    const values: number[] = []
    c.forEach((n, g) => {
      if (n > 0) {
        indices.push(g)
        values.push(n / this.groupSize[g]!)
      }
    })
    indices.push(this.G)
    values.push(-1)
    this.m.addRow(-this.h.infinity, 0, { indices, values })
  }

  fix(groups: readonly number[], fixed: Float64Array): void {
    for (const g of groups) {
      this.m.changeColCost(g, -fixed[g]!)
      this.m.changeCoefficient(0, g, 0)
    }
  }

  solve(seconds: number): { y: Float64Array; yHat: number; objective: number } | 'timeout' | 'failed' {
    if (seconds <= 0) return 'timeout'
    const status = runWithin(this.h, this.m, seconds)
    if (status === 'timeout') return 'timeout'
    if (status !== 'optimal') return 'failed'
    const solution = this.m.getSolution()
    const x = solution.colValue
    this.activity = solution.rowValue
    return { y: x.slice(0, this.G), yHat: x[this.G]!, objective: this.m.getObjectiveValue() }
  }

  dispose(): void {
    this.m.dispose()
  }
}

/**
 * A distribution over the pool meeting the levels: minimise ε s.t. Σλ = 1 and every fixed group's
 * probability within ε of its level, on both sides (so no group ends above its level either); groups
 * still unfixed (MAXIMIN) at least `floor` − ε. Simplex gives a vertex: at most 2G+1 panels get weight.
 */
function primalDistribution(h: Highs, s: Structure, panels: number[][], fixed: Float64Array, floor: number, seconds: number): Float64Array {
  const G = s.groups.length
  const P = panels.length
  const size = s.groups.map((g) => g.members.length)
  // rows: Σλ, then per group "π_g + ε ≥ level", then per fixed group "π_g − ε ≤ level"
  const upperRow = new Int32Array(G).fill(-1)
  let rows = G + 1
  for (let g = 0; g < G; g++) if (!Number.isNaN(fixed[g]!)) upperRow[g] = rows++
  const starts = [0]
  const indices: number[] = []
  const values: number[] = []
  for (const c of panels) {
    indices.push(0)
    values.push(1)
    c.forEach((n, g) => {
      if (n > 0) {
        indices.push(g + 1)
        values.push(n / size[g]!)
        if (upperRow[g]! >= 0) {
          indices.push(upperRow[g]!)
          values.push(n / size[g]!)
        }
      }
    })
    starts.push(indices.length)
  }
  for (let g = 0; g < G; g++) {
    indices.push(g + 1)
    values.push(1)
  }
  for (let g = 0; g < G; g++) {
    if (upperRow[g]! < 0) continue
    indices.push(upperRow[g]!)
    values.push(-1)
  }
  starts.push(indices.length)
  const level = Array.from(fixed, (p) => (Number.isNaN(p) ? Math.max(0, floor) : p))
  const rowLower = [1, ...level]
  const rowUpper = [1, ...new Array<number>(G).fill(h.infinity)]
  for (let g = 0; g < G; g++) {
    if (upperRow[g]! < 0) continue
    rowLower.push(-h.infinity)
    rowUpper.push(level[g]!)
  }
  const m = quietModel(h)
  try {
    m.options.set({ solver: 'simplex', ...LP_TOLERANCES })
    m.passModel({
      numCols: P + 1,
      numRows: rows,
      sense: h.constants.objectiveSense.minimize,
      colCost: [...new Array<number>(P).fill(0), 1],
      colLower: [...new Array<number>(P).fill(0), -h.infinity],
      colUpper: new Float64Array(P + 1).fill(h.infinity),
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows: rows, numCols: P + 1, starts, indices, values },
    })
    const status = runWithin(h, m, seconds)
    if (status !== 'optimal') throw new Error(t.noDistribution)
    const x = m.getSolution().colValue
    const lambda = Float64Array.from(x.subarray(0, P), (v) => (v > 1e-12 ? v : 0))
    const total = lambda.reduce((a, b) => a + b, 0)
    return lambda.map((v) => v / total)
  } finally {
    m.dispose()
  }
}

function buildResult(
  instance: Instance,
  s: Structure,
  panels: number[][],
  lambda: Float64Array,
  algorithm: Algorithm,
  converged: boolean,
  levels: number,
  stats: SelectionResult['stats'],
  options: ProbabilityOptions,
  numericTrouble: boolean,
): SelectionResult {
  const G = s.groups.length
  const expected = new Float64Array(G)
  const distribution: SelectionResult['distribution'] = []
  panels.forEach((c, i) => {
    const p = lambda[i]!
    if (p <= 0) return
    distribution.push({ counts: c, probability: p })
    c.forEach((n, g) => (expected[g] = expected[g]! + p * n))
  })
  distribution.sort((a, b) => b.probability - a.probability)
  const groups: GroupProbability[] = s.groups.map((g, i) => ({
    features: g.features,
    members: g.members,
    probability: Math.min(1, expected[i]! / g.members.length),
  }))
  const probabilities: Record<string, number> = {}
  for (const g of groups) for (const id of g.members) probabilities[id] = g.probability
  const byId = new Map(instance.candidates.map((c) => [c.id, c]))
  const forced: SelectionResult['forced'] = []
  const excluded: SelectionResult['excluded'] = []
  for (const g of groups) {
    for (const id of g.members) {
      const c = byId.get(id)!
      if (g.probability >= CERTAIN) {
        const available = (q: Quota): number => instance.candidates.filter((o) => inQuota(o, q)).length
        const q = instance.quotas.find((q) => inQuota(c, q) && q.min > 0 && available(q) <= q.min)
        // otherwise name the groups whose minimum asks more than their share of volunteers
        const scarce = instance.quotas.filter((q) => inQuota(c, q) && q.min / available(q) > instance.seats / instance.candidates.length)
        const reason = q
          ? t.forcedByQuota(groupLabel(q.feature, q.value), q.min, peopleLabel(q.feature, q.value), available(q))
          : scarce.length
            ? t.forcedScarce(scarce.map((q) => groupLabel(q.feature, q.value)))
            : t.forcedCombination
        forced.push({ id, reason })
      } else if (g.probability <= 1e-9) {
        const q = instance.quotas.find((q) => inQuota(c, q) && q.max === 0)
        excluded.push({ id, reason: q ? t.excludedByQuota(groupLabel(q.feature, q.value)) : t.excludedNoRoom })
      }
    }
  }
  forced.sort((a, b) => compareIds(a.id, b.id))
  excluded.sort((a, b) => compareIds(a.id, b.id))
  const minProbability = groups.reduce((m, g) => Math.min(m, g.probability), 1)
  const secs = (stats.ms / 1000).toFixed(1)
  const min = `${(minProbability * 100).toFixed(1)}%`
  const tooBig = G > (options.maxLeximinGroups ?? 3000) && options.algorithm !== 'maximin'
  const summary =
    algorithm === 'leximin'
      ? t.leximin({ levels, panels: panels.length, secs, min })
      : options.algorithm === 'maximin'
        ? t.maximin({ secs, min, converged })
        : t.fallback({ cause: tooBig ? 'tooBig' : numericTrouble ? 'numeric' : 'timeout', secs, min, converged })
  return { feasible: true, algorithm, converged, levels, minProbability, probabilities, groups, distribution, forced, excluded, stats, summary }
}
