import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import type { Database } from './client.js'

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url))

/** Applies the checked-in drizzle-kit migrations. Postgres: on a separate one-connection client. */
export async function migrateDatabase(database: Database): Promise<void> {
  const { url } = database
  if (database.kind === 'postgres') {
    if (!url) throw new Error('migrateDatabase: a Postgres database needs its url')
    const client = postgres(url, { max: 1, onnotice: () => {} })
    try {
      // two bot processes starting together must not both migrate
      await client`select pg_advisory_lock(7242001)`
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder })
      await client`select pg_advisory_unlock(7242001)`
    } finally {
      await client.end({ timeout: 5 })
    }
    return
  }
  // PGlite has a single connection: migrate through the same client.
  const client = (database.db as unknown as { $client: PGlite }).$client
  await migratePglite(drizzlePglite({ client }), { migrationsFolder })
}
