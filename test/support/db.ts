import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { isPostgresUrl, openDatabase, type Database, type QueryLogger } from '../../src/db/client.js'
import { ensureBotAccount } from '../../src/db/botAccounts.js'
import { migrateDatabase } from '../../src/db/migrate.js'

/** the account tests' rows belong to (the app makes its own at start, as this does) */
export const TEST_ACCOUNT = 'default'

/**
 * Postgres when DATABASE_URL is set (a fresh database per call, dropped on close), else in-memory
 * PGlite; migrated, with the bot account TEST_ACCOUNT.
 * `logger`: sees the app's statements (not the migrations': PGlite's go through their own drizzle).
 */
export async function testDatabase(opts: { logger?: QueryLogger } = {}): Promise<Database & { url: string }> {
  const base = process.env.DATABASE_URL
  if (!isPostgresUrl(base)) {
    const db = await openDatabase({ url: 'memory://', dataDir: '', ...opts })
    await migrateDatabase(db)
    await ensureBotAccount(db.db, { name: TEST_ACCOUNT, now: new Date(0) })
    return { ...db, url: 'memory://' }
  }
  const name = `gj_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = postgres(base, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  const db = await openDatabase({ url: url.toString(), dataDir: '', ...opts })
  await migrateDatabase(db)
  await ensureBotAccount(db.db, { name: TEST_ACCOUNT, now: new Date(0) })
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close()
      const a = postgres(base, { max: 1, onnotice: () => {} })
      await a.unsafe(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}
