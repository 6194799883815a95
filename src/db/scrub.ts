import { sql } from 'drizzle-orm'
import type { Db } from './client.js'

/** drizzle's execute() answers rows (postgres.js) or { rows } (PGlite) */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[]
}

/**
 * Tables whose text is the bot's own machinery (group topics are how groups are found again;
 * community names are the operator's): never rewritten by a scrub.
 */
const UNTOUCHED_TABLES = new Set(['communities', 'rooms', 'app_settings', 'job_runs', 'bot_sessions', 'erasures'])
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
    .filter((r) => !UNTOUCHED_TABLES.has(r.table_name) && !UNTOUCHED_COLUMNS.has(r.column_name))
    .map((r) => ({ table: r.table_name, column: r.column_name, json: r.data_type.startsWith('json') }))
}

/**
 * Replaces every occurrence of each needle with its replacement in every such column. The
 * replacements must be JSON-safe (no quotes or backslashes): jsonb is rewritten as its text.
 */
export async function scrubEverywhere(db: Db, p: { replacements: [needle: string, replacement: string][] }): Promise<number> {
  const pairs = p.replacements.filter(([needle]) => needle.length > 0)
  if (!pairs.length) return 0
  let changed = 0
  for (const col of await textColumns(db)) {
    const target = sql.identifier(col.column)
    const asText = col.json ? sql`${target}::text` : target
    let expr = asText
    for (const [needle, replacement] of pairs) expr = sql`replace(${expr}, ${needle}::text, ${replacement}::text)`
    const value = col.json ? sql`(${expr})::jsonb` : expr
    const hit = sql.join(pairs.map(([needle]) => sql`strpos(${asText}, ${needle}::text) > 0`), sql` or `)
    const result = await db.execute(sql`update ${sql.identifier(col.table)} set ${target} = ${value} where ${hit}`)
    changed += (result as { count?: number; affectedRows?: number }).count ?? (result as { affectedRows?: number }).affectedRows ?? 0
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
