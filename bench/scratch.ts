import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { isPostgresUrl, openDatabase, type Database } from '../src/db/client.js'
import { ensureBotAccount } from '../src/db/botAccounts.js'
import { migrateDatabase } from '../src/db/migrate.js'

/**
 * A throw-away database on the Postgres of DATABASE_URL (default: the local one), migrated;
 * `drop()` closes it and drops it.
 */
export async function scratchDatabase(prefix: string, poolSize = 10): Promise<{ url: string; name: string; database: Database; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  if (!isPostgresUrl(base)) throw new Error(`DATABASE_URL must be postgres://…, got ${base}`)
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  const admin = async (statement: string) => {
    const a = postgres(base, { max: 1, onnotice: () => {} })
    try {
      await a.unsafe(statement)
    } finally {
      await a.end({ timeout: 5 })
    }
  }
  await admin(`create database ${name}`)
  const u = new URL(base)
  u.pathname = `/${name}`
  const url = u.toString()
  const database = await openDatabase({ url, dataDir: '', poolSize })
  await migrateDatabase(database)
  // the account the benches' rows belong to (the app makes its own at start)
  await ensureBotAccount(database.db, { name: 'default', now: new Date() })
  return {
    url,
    name,
    database,
    async drop() {
      await database.close().catch(() => {})
      await admin(`drop database if exists ${name} with (force)`)
    },
  }
}
