import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import type { Database } from '../../db/client.js'
import { dataDirHolder, lockDataDir } from '../../db/dataDirLock.js'
import { backupText as t } from './text.js'

/** A backup or restore that cannot go ahead: `message` is the sentence for the operator. */
export class BackupError extends Error {
  override name = 'BackupError'
}

export type BackupKind = 'postgres' | 'pglite'

/** gongjian-postgres-2026-12-02-030000.dump · gongjian-pglite-2026-12-02-030000.tar.gz (local time) */
const NAME = /^gongjian-(postgres|pglite)-(\d{4}-\d{2}-\d{2}-\d{6})\.(dump|tar\.gz)$/

export function backupFileName(kind: BackupKind, at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  const stamp = `${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}${parts.second}`
  return `gongjian-${kind}-${stamp}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`
}

/** The kind of a backup file, by its name (ours) or its extension (renamed copies). */
export function backupKind(file: string): BackupKind | undefined {
  const name = basename(file)
  if (/\.tar\.gz$|\.tgz$/.test(name)) return 'pglite'
  if (/\.(dump|pgdump|backup)$/.test(name)) return 'postgres'
  return undefined
}

/** Our backup files in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((f) => ({ f, m: NAME.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => !!x.m)
    .sort((a, b) => a.m[2]!.localeCompare(b.m[2]!) || a.f.localeCompare(b.f))
    .map((x) => join(dir, x.f))
}

/** Deletes all but the newest `keep` of our backup files (nothing else in the folder); returns what went. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (keep < 1) return []
  const old = listBackups(dir).slice(0, -keep)
  for (const f of old) rmSync(f, { force: true })
  return old
}

/** libpq's variables for a postgres:// URL: the password never appears on a command line. */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url)
  const env: Record<string, string> = {}
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''))
  if (u.port) env.PGPORT = u.port
  if (u.username) env.PGUSER = decodeURIComponent(u.username)
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password)
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''))
  if (db) env.PGDATABASE = db
  const sslmode = u.searchParams.get('sslmode')
  if (sslmode) env.PGSSLMODE = sslmode
  return env
}

/** Runs a PostgreSQL client program; a missing program or a failure becomes one sentence. */
function runPg(program: string, args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env: { ...process.env, ...libpqEnv(url) }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    child.on('error', (err) => reject((err as NodeJS.ErrnoException).code === 'ENOENT' ? new BackupError(t.noClient(program)) : err))
    child.on('close', (code) => {
      if (code === 0) return resolve()
      const why = stderr.trim().split('\n').slice(0, 3).join(' ')
      reject(new BackupError(t.clientFailed(program, code, why)))
    })
  })
}

function pgliteClient(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client
}

export interface BackupResult {
  file: string
  bytes: number
  ms: number
}

/**
 * A dated dump in `dir`: Postgres through `pg_dump -Fc` (custom format, for pg_restore), PGlite
 * as its own data-directory tarball (dumpDataDir, taken inside the process that has it open).
 * Written under a temporary name first, so a half-written file is never taken for a backup.
 */
export async function backupDatabase(p: { database: Database; dir: string; now: Date; timeZone: string; pgDump?: string }): Promise<BackupResult> {
  const started = Date.now()
  mkdirSync(p.dir, { recursive: true })
  const file = join(p.dir, backupFileName(p.database.kind, p.now, p.timeZone))
  const partial = `${file}.partial`
  try {
    if (p.database.kind === 'postgres') {
      if (!p.database.url) throw new BackupError(t.noUrl)
      await runPg(p.pgDump ?? 'pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`], p.database.url)
    } else {
      const tarball = await pgliteClient(p.database).dumpDataDir('gzip')
      writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()))
    }
    renameSync(partial, file)
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  }
  return { file, bytes: statSync(file).size, ms: Date.now() - started }
}

/** The nightly job: a backup, then the oldest beyond `keep` deleted. */
export async function nightlyBackup(p: { database: Database; dir: string; keep: number; now: Date; timeZone: string }): Promise<{ file: string; bytes: number; deleted: number }> {
  const { file, bytes } = await backupDatabase(p)
  const deleted = pruneBackups(p.dir, p.keep)
  return { file, bytes, deleted: deleted.length }
}

/** A bot process that has beaten in the last 3 minutes and not stopped is using this database. */
async function liveSessions(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, fetch_types: false })
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from bot_sessions where stopped_at is null and last_beat_at > now() - interval '3 minutes'`
    return row?.n ?? 0
  } catch {
    // no bot_sessions table: a fresh database nobody runs on
    return 0
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/** Postgres: `pg_restore --clean --if-exists` into the database of `url`, in one transaction. */
export async function restorePostgres(p: { url: string; file: string; force?: boolean; pgRestore?: string }): Promise<{ ms: number }> {
  const started = Date.now()
  if (!existsSync(p.file)) throw new BackupError(t.noFile(p.file))
  if (backupKind(p.file) === 'pglite') throw new BackupError(t.pgliteIntoPostgres(basename(p.file)))
  const live = await liveSessions(p.url)
  if (live > 0 && !p.force) throw new BackupError(t.databaseInUse)
  await runPg(p.pgRestore ?? 'pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${libpqEnv(p.url).PGDATABASE ?? 'postgres'}`, p.file], p.url)
  return { ms: Date.now() - started }
}

/**
 * PGlite: the tarball becomes the data directory. Refused while a process holds the folder;
 * a folder with data in it is kept aside (`<dir>.before-restore-<time>`) only with `force`.
 */
export async function restorePglite(p: { dataDir: string; file: string; force?: boolean; now: Date; timeZone: string }): Promise<{ ms: number; keptAside?: string }> {
  const started = Date.now()
  if (!existsSync(p.file)) throw new BackupError(t.noFile(p.file))
  if (backupKind(p.file) === 'postgres') throw new BackupError(t.postgresIntoPglite(basename(p.file)))
  const holder = dataDirHolder(p.dataDir)
  if (holder !== undefined) throw new BackupError(t.botRunning(holder))
  let keptAside: string | undefined
  if (existsSync(p.dataDir) && readdirSync(p.dataDir).length > 0) {
    if (!p.force) throw new BackupError(t.dataDirNotEmpty(p.dataDir))
    keptAside = `${p.dataDir}.before-restore-${backupFileName('pglite', p.now, p.timeZone).replace(/^gongjian-pglite-|\.tar\.gz$/g, '')}`
    renameSync(p.dataDir, keptAside)
  }
  mkdirSync(p.dataDir, { recursive: true })
  const lock = lockDataDir(p.dataDir)
  try {
    const client = await PGlite.create({ dataDir: p.dataDir, loadDataDir: new Blob([readFileSync(p.file)]) })
    // reading a table proves the tarball was a database
    await client.query('select count(*) from pg_class')
    await client.close()
  } catch (err) {
    lock.release()
    rmSync(p.dataDir, { recursive: true, force: true })
    if (keptAside) renameSync(keptAside, p.dataDir)
    throw new BackupError(t.notABackup(basename(p.file), (err as Error).message))
  }
  lock.release()
  return { ms: Date.now() - started, keptAside }
}
