import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { afterEach, describe, expect, it } from 'vitest'
import { migrationsFolder } from '../../src/db/migrate.js'

/** The migrations up to (not including) tenant_key, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gj-migrations-'))
  cpSync(migrationsFolder, dir, { recursive: true })
  const journalFile = join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((e) => e.tag === tag)
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }))
  return dir
}

const T = `'2026-11-20T09:00:00+08'`

/** A database as it was before tenant_key, with one of each kind of row the migration keys. */
async function before(communities: number): Promise<PGlite> {
  const dir = migrationsBefore('0015_tenant_key')
  const client = await PGlite.create()
  try {
    await migrate(drizzle({ client }), { migrationsFolder: dir })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  for (let c = 1; c <= communities; c++) {
    await client.exec(`insert into communities (name, staff_room_topic, created_at) values ('c${c}', 'staff ${c}', ${T})`)
  }
  // everything below is in the last community: its id differs from 1 when there are two
  const c = communities
  await client.exec(`
    insert into people (name, created_at) values ('张三', ${T});
    insert into buildings (community_id, number, created_at) values (${c}, 3, ${T});
    insert into rooms (community_id, kind, building_id, topic, created_at) values (${c}, 'building', 1, '3号楼', ${T});
    insert into files (name, media_type, base64, created_at) values
      ('notice.png', 'image/png', '', ${T}), ('photo.png', 'image/png', '', ${T}), ('voice.sil', 'audio/silk', '', ${T}),
      ('support.png', 'image/png', '', ${T}), ('report.png', 'image/png', '', ${T}), ('outcome.png', 'image/png', '', ${T}),
      ('progress.png', 'image/png', '', ${T}), ('minutes.png', 'image/png', '', ${T}), ('chart.png', 'image/png', '', ${T}),
      ('dialog.png', 'image/png', '', ${T}), ('orphan.png', 'image/png', '', ${T});
    insert into notices (community_id, kind, title, body, file_id, send_at, created_at) values (${c}, 'notice', 't', 'b', 1, ${T}, ${T});
    insert into suggestions (community_id, category, problem, features, file_ids, voice_file_id, created_at, updated_at)
      values (${c}, '照明', '路灯坏了', '[]', '[2]', 3, ${T}, ${T});
    insert into suggestion_supports (suggestion_id, person_id, words, file_ids, created_at) values (1, 1, '是', '[4]', ${T});
    insert into reports (community_id, category, problem, features, file_ids, outcome_file_ids, created_at, updated_at)
      values (${c}, '垃圾', '满了', '[]', '[5]', '[6]', ${T}, ${T});
    insert into report_supports (report_id, person_id, words, file_ids, created_at) values (1, 1, '同感', '[]', ${T});
    insert into projects (community_id, name, created_at) values (${c}, 'P', ${T});
    insert into progress_updates (community_id, project_id, percent, note, file_ids, at) values (${c}, 1, 10, 'n', '[7]', ${T});
    insert into rounds (community_id, kind, project_ids, dots, per, seed, opens_at, closes_at) values (${c}, 'resident', '[1]', 1, 'household', 's', ${T}, ${T});
    insert into ballots (round_id, voter_key, dots, cast_at) values (1, 'person:1', '[1]', ${T});
    insert into questions (community_id, title, options, closes_at, created_at) values (${c}, 'q', '["a","b"]', ${T}, ${T});
    insert into question_choices (question_id, voter_key, option, cast_at) values (1, 'household:k', 1, ${T});
    insert into question_notes (community_id, question_id, body, file_ids, at) values (${c}, 1, 'm', '[8]', ${T});
    insert into outbox (community_id, kind, body, file_id, idempotency_key, not_before, created_at) values (${c}, 'file', 'chart', 9, 'k1', ${T}, ${T});
    insert into conversations (chat_key, person_id, name, version, step, state, expires_at, updated_at)
      values ('room:1', 1, 'suggestion-intake', 1, 'photo', '{"fileIds":[10]}', ${T}, ${T});
  `)
  return client
}

async function communityOf(client: PGlite, table: string): Promise<(number | null)[]> {
  return (await client.query<{ community_id: number | null }>(`select community_id from ${table} order by id`)).rows.map((r) => r.community_id)
}

describe('the tenant_key migration', () => {
  let client: PGlite | undefined
  afterEach(async () => {
    await client?.close()
    client = undefined
  })

  it('keys supports, ballots and choices by their parent’s community, and files by what refers to them', async () => {
    client = await before(2)
    await migrate(drizzle({ client }), { migrationsFolder })
    for (const table of ['ballots', 'question_choices', 'report_supports', 'suggestion_supports']) expect(await communityOf(client, table), table).toEqual([2])
    // notice, suggestion photo and voice, support, report and outcome, progress, minutes, outbox, an open dialog in a group
    expect(await communityOf(client, 'files')).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
    // with two communities, a file nothing attributes is let go
    expect((await client.query('select name from files where name = $1', ['orphan.png'])).rows).toEqual([])
    const nullable = await client.query<{ table_name: string }>(
      `select table_name from information_schema.columns where column_name = 'community_id' and is_nullable = 'YES'
         and table_name in ('ballots', 'question_choices', 'report_supports', 'suggestion_supports', 'files')`,
    )
    expect(nullable.rows).toEqual([])
  })

  it('in a deployment of one community, a file nothing refers to is that community’s', async () => {
    client = await before(1)
    await migrate(drizzle({ client }), { migrationsFolder })
    expect(await communityOf(client, 'files')).toEqual(Array(11).fill(1))
  })
})
