/**
 * Backup and restore (`npm run backup` / `npm run restore`, the nightly job) at the papers'
 * community size: the export bench's data (2,253 households, ~1,500 suggestions, ~8,300 ballots),
 * on Postgres (pg_dump -Fc / pg_restore --clean --single-transaction) and on PGlite in a data
 * directory (dumpDataDir tarball / a fresh folder from it).
 *
 * Baseline, measured in the same run on the same database: reading every row of every table
 * (`select *`), which any backup has to do at least. Figures are medians of RUNS.
 *
 *   npm run bench:backup -- --households 2253
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { openDatabase, type Database } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { backupDatabase, restorePglite, restorePostgres } from '../src/features/ops/index.js'
import { PAPERS, seedPapersCommunity } from './papersCommunity.js'
import { scratchDatabase } from './scratch.js'

const { values: argv } = parseArgs({ options: { households: { type: 'string', default: String(PAPERS) } } })
const N = Number(argv.households)
if (!Number.isInteger(N) || N < 100) throw new Error(`--households must be an integer ≥ 100, got ${argv.households}`)
const RUNS = 3
const TZ = 'Asia/Shanghai'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const r = await fn()
  return [r, performance.now() - t]
}

async function runs(fn: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) ms.push((await timed(fn))[1])
  return ms
}

/** every row of every table in the public schema (and drizzle's migrations) */
async function readEverything(database: Database): Promise<number> {
  const tables = (await database.query<{ t: string }>(`select quote_ident(table_schema) || '.' || quote_ident(table_name) as t from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE'`, []))
  let rows = 0
  for (const { t } of tables) rows += (await database.query(`select * from ${t}`, [])).length
  return rows
}

function report(label: string, baseMs: number[], backupMs: number[], restoreMs: number[], bytes: number, rows: number): void {
  const b = median(baseMs)
  console.log(`${label}`)
  console.log(`  baseline select * (${rows} rows): median ${s(b)} (${baseMs.map((x) => x.toFixed(0)).join(', ')} ms)`)
  console.log(`  backup:  median ${s(median(backupMs))} (${backupMs.map((x) => x.toFixed(0)).join(', ')} ms)   ${(median(backupMs) / b).toFixed(1)}× baseline; file ${kb(bytes)}`)
  console.log(`  restore: median ${s(median(restoreMs))} (${restoreMs.map((x) => x.toFixed(0)).join(', ')} ms)   ${(median(restoreMs) / b).toFixed(1)}× baseline`)
}

async function postgresBench(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench_backup')
  const dir = mkdtempSync(join(tmpdir(), 'gj-bench-backup-pg-'))
  try {
    const [, seedMs] = await timed(() => seedPapersCommunity(scratch.database.db, N))
    console.log(`Postgres ${new URL(scratch.url).host}: seeded in ${s(seedMs)}`)
    await readEverything(scratch.database) // warm-up
    let rows = 0
    const baseMs = await runs(async () => (rows = await readEverything(scratch.database)))
    let file = ''
    let bytes = 0
    let i = 0
    const backupMs = await runs(async () => {
      const r = await backupDatabase({ database: scratch.database, dir, now: new Date(Date.now() + 1000 * i++), timeZone: TZ })
      file = r.file
      bytes = r.bytes
    })
    const restoreMs = await runs(() => restorePostgres({ url: scratch.url, file }))
    const n = (await scratch.database.query<{ n: number }>('select count(*)::int as n from ballots', []))[0]?.n
    report(`pg_dump -Fc / pg_restore --clean --if-exists --single-transaction (ballots after restore: ${n})`, baseMs, backupMs, restoreMs, bytes, rows)
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await scratch.drop()
  }
}

async function pgliteBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'gj-bench-backup-pglite-'))
  const dataDir = join(root, 'pglite')
  const backups = join(root, 'backups')
  try {
    let database = await openDatabase({ url: dataDir, dataDir: root })
    await migrateDatabase(database)
    const [, seedMs] = await timed(() => seedPapersCommunity(database.db, N))
    console.log(`PGlite ${dataDir}: seeded in ${s(seedMs)}`)
    await readEverything(database)
    let rows = 0
    const baseMs = await runs(async () => (rows = await readEverything(database)))
    let file = ''
    let bytes = 0
    let i = 0
    const backupMs = await runs(async () => {
      const r = await backupDatabase({ database, dir: backups, now: new Date(Date.now() + 1000 * i++), timeZone: TZ })
      file = r.file
      bytes = r.bytes
    })
    await database.close()
    // a restore is only whole once the bot can open the folder again: both are timed
    let j = 0
    const restoreMs = await runs(async () => {
      const target = join(root, `restored-${j++}`)
      await restorePglite({ dataDir: target, file, now: new Date(), timeZone: TZ })
      const reopened = await openDatabase({ url: target, dataDir: root })
      await reopened.query('select count(*) from ballots', [])
      await reopened.close()
    })
    database = await openDatabase({ url: join(root, 'restored-0'), dataDir: root })
    const n = (await database.query<{ n: number }>('select count(*)::int as n from ballots', []))[0]?.n
    await database.close()
    report(`PGlite dumpDataDir (gzip tarball) / a fresh folder from it, then opened (ballots after restore: ${n})`, baseMs, backupMs, restoreMs, bytes, rows)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

console.log(`\nGongjian backup bench — the papers' community, ${N} households; medians of ${RUNS}`)
await postgresBench()
await pgliteBench()
