/**
 * Thin layer over HiGHS (WASM, MIT). Models are kept between solves so simplex can warm-start
 * after a row is added and the MIP only gets new objective coefficients.
 */
// Namespace import: the package's types describe CommonJS, while Node loads its ESM build.
import * as highsModule from 'highs'
import type { Highs, Model } from 'highs'
import type { Structure } from './groups.js'

let loading: Promise<Highs> | undefined

type Loader = () => Promise<Highs>
function loader(): Loader {
  // ESM build: the namespace's default is the loader; a CommonJS interop would nest it once more
  const d = (highsModule as unknown as { default: Loader | { default: Loader } }).default
  return typeof d === 'function' ? d : d.default
}

/** One WASM instance per process: loading it costs ~50 ms. */
export function loadHighs(): Promise<Highs> {
  loading ??= loader()()
  return loading
}

export type SolveStatus = 'optimal' | 'infeasible' | 'timeout' | 'error'

export function statusOf(h: Highs, code: number): SolveStatus {
  const s = h.constants.modelStatus
  if (code === s.optimal) return 'optimal'
  if (code === s.infeasible) return 'infeasible'
  if (code === s.timeLimit || code === s.iterationLimit || code === s.interrupted) return 'timeout'
  return 'error'
}

export function quietModel(h: Highs): Model {
  const m = h.createModel()
  m.options.set({ output_flag: false, random_seed: 1 })
  return m
}

/** Runs with a fresh clock: HiGHS counts time_limit cumulatively per model. */
export function runWithin(h: Highs, m: Model, seconds: number): SolveStatus {
  m.zeroAllClocks()
  m.options.set('time_limit', Math.max(0.05, seconds))
  try {
    return statusOf(h, m.run().modelStatus)
  } catch {
    return 'error'
  }
}

export interface Row {
  idx: number[]
  val: number[]
  lo: number
  hi: number
}

export interface ProgramSpec {
  sense: 'min' | 'max'
  cost: ArrayLike<number>
  lower: ArrayLike<number>
  upper: ArrayLike<number>
  rows: Row[]
  /** Columns that must be integral (all when omitted). */
  integer?: (col: number) => boolean
}

/** Passes a row-wise program to a fresh quiet model. */
export function programModel(h: Highs, p: ProgramSpec): Model {
  const n = p.cost.length
  const starts = [0]
  const indices: number[] = []
  const values: number[] = []
  for (const r of p.rows) {
    indices.push(...r.idx)
    values.push(...r.val)
    starts.push(indices.length)
  }
  const m = quietModel(h)
  const vt = h.constants.variableType
  m.passModel({
    numCols: n,
    numRows: p.rows.length,
    sense: p.sense === 'max' ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize,
    colCost: Float64Array.from(p.cost),
    colLower: Float64Array.from(p.lower),
    colUpper: Float64Array.from(p.upper),
    rowLower: p.rows.map((r) => r.lo),
    rowUpper: p.rows.map((r) => r.hi),
    matrix: { format: 'csr', numRows: p.rows.length, numCols: n, starts, indices, values },
    integrality: Array.from({ length: n }, (_, j) => (p.integer && !p.integer(j) ? vt.continuous : vt.integer)),
  })
  return m
}

/** Solves once; the rounded primal values when a feasible solution is known, else undefined. */
export function solveProgram(h: Highs, p: ProgramSpec, seconds: number, options: Record<string, number | string | boolean> = {}): { status: SolveStatus; x?: number[] } {
  const m = programModel(h, p)
  try {
    m.options.set(options)
    const status = runWithin(h, m, seconds)
    const ok = m.info.get('primal_solution_status') === h.constants.solutionStatus.feasible
    if (!ok || (status !== 'optimal' && status !== 'timeout')) return { status }
    return { status, x: Array.from(m.getSolution().colValue, (v, j) => (p.integer && !p.integer(j) ? v : Math.round(v))) }
  } finally {
    m.dispose()
  }
}

/** Relative MIP gap: the pricing ILP must be (nearly) exact to prove a level optimal. */
const EXACT_GAP = 1e-8

export interface PanelResult {
  status: SolveStatus
  /** Seats per group. */
  counts: number[]
  /** No panel is worth more than this (the MIP's dual bound; = the value when solved exactly). */
  bound: number
}

/**
 * The panel ILP over group counts: 0 ≤ c_g ≤ |g|, Σ c_g = seats, quota rows; maximise w·c.
 * `dropFeatures` leaves some features' quotas out (to explain infeasibility).
 */
export class PanelModel {
  private readonly m: Model
  private readonly n: number

  constructor(
    private readonly h: Highs,
    s: Structure,
    seats: number,
    quotas: readonly { feature: string; min: number; max: number }[],
    dropFeatures: ReadonlySet<string> = new Set(),
  ) {
    this.n = s.groups.length
    const rowsIdx: number[][] = [s.groups.map((_, i) => i)]
    const lower = [seats]
    const upper = [seats]
    quotas.forEach((q, i) => {
      if (dropFeatures.has(q.feature)) return
      rowsIdx.push(s.quotaGroups[i]!)
      lower.push(q.min)
      upper.push(q.max)
    })
    const starts = [0]
    const indices: number[] = []
    for (const r of rowsIdx) {
      indices.push(...r)
      starts.push(indices.length)
    }
    this.m = quietModel(h)
    this.m.options.set({ mip_rel_gap: EXACT_GAP, mip_abs_gap: 1e-10 })
    this.m.passModel({
      numCols: this.n,
      numRows: rowsIdx.length,
      sense: h.constants.objectiveSense.maximize,
      colCost: new Float64Array(this.n),
      colLower: new Float64Array(this.n),
      colUpper: s.groups.map((g) => g.members.length),
      rowLower: lower,
      rowUpper: upper,
      matrix: { format: 'csr', numRows: rowsIdx.length, numCols: this.n, starts, indices, values: indices.map(() => 1) },
      integrality: new Int32Array(this.n).fill(h.constants.variableType.integer),
    })
  }

  /** The best panel under `weights`, and a bound no panel beats. */
  best(weights: ArrayLike<number>, seconds: number): PanelResult {
    if (this.n > 0) this.m.changeColsCost({ kind: 'range', from: 0, to: this.n - 1 }, Float64Array.from(weights))
    const status = runWithin(this.h, this.m, seconds)
    if (status !== 'optimal') {
      // a time-limited MIP may still hold a valid incumbent, but we only trust proven optima
      return { status, counts: [], bound: Infinity }
    }
    const x = this.m.getSolution().colValue
    const counts = Array.from(x, (v) => Math.round(v))
    const value = counts.reduce((a, n, g) => a + n * weights[g]!, 0)
    const dualBound = Number(this.m.info.get('mip_dual_bound'))
    return { status, counts, bound: Number.isFinite(dualBound) ? Math.max(value, dualBound) : value }
  }

  dispose(): void {
    this.m.dispose()
  }
}
