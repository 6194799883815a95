/**
 * Council lottery bench (issue 7): a seeded pool of 404 volunteers for 40 seats (the size of the
 * Nature paper's instance, which took 46 s with Gurobi), quotas on building, age band, gender and
 * tenure. Prints the time to LEXIMIN probabilities, the minimum probability next to a greedy draw's
 * sampled minimum, and the 1000-panel lottery's rounding time and deviation.
 *
 * Then the pools of issue 15 at scale, with 6 quota categories (adds years of residence and
 * education): 400/40 (~190 types; goal LEXIMIN ≤ 20 s) and 2000/60 (goal ≤ 120 s), each timed
 * against the 404/40 pool above measured in the same run (the ratio travels between machines).
 *
 *   npm run bench:sortition [-- --candidates 404 --seats 40 --buildings 10 --seed 2021 --samples 10000 --scale 0|1]
 */
import { performance } from 'node:perf_hooks'
import { commitLottery, performDraw, verifyDraw } from '../src/domain/sortition/draw.js'
import { greedyDraw } from '../src/domain/sortition/greedy.js'
import { computeProbabilities } from '../src/domain/sortition/leximin.js'
import { buildLottery } from '../src/domain/sortition/lottery.js'
import { seededRandom, syntheticInstance } from '../src/domain/sortition/synthetic.js'

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN
  return Number.isFinite(v) ? v : fallback
}

const candidates = arg('candidates', 404)
const seats = arg('seats', 40)
const buildings = arg('buildings', 10)
const seed = arg('seed', 2021)
const samples = arg('samples', 10_000)
const instance = syntheticInstance({ candidates, seats, buildings, seed })
const pct = (p: number): string => `${(p * 100).toFixed(2)}%`
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`

console.log(`pool: ${candidates} volunteers, ${seats} seats, ${instance.quotas.length} quotas (seed ${seed})`)
for (const q of instance.quotas) {
  const have = instance.candidates.filter((c) => c.features[q.feature] === q.value).length
  console.log(`  ${q.feature}=${q.value}`.padEnd(22) + `seats ${q.min}–${q.max}`.padEnd(12) + `volunteers ${have}`)
}

let t = performance.now()
const result = await computeProbabilities(instance, { timeLimitMs: 45_000 })
const probMs = performance.now() - t
if (!result.feasible) {
  console.log('infeasible:', result.reasons.join('；'))
  process.exit(1)
}
t = performance.now()
const maximin = await computeProbabilities(instance, { algorithm: 'maximin', timeLimitMs: 45_000 })
const maximinMs = performance.now() - t

// greedy: sample draws, estimate each volunteer's probability
t = performance.now()
const rand = seededRandom(seed + 1)
const hits = new Map<string, number>()
let done = 0
for (let s = 0; s < samples; s++) {
  const panel = greedyDraw(instance, rand)
  if (!panel) continue
  done++
  for (const id of panel) hits.set(id, (hits.get(id) ?? 0) + 1)
}
const greedyMs = performance.now() - t
const greedyProbs = instance.candidates.map((c) => (hits.get(c.id) ?? 0) / Math.max(1, done))
const greedyMin = Math.min(...greedyProbs)
const greedyZero = greedyProbs.filter((p) => p === 0).length
const below = (x: number): number => greedyProbs.filter((p) => p < x).length

t = performance.now()
const lottery = await buildLottery(instance, result)
const lotteryMs = performance.now() - t
const commitment = commitLottery(instance, lottery, result.algorithm, '福彩3D 2025年7月1日开奖号码')
t = performance.now()
const drawn = performDraw(commitment, '527')
const verified = drawn.ok ? verifyDraw(drawn.file) : undefined
const verifyMs = performance.now() - t

console.log()
console.log(`probabilities       ${secs(probMs)}  algorithm ${result.algorithm}, ${result.levels} levels, ${result.groups.length} groups of interchangeable volunteers`)
console.log(`                    ${result.stats.panelsGenerated} panel compositions, ${result.stats.ilpSolves} ILP + ${result.stats.lpSolves} LP solves`)
console.log(`  minimum           ${pct(result.minProbability)}  (${result.algorithm.toUpperCase()})`)
console.log(`  maximin only      ${maximin.feasible ? `${pct(maximin.minProbability)} in ${secs(maximinMs)}` : '-'}`)
console.log(`  greedy draw       ${pct(greedyMin)} estimated minimum over ${done} sampled draws (${secs(greedyMs)}); ${greedyZero} never drawn, ${below(result.minProbability)} below the LEXIMIN minimum`)
console.log(`  certain to sit    ${result.forced.length}${result.forced.length ? `: ${result.forced.map((f) => `${f.id}（${f.reason}）`).join('，')}` : ''}`)
console.log(`  reference         Nature 2021, 404/40 with Gurobi: 46 s`)
console.log(`lottery (1000)      ${secs(lotteryMs)}  max deviation ${(lottery.maxDeviation * 1000).toFixed(3)}/1000, within 1/1000: ${lottery.exact ? 'yes' : 'NO'}`)
console.log(`draw + verify       ${secs(verifyMs)}  ${drawn.ok ? `index ${drawn.file.chosenIndex}` : drawn.reason}, verify: ${verified?.ok ? verified.message : JSON.stringify(verified)}`)
console.log(result.summary)

if (arg('scale', 1) !== 0) {
  console.log()
  console.log(`at scale (6 quota categories), against the ${candidates}/${seats} LEXIMIN above (${secs(probMs)}):`)
  for (const [n, k, goal] of [
    [400, 40, 20],
    [2000, 60, 120],
  ] as const) {
    const big = syntheticInstance({ candidates: n, seats: k, buildings, seed, categories: 6 })
    t = performance.now()
    // budget a little over the goal, so the figure says how far off a miss is
    const r = await computeProbabilities(big, { timeLimitMs: goal * 1500 })
    const ms = performance.now() - t
    if (!r.feasible) {
      console.log(`  ${n}/${k}: infeasible: ${r.reasons.join('；')}`)
      continue
    }
    const ok = r.algorithm === 'leximin' && ms <= goal * 1000
    console.log(
      `  ${`${n}/${k}`.padEnd(8)} ${r.groups.length} types, ${r.algorithm.toUpperCase()} in ${secs(ms)} (${(ms / probMs).toFixed(1)}× the baseline; goal ≤ ${goal} s: ${ok ? 'met' : 'MISSED'})`,
    )
    console.log(
      `           ${r.levels} levels, ${r.stats.panelsGenerated} panels, ${r.stats.ilpSolves} ILP + ${r.stats.lpSolves} LP solves, ${r.stats.purged} slack panels dropped, ${r.stats.lpRebuilds} LP restarts, fixed levels lowered by ${r.stats.relaxed}`,
    )
    console.log(`           minimum ${pct(r.minProbability)}; ${r.summary}`)
  }
}
