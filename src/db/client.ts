import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { Logger as QueryLogger } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { lockDataDir } from './dataDirLock.js'
import * as schema from './schema.js'
import { dbText } from './text.js'

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
  /** true when `select 1` answered within the time; rejects otherwise */
  ping(timeoutMs: number): Promise<boolean>
  /** a fresh connection pool behind the same `db` (Postgres: the old one is ended) */
  recycle(): Promise<void>
  close(): Promise<void>
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url)
}

const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'TRANSACTION_TIMEOUT',
  'QUERY_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // admin_shutdown, crash_shutdown, cannot_connect_now, idle-in-transaction timeout
  '57P01',
  '57P02',
  '57P03',
  '25P03',
])

/**
 * The database is away (or the connection to it broke), as opposed to a bug or a refused
 * statement: worth waiting for and trying again. Looks through drizzle's wrapping (`cause`).
 */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    // class 08: connection exception; 53: insufficient resources (too many connections)
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08') || code.startsWith('53'))) return true
    const message = (e as { message?: unknown }).message
    if (typeof message === 'string' && /PGlite is closed|not currently accepting connections|the database system is (starting up|shutting down)/i.test(message)) return true
  }
  return false
}

/** A transaction that holds a connection longer than this is given up (and the client renewed). */
const TRANSACTION_TIMEOUT_MS = 60_000

const never = <T,>(): Promise<T> => new Promise<T>(() => {})

interface PreparingOptions {
  /** a transaction ran past its time: its connection may hang (postgres.js 3.4.9) */
  onHung?: () => void
}

/**
 * drizzle sends its queries unprepared, so postgres.js spends an extra round trip describing
 * each one. This view of the client prepares every statement once per connection instead
 * (~2× fewer round trips on the message path), including inside transactions and savepoints.
 *
 * It also keeps a transaction whose connection died from writing on it again: postgres.js 3.4.9
 * lets a transaction's callback go on after its connection closed, and its next write (a query,
 * or the scope's own rollback/commit) throws from a timer, outside any promise, killing the
 * process (porsager/postgres #1154, #1208). Such a callback is left pending forever instead;
 * the transaction itself has already been rejected with CONNECTION_CLOSED.
 */
export function preparing(sql: postgres.Sql, opts: PreparingOptions = {}, scope?: { dead: boolean }): postgres.Sql {
  const wrapScope =
    (fn: (...a: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const cb = args.pop() as (tx: postgres.Sql) => unknown
      const state = { dead: false }
      const guardedCb = (tx: postgres.Sql) =>
        Promise.resolve(cb(preparing(tx, opts, state))).then(
          (r) => (state.dead ? never() : r),
          // a connection error from elsewhere (another client) leaves this connection usable
          (e: unknown) => (state.dead ? never() : Promise.reject(e)),
        )
      const run = fn(...args, guardedCb) as Promise<unknown>
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          state.dead = true
          opts.onHung?.()
          reject(Object.assign(new Error(dbText.transactionTimedOut), { code: 'TRANSACTION_TIMEOUT' }))
        }, TRANSACTION_TIMEOUT_MS)
        timer.unref()
      })
      return Promise.race([run, timeout]).then(
        (r) => (clearTimeout(timer), r),
        (e: unknown) => {
          clearTimeout(timer)
          state.dead = true
          throw e
        },
      )
    }
  return new Proxy(sql, {
    get(target, key) {
      if (key === 'unsafe') {
        return (query: string, args?: unknown[], options?: object) => {
          if (!scope) return target.unsafe(query, args as postgres.ParameterOrJSON<never>[], { ...options, prepare: true })
          if (scope.dead) return withheld()
          const q = target.unsafe(query, args as postgres.ParameterOrJSON<never>[], { ...options, prepare: true })
          return guardedQuery(q, scope)
        }
      }
      if (key === 'begin') {
        const begin = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!
        return wrapScope(begin.bind(target))
      }
      if (key === 'savepoint') {
        const savepoint = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!
        return (...args: unknown[]) => {
          const cb = args.pop() as (tx: postgres.Sql) => unknown
          return savepoint.call(target, ...args, (tx: postgres.Sql) => cb(preparing(tx, opts, scope)))
        }
      }
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** What drizzle uses of a query: awaiting it, or `.values()` then awaiting. */
function guardedQuery(q: PromiseLike<unknown> & { values(): PromiseLike<unknown> }, scope: { dead: boolean }) {
  const settle = (p: PromiseLike<unknown>) =>
    Promise.resolve(p).then(
      (r) => r,
      (e: unknown) => {
        if (!isConnectionError(e)) throw e
        scope.dead = true
        return never()
      },
    )
  return {
    then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => settle(q).then(ok, fail),
    values: () => settle(q.values()),
  }
}

function withheld() {
  return { then: () => never(), values: () => never() }
}

export type { QueryLogger }

/** Postgres through postgres.js, with options that let it come back after a blip. */
function openPostgres(url: string, poolSize: number, logger?: QueryLogger): Database {
  let client: postgres.Sql
  let drizzled: Db
  const connect = () => {
    client = postgres(url, {
      max: poolSize,
      onnotice: () => {},
      // the type lookup on a new connection can reject unhandled when the connection dies (#1223);
      // no array columns are read
      fetch_types: false,
      idle_timeout: 60,
      max_lifetime: 30 * 60,
      connect_timeout: 10,
      // a transaction left open by a broken client is ended by the server
      connection: { idle_in_transaction_session_timeout: 60_000 },
    })
    // drizzle changes how the client serialises dates and JSON: it gets a client of its own.
    drizzled = drizzlePostgres({ client: preparing(client, { onHung: () => void recycle() }), schema, ...(logger ? { logger } : {}) }) as unknown as Db
  }
  connect()
  const first = drizzled!
  // the same object for the app's lifetime, whichever client is behind it
  const db = new Proxy(first, {
    get(_, key) {
      const value = Reflect.get(drizzled, key)
      return typeof value === 'function' ? value.bind(drizzled) : value
    },
    getPrototypeOf: () => Object.getPrototypeOf(drizzled),
  })
  let recycling: Promise<void> | undefined
  async function recycle(): Promise<void> {
    if (recycling) return recycling
    const old = client
    connect()
    // ending rejects whatever hangs on the old connections
    recycling = old
      .end({ timeout: 1 })
      .catch(() => {})
      .finally(() => (recycling = undefined))
    return recycling
  }
  const u = new URL(url)
  return {
    db,
    kind: 'postgres',
    label: `${u.host}${u.pathname}`,
    url,
    query: async <T,>(text: string, params: unknown[]) => {
      logger?.logQuery(text, params)
      return (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as T[]
    },
    ping: (timeoutMs) => withTimeout(client.unsafe('select 1').then(() => true), timeoutMs),
    recycle,
    close: () => client.end({ timeout: 5 }),
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'QUERY_TIMEOUT' })), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

/**
 * `postgres://…` → real Postgres through postgres.js; `memory://` → in-memory PGlite (tests);
 * otherwise an embedded PGlite in `<dataDir>/pglite` (the default when DATABASE_URL is unset).
 * `logger` sees every statement the app sends (drizzle's and the raw ones), e.g. to check them in a test.
 */
export async function openDatabase(opts: { url?: string; dataDir: string; poolSize?: number; logger?: QueryLogger }): Promise<Database> {
  const { logger } = opts
  if (isPostgresUrl(opts.url)) return openPostgres(opts.url, opts.poolSize ?? 10, logger)
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
  const db = drizzlePglite({ client, schema, ...(logger ? { logger } : {}) }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    label: dataDir ?? 'memory',
    query: async <T,>(text: string, params: unknown[]) => {
      logger?.logQuery(text, params)
      return (await client.query<T>(text, params)).rows
    },
    ping: (timeoutMs) => withTimeout(client.query('select 1').then(() => true), timeoutMs),
    recycle: async () => {},
    close: async () => {
      if (!client.closed) await client.close()
      lock?.release()
    },
  }
}
