/**
 * Duplicate check at submission, pure core only (no database): 5,000 existing suggestions of
 * one community (20 buildings × 9 categories, resident-like phrasings), then N new submissions
 * timed against
 *   - the realistic subset: what the intake would load (same building, or same place kind when
 *     the new one has no building), features precomputed and stored;
 *   - all 5,000 passed in (findDuplicates keys them itself), features precomputed;
 *   - the realistic subset without stored features (featuresOf for each candidate on the fly);
 *   - a worst case: 5,000 in the very same building and category (nothing for the key to drop).
 *
 *   npx tsx bench/duplicates-core.bench.ts [--n 2000] [--seed 1]
 */
import { performance } from 'node:perf_hooks'
import { featuresOf, findDuplicates, type Candidate } from '../src/domain/suggestions/similarity.js'
import { suggestionCorpus } from './suggestionCorpus.js'

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : dflt
}
const N = arg('n', 2000)
const SEED = arg('seed', 1)
const EXISTING = 5000
const BUILDINGS = 20

const { generate } = suggestionCorpus(SEED, BUILDINGS)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
function report(label: string, times: number[], sizes: number[], hits: number): void {
  const t = [...times].sort((a, b) => a - b)
  const avgSize = sizes.reduce((a, b) => a + b, 0) / sizes.length
  console.log(
    `${label.padEnd(44)} p50 ${percentile(t, 50).toFixed(3)} ms  p99 ${percentile(t, 99).toFixed(3)} ms  max ${t[t.length - 1]!.toFixed(3)} ms` +
      `  (candidates passed ≈ ${avgSize.toFixed(0)}, submissions with a hint ${((100 * hits) / times.length).toFixed(0)}%)`,
  )
}

function time(label: string, queries: Candidate[], candidatesFor: (q: Candidate) => readonly Candidate[]): void {
  const times: number[] = []
  const sizes: number[] = []
  let hits = 0
  for (const q of queries.slice(0, 50)) findDuplicates(q, candidatesFor(q)) // warm-up
  for (const q of queries) {
    const cands = candidatesFor(q)
    const t0 = performance.now()
    const found = findDuplicates(q, cands)
    times.push(performance.now() - t0)
    sizes.push(cands.length)
    if (found.length > 0) hits++
  }
  report(label, times, sizes, hits)
}

// --- run ------------------------------------------------------------------------------------

let t0 = performance.now()
featuresOf('路灯坏了') // loads the jieba dictionary
console.log(`jieba dictionary load: ${(performance.now() - t0).toFixed(0)} ms`)

t0 = performance.now()
const existing = generate(EXISTING)
const genMs = performance.now() - t0
const sample = existing.slice(0, 2000).map((c) => c.text)
t0 = performance.now()
for (const s of sample) featuresOf(s)
console.log(
  `${EXISTING} existing suggestions generated in ${genMs.toFixed(0)} ms; featuresOf ${((1000 * (performance.now() - t0)) / sample.length).toFixed(1)} µs per suggestion`,
)

const queries = generate(N).map((q, i) => ({ ...q, id: EXISTING + 1 + i, features: undefined }))
const byBuilding = new Map<number | null, Candidate[]>()
for (const c of existing) {
  const k = c.building ?? null
  byBuilding.set(k, [...(byBuilding.get(k) ?? []), c])
}
const realistic = (q: Candidate): readonly Candidate[] => byBuilding.get(q.building ?? null) ?? []
const bare = existing.map(({ features: _f, ...c }) => c)
const bareByBuilding = new Map<number | null, Candidate[]>()
for (const c of bare) {
  const k = c.building ?? null
  bareByBuilding.set(k, [...(bareByBuilding.get(k) ?? []), c])
}

console.log(`\n${N} submissions, findDuplicates per submission (query features computed inside):`)
time('realistic subset (same building), stored features', queries, realistic)
time(`all ${EXISTING} passed, stored features`, queries, () => existing)
time('realistic subset, features computed on the fly', queries, (q) => bareByBuilding.get(q.building ?? null) ?? [])

const worst = generate(EXISTING, { building: 3, category: '照明' })
const worstQueries = generate(Math.min(N, 500), { building: 3, category: '照明' }).map((q, i) => ({ ...q, id: 2 * EXISTING + i, features: undefined }))
time(`worst case: ${EXISTING} in one building + category`, worstQueries, () => worst)
