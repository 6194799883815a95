/**
 * The staff export (导出): `buildWorkbook` on a community the size of the papers' one — 2,253
 * households in 20 buildings (two confirmed people each), ~1,500 suggestions (supports,
 * withdrawals, most merged into 60 projects), a resident round (a ballot per household, 3 dots),
 * a council round (40 members' scores), 40 assignments to 6 partners, 300 progress updates and
 * 20 closed acceptance rounds of ~300 commented ratings. Seeded with batched inserts, reproducible.
 *
 * Measured: the export's wall time (median of 5) and memory, against a baseline of reading every
 * row of the tables it reads; the file's size and each sheet's rows (read back with exceljs);
 * a rough split of the time by query. Goal: export ≤ 5 s.
 *
 *   npm run bench:export -- --households 2253
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import ExcelJS from 'exceljs'
import {
  reportBallots,
  reportBuildings,
  reportHouseholds,
  reportProgress,
  reportProjects,
  reportRounds,
  reportSuggestions,
  suggesterHouseholds,
} from '../src/db/report.js'
import { assignments, ballots, households, people, progressUpdates, projects, rounds, suggestionSupports, suggestions } from '../src/db/schema.js'
import { buildWorkbook } from '../src/features/export/index.js'
import { ACCEPTANCE, BUILDINGS, COUNCIL, day, PARTNERS, seedPapersCommunity } from './papersCommunity.js'
import { scratchDatabase } from './scratch.js'

const { values: argv } = parseArgs({ options: { households: { type: 'string', default: '2253' } } })
const N = Number(argv.households)
if (!Number.isInteger(N) || N < 100) throw new Error(`--households must be an integer ≥ 100, got ${argv.households}`)
const RUNS = 5
const GOAL_MS = 5000
const TZ = 'Asia/Shanghai'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

/** Times one async call, ms. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const r = await fn()
  return [r, performance.now() - t]
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench_export')
  try {
    const { db } = scratch.database
    const t = performance.now()
    const { communityId, counts, ratings: RATINGS } = await seedPapersCommunity(db, N)
    const seedMs = performance.now() - t
    console.log(`\nGongjian export bench (导出) — Postgres ${new URL(scratch.url).host}`)
    console.log(
      `${counts.households} households × 2 people, ${BUILDINGS} buildings; ${counts.suggestions} suggestions (${counts.supports} supports), ${counts.projects} projects, ` +
        `${counts.assignments} assignments to ${PARTNERS} partners, ${counts.progress} progress updates; rounds: resident (${N} ballots), council (${COUNCIL}), ` +
        `${ACCEPTANCE} acceptance × ${RATINGS} ratings — ${counts.ballots} ballots`,
    )
    console.log(`seeding: ${(seedMs / 1000).toFixed(1)} s`)

    // baseline: read every row of the tables the export reads, nothing else
    const BASE_TABLES = { suggestions, suggestionSupports, projects, assignments, progressUpdates, rounds, ballots, people, households }
    const baseline = async () => {
      let rows = 0
      for (const table of Object.values(BASE_TABLES)) rows += (await db.select().from(table)).length
      return rows
    }
    await baseline() // warm-up
    const baseMs: number[] = []
    let baseRows = 0
    for (let i = 0; i < RUNS; i++) {
      const [rows, ms] = await timed(baseline)
      baseRows = rows
      baseMs.push(ms)
    }

    // the export: one cold run (first plans), then 5 measured, memory sampled every 5 ms
    const now = day(200)
    const [, coldMs] = await timed(() => buildWorkbook(db, { communityId, now, timeZone: TZ }))
    const exportMs: number[] = []
    let peakRss = 0
    let peakHeap = 0
    let retained = 0
    let out: Awaited<ReturnType<typeof buildWorkbook>> | undefined
    for (let i = 0; i < RUNS; i++) {
      out = undefined
      gc()
      const before = process.memoryUsage()
      let rss = before.rss
      let heap = before.heapUsed
      const sampler = setInterval(() => {
        const m = process.memoryUsage()
        rss = Math.max(rss, m.rss)
        heap = Math.max(heap, m.heapUsed)
      }, 5)
      const [result, ms] = await timed(() => buildWorkbook(db, { communityId, now, timeZone: TZ }))
      clearInterval(sampler)
      const after = process.memoryUsage()
      rss = Math.max(rss, after.rss)
      heap = Math.max(heap, after.heapUsed)
      out = result
      exportMs.push(ms)
      peakRss = Math.max(peakRss, rss - before.rss)
      peakHeap = Math.max(peakHeap, heap - before.heapUsed)
      gc()
      retained = Math.max(retained, process.memoryUsage().heapUsed - before.heapUsed)
    }
    const exportMedian = median(exportMs)
    const baseMedian = median(baseMs)

    // the file: size, and each sheet's rows read back
    const wb = new ExcelJS.Workbook()
    const [, loadMs] = await timed(() => wb.xlsx.load(out!.buffer as unknown as ArrayBuffer))
    const sheets = wb.worksheets.map((ws) => `${ws.name} ${ws.rowCount - 1}`)
    const [, writeMs] = await timed(() => wb.xlsx.writeBuffer())

    console.log(`baseline (select * from ${Object.keys(BASE_TABLES).length} tables, ${baseRows} rows): median ${baseMedian.toFixed(0)} ms of ${RUNS} (${baseMs.map((x) => x.toFixed(0)).join(', ')})`)
    console.log(`buildWorkbook: median ${exportMedian.toFixed(0)} ms of ${RUNS} (${exportMs.map((x) => x.toFixed(0)).join(', ')}); first run ${coldMs.toFixed(0)} ms   ratio export / baseline ${(exportMedian / baseMedian).toFixed(1)}×`)
    console.log(`memory per export: peak RSS +${mb(peakRss)}, peak heap +${mb(peakHeap)}, heap kept after GC +${mb(Math.max(0, retained))} (process max RSS ${mb(process.resourceUsage().maxRSS * 1024)})`)
    console.log(`file: ${out!.fileName}, ${(out!.buffer.length / 1024).toFixed(0)} KB; rows per sheet (without the header): ${sheets.join(', ')}`)
    console.log(`summary: ${out!.summary.split('\n').slice(0, 2).join(' ')}`)

    // rough split: the export's queries one by one (as buildWorkbook runs them), then the xlsx
    const split: [string, number][] = []
    const q = async (label: string, fn: () => Promise<unknown>) => {
      const ms: number[] = []
      for (let i = 0; i < RUNS; i++) ms.push((await timed(fn))[1])
      split.push([label, median(ms)])
    }
    const roundList = await reportRounds(db, { communityId })
    const ballotList = await reportBallots(db, { communityId })
    await q('reportSuggestions', () => reportSuggestions(db, { communityId }))
    await q('reportRounds', () => reportRounds(db, { communityId }))
    await q('reportBallots', () => reportBallots(db, { communityId }))
    await q('reportProjects', () => reportProjects(db, { communityId }))
    await q('reportProgress', () => reportProgress(db, { communityId }))
    await q('reportBuildings', () => reportBuildings(db, { communityId }))
    await q('reportHouseholds', () => reportHouseholds(db, { communityId }))
    await q('suggesterHouseholds', () => suggesterHouseholds(db, { communityId }))
    const queriesMs = split.reduce((n, [, ms]) => n + ms, 0)
    console.log(
      `split (medians): ${split.map(([l, ms]) => `${l} ${ms.toFixed(0)} ms`).join(', ')}; queries together ${queriesMs.toFixed(0)} ms ` +
        `(${((100 * queriesMs) / exportMedian).toFixed(0)}% of the export); xlsx write of the read-back file ${writeMs.toFixed(0)} ms (read ${loadMs.toFixed(0)} ms); ` +
        `${roundList.length} rounds, ${ballotList.length} ballots`,
    )
    console.log(`goal: export ≤ ${GOAL_MS / 1000} s for this community — median ${(exportMedian / 1000).toFixed(2)} s   ${exportMedian <= GOAL_MS ? 'met' : 'NOT MET'}`)
  } finally {
    await scratch.drop()
  }
}

await main()
