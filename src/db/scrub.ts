import { sql } from 'drizzle-orm'
import type { Db } from './client.js'

/** drizzle's execute() answers rows (postgres.js) or { rows } (PGlite) */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[]
}

/**
 * Tables never rewritten by a scrub: the bot's own machinery (group topics are how groups are
 * found again; community names are the operator's), and records that name *other* people or
 * doors — a namesake's name, nickname or door is theirs, not the erased person's (the erased
 * person's own rows there are deleted or rewritten by the erasure itself).
 */
const UNTOUCHED_TABLES = new Set(['communities', 'rooms', 'app_settings', 'job_runs', 'bot_sessions', 'erasures', 'people', 'room_members', 'households'])
/** table.column pairs that are someone's own name: rewritten only on the erased person's rows */
const OWN_NAME_COLUMNS = new Set(['council_candidates.name'])
/** Columns holding keys, ids, codes and enums: a name inside one is not a mention of anybody. */
const UNTOUCHED_COLUMNS = new Set([
  'idempotency_key', 'message_id', 'puppet_id', 'puppet_to', 'status', 'kind', 'type', 'command', 'seed',
  'voter_key', 'key', 'base64', 'media_type', 'chat_key', 'step', 'category', 'place_kind', 'stage', 'source',
  'public_number', 'public_source', 'last_error', 'error',
])

export interface TextColumn {
  table: string
  column: string
  json: boolean
}

/** Every text and jsonb column of the schema that may hold what people wrote or were called. */
export async function textColumns(db: Db): Promise<TextColumn[]> {
  const rows = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name, c.data_type from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
         and c.data_type in ('text', 'character varying', 'jsonb', 'json')
       order by c.table_name, c.column_name`),
  )
  return rows
    .filter((r) => !UNTOUCHED_TABLES.has(r.table_name) && !UNTOUCHED_COLUMNS.has(r.column_name) && !OWN_NAME_COLUMNS.has(`${r.table_name}.${r.column_name}`))
    .map((r) => ({ table: r.table_name, column: r.column_name, json: r.data_type.startsWith('json') }))
}

/** Replaces the needles in every string of a JSON value (never in its keys or its syntax). */
function scrubJson(value: unknown, pairs: [string, string][]): unknown {
  if (typeof value === 'string') return pairs.reduce((s, [needle, replacement]) => s.split(needle).join(replacement), value)
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, pairs))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, pairs)]))
  return value
}

/**
 * Replaces every occurrence of each needle with its replacement in every such column: in SQL for
 * text, value by value for JSON (so a needle can never break its syntax).
 */
export async function scrubEverywhere(db: Db, p: { replacements: [needle: string, replacement: string][] }): Promise<number> {
  const pairs = p.replacements.filter(([needle]) => needle.length > 0)
  if (!pairs.length) return 0
  let changed = 0
  for (const col of await textColumns(db)) {
    const target = sql.identifier(col.column)
    const table = sql.identifier(col.table)
    const asText = col.json ? sql`${target}::text` : target
    const hit = sql.join(pairs.map(([needle]) => sql`strpos(${asText}, ${needle}::text) > 0`), sql` or `)
    if (col.json) {
      const rows = rowsOf<{ at: string; v: string }>(await db.execute(sql`select ctid::text as at, ${target}::text as v from ${table} where ${hit}`))
      for (const row of rows) {
        const next = JSON.stringify(scrubJson(JSON.parse(row.v), pairs))
        if (next === row.v) continue
        await db.execute(sql`update ${table} set ${target} = ${next}::jsonb where ctid = ${row.at}::tid`)
        changed++
      }
      continue
    }
    let expr = asText
    for (const [needle, replacement] of pairs) expr = sql`replace(${expr}, ${needle}::text, ${replacement}::text)`
    const result = await db.execute(sql`update ${table} set ${target} = ${expr} where ${hit}`)
    changed += (result as { count?: number }).count ?? (result as { affectedRows?: number }).affectedRows ?? 0
  }
  return changed
}

/** A door number on its own (not inside a longer number), in the given rows' columns. */
export async function scrubNumber(db: Db, p: { table: string; columns: string[]; where: ReturnType<typeof sql>; number: string; replacement: string }): Promise<void> {
  const pattern = `(^|[^0-9])${p.number.replace(/[^0-9A-Za-z\u4e00-\u9fff]/g, '')}(?![0-9])`
  for (const column of p.columns) {
    const c = sql.identifier(column)
    await db.execute(sql`update ${sql.identifier(p.table)} set ${c} = regexp_replace(${c}, ${pattern}::text, ${`\\1${p.replacement}`}::text, 'g') where ${p.where} and ${c} ~ ${pattern}::text`)
  }
}
