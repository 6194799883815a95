import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { PuppetMock } from 'wechaty-puppet-mock'
import { createApp } from '../../../src/app.js'
import { isPostgresUrl, openDatabase, type Db } from '../../../src/db/client.js'
import { ensureBuilding, ensureCommunities } from '../../../src/db/communities.js'
import { DataDirBusyError } from '../../../src/db/dataDirLock.js'
import { householdKeySql } from '../../../src/db/households.js'
import { migrateDatabase } from '../../../src/db/migrate.js'
import { ballots, campaigns, households, projects, rounds } from '../../../src/db/schema.js'
import {
  backupDatabase,
  BackupError,
  backupFileName,
  libpqEnv,
  listBackups,
  pruneBackups,
  restorePglite,
  restorePostgres,
} from '../../../src/features/ops/index.js'
import { testDatabase } from '../../support/db.js'

const TZ = 'Asia/Shanghai'
const at = new Date('2026-12-02T03:00:00+08:00')
const temps: string[] = []
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix))
  temps.push(d)
  return d
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

/** 6 households in 2 buildings and a closed residents' round with a ballot per household. */
async function seedCommunity(db: Db): Promise<void> {
  const [c] = await ensureCommunities(db, { staffRoomTopics: ['居委工作群'], now: at })
  const communityId = c!.id
  const [campaign] = await db.insert(campaigns).values({ communityId, name: '2026年冬季微更新', createdAt: at }).returning({ id: campaigns.id })
  const b = [(await ensureBuilding(db, { communityId, number: 3, now: at })).id, (await ensureBuilding(db, { communityId, number: 5, now: at })).id]
  const hh = await db
    .insert(households)
    .values(Array.from({ length: 6 }, (_, i) => ({ communityId, buildingId: b[i % 2]!, unit: String(501 + i), key: householdKeySql(b[i % 2]!, String(501 + i)), createdAt: at })))
    .returning({ id: households.id, buildingId: households.buildingId, key: households.key })
  const ps = await db
    .insert(projects)
    .values(['3号楼路灯维修', '车棚扩建'].map((name) => ({ communityId, campaignId: campaign!.id, name, createdAt: at })))
    .returning({ id: projects.id })
  const [round] = await db
    .insert(rounds)
    .values({ communityId, campaignId: campaign!.id, kind: 'resident', projectIds: ps.map((p) => p.id), dots: 2, per: 'household', seed: 'backup-test', opensAt: at, closesAt: at, status: 'closed', closedAt: at })
    .returning({ id: rounds.id })
  await db.insert(ballots).values(hh.map((h, i) => ({ communityId, roundId: round!.id, voterKey: `household:${h.key}`, buildingId: h.buildingId, dots: [ps[i % 2]!.id, ps[0]!.id], castAt: at })))
}

/** What the round-trip must bring back. */
async function snapshot(db: Db) {
  return {
    households: await db.select({ unit: households.unit, buildingId: households.buildingId, key: households.key }).from(households).orderBy(asc(households.id)),
    ballots: await db.select({ voterKey: ballots.voterKey, dots: ballots.dots }).from(ballots).orderBy(asc(ballots.id)),
    rounds: await db.select({ seed: rounds.seed, status: rounds.status }).from(rounds),
  }
}

async function damage(db: Db): Promise<void> {
  await db.delete(ballots)
  await db.update(households).set({ unit: '999' }).where(eq(households.unit, '501'))
}

describe('backup file names and retention', () => {
  it('are dated in local time and sort by date', () => {
    expect(backupFileName('pglite', at, TZ)).toBe('gongjian-pglite-2026-12-02-030000.tar.gz')
    expect(backupFileName('postgres', new Date('2026-12-31T16:05:09Z'), TZ)).toBe('gongjian-postgres-2027-01-01-000509.dump')
  })

  it('keeps the newest N of its own files and deletes the oldest, nothing else', () => {
    const dir = temp('gj-keep-')
    const days = ['2026-11-28', '2026-11-30', '2026-11-29', '2026-12-01', '2026-12-02']
    for (const d of days) writeFileSync(join(dir, `gongjian-pglite-${d}-030000.tar.gz`), 'x')
    writeFileSync(join(dir, 'gongjian-postgres-2026-11-27-030000.dump'), 'x')
    writeFileSync(join(dir, 'notes.txt'), 'mine')
    writeFileSync(join(dir, 'gongjian-pglite-2026-11-01-030000.tar.gz.partial'), 'half')
    expect(listBackups(dir).map((f) => basename(f))[0]).toBe('gongjian-postgres-2026-11-27-030000.dump')
    const gone = pruneBackups(dir, 3).map((f) => basename(f))
    expect(gone).toEqual(['gongjian-postgres-2026-11-27-030000.dump', 'gongjian-pglite-2026-11-28-030000.tar.gz', 'gongjian-pglite-2026-11-29-030000.tar.gz'])
    expect(readdirSync(dir).sort()).toEqual([
      'gongjian-pglite-2026-11-01-030000.tar.gz.partial',
      'gongjian-pglite-2026-11-30-030000.tar.gz',
      'gongjian-pglite-2026-12-01-030000.tar.gz',
      'gongjian-pglite-2026-12-02-030000.tar.gz',
      'notes.txt',
    ])
    expect(pruneBackups(dir, 0)).toEqual([]) // 0 = off, not "delete everything"
  })

  it('hands the password to pg_dump in its environment, not on its command line', () => {
    expect(libpqEnv('postgres://gj:p%40ss@db.local:5433/gongjian?sslmode=require')).toEqual({
      PGHOST: 'db.local',
      PGPORT: '5433',
      PGUSER: 'gj',
      PGPASSWORD: 'p@ss',
      PGDATABASE: 'gongjian',
      PGSSLMODE: 'require',
    })
  })
})

describe('backup and restore on PGlite (a data directory)', () => {
  it('round-trips a community: households, a round and its ballots', async () => {
    const root = temp('gj-pglite-')
    const dataDir = join(root, 'pglite')
    const dir = join(root, 'backups')
    let database = await openDatabase({ url: dataDir, dataDir: root })
    await migrateDatabase(database)
    await seedCommunity(database.db)
    const before = await snapshot(database.db)
    expect(before.ballots).toHaveLength(6)

    const { file, bytes } = await backupDatabase({ database, dir, now: at, timeZone: TZ })
    expect(basename(file)).toBe('gongjian-pglite-2026-12-02-030000.tar.gz')
    expect(bytes).toBeGreaterThan(100_000)
    await damage(database.db)

    // while the folder is open (the bot runs), a restore is refused, --force or not
    await expect(restorePglite({ dataDir, file, force: true, now: at, timeZone: TZ })).rejects.toThrow(/机器人正在运行（进程 \d+）.*stop it before restoring/)
    // and so is a second process on the same folder
    await expect(openDatabase({ url: dataDir, dataDir: root })).rejects.toBeInstanceOf(DataDirBusyError)
    await database.close()

    const refused = restorePglite({ dataDir, file, now: at, timeZone: TZ })
    await expect(refused).rejects.toBeInstanceOf(BackupError)
    await expect(refused).rejects.toThrow(/已有数据：加 --force.*add --force/)

    const { keptAside } = await restorePglite({ dataDir, file, force: true, now: at, timeZone: TZ })
    expect(keptAside).toBe(`${dataDir}.before-restore-2026-12-02-030000`)
    expect(existsSync(join(keptAside!, 'PG_VERSION'))).toBe(true)

    database = await openDatabase({ url: dataDir, dataDir: root })
    expect(await snapshot(database.db)).toEqual(before)
    await database.close()
  }, 60_000)

  it('refuses a file that is not a PGlite backup and leaves the data as it was', async () => {
    const root = temp('gj-pglite-bad-')
    const bogus = join(root, 'gongjian-pglite-2026-12-02-030000.tar.gz')
    writeFileSync(bogus, 'not a tarball')
    await expect(restorePglite({ dataDir: join(root, 'pglite'), file: bogus, now: at, timeZone: TZ })).rejects.toThrow(/不是可用的 PGlite 备份/)
    await expect(restorePglite({ dataDir: join(root, 'pglite'), file: join(root, 'x.dump'), now: at, timeZone: TZ })).rejects.toThrow(/找不到备份文件/)
  })
})

describe.skipIf(!isPostgresUrl(process.env.DATABASE_URL))('backup and restore on Postgres (pg_dump / pg_restore)', () => {
  it('round-trips a community: households, a round and its ballots', async () => {
    const database = await testDatabase()
    try {
      await seedCommunity(database.db)
      const before = await snapshot(database.db)
      const dir = temp('gj-pg-')
      const { file } = await backupDatabase({ database, dir, now: at, timeZone: TZ })
      expect(basename(file)).toBe('gongjian-postgres-2026-12-02-030000.dump')
      await damage(database.db)
      expect((await snapshot(database.db)).ballots).toHaveLength(0)
      await restorePostgres({ url: database.url, file })
      expect(await snapshot(database.db)).toEqual(before)
      await expect(restorePostgres({ url: database.url, file: join(dir, 'x.tar.gz') })).rejects.toThrow(/找不到备份文件/)
    } finally {
      await database.close()
    }
  }, 60_000)

  it('a missing pg_dump is said plainly', async () => {
    const database = await testDatabase()
    try {
      await expect(backupDatabase({ database, dir: temp('gj-pg-'), now: at, timeZone: TZ, pgDump: 'pg_dump_not_here' })).rejects.toThrow(
        /找不到 pg_dump_not_here：请安装 PostgreSQL 客户端/,
      )
    } finally {
      await database.close()
    }
  })
})

describe('the nightly backup job', () => {
  it('is one of the app’s jobs: runs once per slot, writes a dated file and keeps GONGJIAN_BACKUP_KEEP', async () => {
    const database = await testDatabase()
    const dir = temp('gj-nightly-')
    for (const d of ['2026-11-28', '2026-11-29', '2026-11-30']) writeFileSync(join(dir, `gongjian-${database.kind}-${d}-030000.${database.kind === 'postgres' ? 'dump' : 'tar.gz'}`), 'x')
    let now = new Date('2026-12-02T03:00:30+08:00')
    const app = await createApp({
      puppet: new PuppetMock(),
      database,
      now: () => now,
      config: { sessionName: undefined, backup: { dir, cron: '0 3 * * *', keep: 2 } },
    })
    try {
      await app.runDue()
      await app.runDue()
      now = new Date('2026-12-02T03:10:00+08:00')
      await app.runDue()
      const files = readdirSync(dir).sort()
      expect(files).toEqual([`gongjian-${database.kind}-2026-11-30-030000.${database.kind === 'postgres' ? 'dump' : 'tar.gz'}`, basename(backupFileName(database.kind, new Date('2026-12-02T03:00:30+08:00'), TZ))])
    } finally {
      await app.stop()
      await database.close()
    }
  }, 60_000)
})
