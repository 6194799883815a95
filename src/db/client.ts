import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { lockDataDir } from './dataDirLock.js'
import * as schema from './schema.js'

export type Schema = typeof schema
/** A database or a transaction: repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>

export interface Database {
  db: Db
  kind: 'postgres' | 'pglite'
  /** where it lives, for log lines (no password) */
  label: string
  /** the connection URL (Postgres only): migrations open their own connection with it */
  url?: string
  /**
   * One raw statement outside drizzle, for the hot path: prepared once per connection on
   * Postgres. Pass timestamps as ISO strings with a ::timestamptz cast.
   */
  query<T = Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]>
  close(): Promise<void>
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url)
}

/**
 * drizzle sends its queries unprepared, so postgres.js spends an extra round trip describing
 * each one. This view of the client prepares every statement once per connection instead
 * (~2× fewer round trips on the message path), including inside transactions and savepoints.
 */
export function preparing(sql: postgres.Sql): postgres.Sql {
  const wrapScope =
    (fn: (...a: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const cb = args.pop() as (tx: postgres.Sql) => unknown
      return fn(...args, (tx: postgres.Sql) => cb(preparing(tx)))
    }
  return new Proxy(sql, {
    get(target, key) {
      if (key === 'unsafe') {
        return (query: string, args?: unknown[], options?: object) =>
          target.unsafe(query, args as postgres.ParameterOrJSON<never>[], { ...options, prepare: true })
      }
      if (key === 'begin' || key === 'savepoint') {
        const scope = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!
        return wrapScope(scope.bind(target))
      }
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/**
 * `postgres://…` → real Postgres through postgres.js; `memory://` → in-memory PGlite (tests);
 * otherwise an embedded PGlite in `<dataDir>/pglite` (the default when DATABASE_URL is unset).
 */
export async function openDatabase(opts: { url?: string; dataDir: string; poolSize?: number }): Promise<Database> {
  if (isPostgresUrl(opts.url)) {
    // drizzle changes how the client serialises dates and JSON: it gets a client of its own.
    const client = postgres(opts.url, { max: opts.poolSize ?? 10, onnotice: () => {} })
    const db = drizzlePostgres({ client: preparing(client), schema }) as unknown as Db
    const u = new URL(opts.url)
    return {
      db,
      kind: 'postgres',
      label: `${u.host}${u.pathname}`,
      url: opts.url,
      query: async <T,>(text: string, params: unknown[]) =>
        (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as T[],
      close: () => client.end({ timeout: 5 }),
    }
  }
  let dataDir: string | undefined
  let lock: { release(): void } | undefined
  if (opts.url === 'memory://') dataDir = undefined
  else {
    // its own folder: the data dir also holds the WeChat login session
    dataDir = resolve(opts.url ?? join(opts.dataDir, 'pglite'))
    mkdirSync(dataDir, { recursive: true })
    // one process per folder: a second bot, or a restore while the bot runs, would corrupt it
    lock = lockDataDir(dataDir)
  }
  let client: PGlite
  try {
    client = await PGlite.create(dataDir ? { dataDir } : {})
  } catch (err) {
    lock?.release()
    throw err
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    label: dataDir ?? 'memory',
    query: async <T,>(text: string, params: unknown[]) => (await client.query<T>(text, params)).rows,
    close: async () => {
      if (!client.closed) await client.close()
      lock?.release()
    },
  }
}
