import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { describe, expect, it } from 'vitest'
import { migrationsFolder } from '../../src/db/migrate.js'

/** The migrations as they were before bot accounts: the journal cut before `bot_accounts`. */
function folderBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gj-mig-'))
  cpSync(migrationsFolder, dir, { recursive: true })
  const path = join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag))
  if (at < 0) throw new Error(`no migration ${tag}`)
  journal.entries = journal.entries.slice(0, at)
  writeFileSync(path, JSON.stringify(journal))
  return dir
}

describe('the bot_accounts migration on a database in use', () => {
  it('gives what is there to the account that held the send lease', async () => {
    const old = folderBefore('_bot_accounts')
    const client = new PGlite()
    try {
      const db = drizzle({ client })
      await migrate(db, { migrationsFolder: old })
      const now = new Date().toISOString()
      await db.execute(sql`insert into rooms (topic, kind, puppet_id, created_at) values ('3号楼群', 'other', 'r1', ${now})`)
      await db.execute(sql`insert into people (name, puppet_id, created_at) values ('张三', 'p1', ${now})`)
      await db.execute(sql`insert into outbox (puppet_to, body, idempotency_key, not_before, created_at) values ('r1', '你好', 'k1', ${now}, ${now})`)
      await db.execute(sql`insert into bot_sessions (started_at, last_beat_at) values (${now}, ${now})`)
      await db.execute(sql`insert into sender_leases (account, holder, expires_at) values ('bot-x', 'h', ${now})`)
      await migrate(db, { migrationsFolder })
      const accounts = (await client.query<{ name: string }>('select name from bot_accounts')).rows
      expect(accounts.map((a) => a.name)).toEqual(['bot-x'])
      for (const table of ['rooms', 'people', 'outbox', 'bot_sessions']) {
        expect((await client.query<{ account: string }>(`select account from ${table}`)).rows).toEqual([{ account: 'bot-x' }])
      }
    } finally {
      await client.close()
      rmSync(old, { recursive: true, force: true })
    }
  })

  it('makes no account on a fresh database (the app makes its own at start)', async () => {
    const client = new PGlite()
    try {
      await migrate(drizzle({ client }), { migrationsFolder })
      expect((await client.query('select * from bot_accounts')).rows).toEqual([])
    } finally {
      await client.close()
    }
  })
})
