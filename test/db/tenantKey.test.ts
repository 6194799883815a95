import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { rowsOf } from '../../src/db/scrub.js'
import { B3, B5, GROUPS, playCampaign, STAFF } from '../support/campaignScript.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

/**
 * The tenant key, ready for sharding on it (docs/scaling.md): every table is either campaign data
 * (distributed by community_id: the column is there, NOT NULL) or deployment machinery (listed
 * with where it would live on Citus); and every statement the app sends during a whole campaign
 * constrains community_id on each campaign table it reads, updates or deletes, and supplies it on
 * each insert, unless it is one of the few deliberate cross-community statements listed below.
 */

/** Distributed by community_id on Citus, co-located: a community's rows live on one shard. */
const CAMPAIGN = [
  'buildings', 'households', 'roles', 'campaigns', 'files', 'notices', 'notice_buildings',
  'suggestions', 'suggestion_supports', 'cursors', 'council_draws', 'council_candidates', 'projects',
  'pool_events', 'rounds', 'ballots', 'partners', 'resources', 'assignments', 'progress_updates',
  'reports', 'report_supports', 'volunteers', 'points_accounts', 'points_ledger', 'points_items',
  'points_redemptions', 'questions', 'question_choices', 'question_notes', 'consultations',
] as const

/** Not campaign data: no tenant key (or a nullable one). Where each lives on Citus, and why. */
const STREET = '街道推进办'

const DEPLOYMENT: Record<string, string> = {
  communities: 'reference: small, read by every community’s statements',
  app_settings: 'reference: a few deployment-wide values (the household salt is read inside inserts)',
  people: 'coordinator: a person may belong to several communities; the bot resolves them before campaign queries',
  room_members: 'coordinator: keyed by room and person, read by the chat sync',
  rooms: 'coordinator: community_id nullable (unbound groups), resolved per message before campaign queries',
  inbound_messages: 'coordinator: dedupe on the puppet’s message id, before the community is known',
  outbox: 'coordinator: one send queue per bot account, across communities; community_id nullable',
  conversations: 'coordinator: a person’s open dialog in a chat, found before the community is known',
  drafts: 'coordinator: a person’s saved dialogs',
  job_runs: 'coordinator: the scheduler’s claims, per job and slot',
  sender_leases: 'coordinator: one row per bot account',
  bot_sessions: 'coordinator: one row per run of the bot',
  bot_accounts: 'reference: a handful of accounts; rooms, people, outbox and bot_sessions point to it',
  erasures: 'coordinator: anonymous counts, community_id nullable',
}

/** Tables the shown statements are about: drizzle quotes every name it writes. */
const CAMPAIGN_SET = new Set<string>(CAMPAIGN)

interface Logged {
  sql: string
  params: unknown[]
}

/**
 * Cross-community statements, on purpose (docs/scaling.md says how Citus runs them). Matched by
 * their SQL; `during`: only while the scenario handles that message.
 */
const CROSS_COMMUNITY: { match: RegExp; during?: string; why: string }[] = [
  {
    match: /^select .* from "rounds" where \((?:"rounds"\."kind" in \([^)]*\) and )?"rounds"\."status" = \$\d+ and (?:"rounds"\."reminded_at" is null and )?"rounds"\."closes_at" <= \$\d+\)$/,
    why: 'scheduler: open rounds due to close or to be reminded, every minute, on rounds_open_idx (a fan-out of one index probe per shard)',
  },
  {
    match: /^select .* from "questions" where \("questions"\."status" = \$\d+ and "questions"\."closes_at" <= \$\d+\)$/,
    why: 'scheduler: open questions due to close, on questions_open_idx',
  },
  {
    match: /^select .* from "notice_buildings" inner join "notices" on \("notices"\."community_id" = "notice_buildings"\."community_id" .* where \("notice_buildings"\."confirmed_at" is null and "notice_buildings"\."reminded_at" is null and "notices"\."send_at" <= \$\d+\)/,
    why: 'scheduler: buildings whose head has not confirmed a notice, on notice_buildings_open_idx, joined co-located',
  },
  {
    match: /^select .* from "people" inner join "households" on "households"\."id" = "people"\."household_id" inner join "buildings" on \("buildings"\."community_id" = "households"\."community_id" .* where "people"\."id" = \$\d+$|^select .* from "roles" left join "buildings" on \("buildings"\."community_id" = "roles"\."community_id" .* where \(?"roles"\."person_id" = \$\d+\)?$|^select "community_id" from "roles" where \("roles"\."person_id" = \$\d+ and "roles"\."role" = \$\d+\)$/,
    why: 'a person is deployment-wide: their one household, and their roles when no community is known (privately), by person id on an index',
  },
  {
    match: /./,
    during: '确认删除',
    why: 'erasure (删除我的信息): the person’s rows and words are found in every community they were ever in',
  },
]

/** The top-level parenthesised groups and the text between them, for splitting a VALUES list. */
function splitTopLevel(s: string, sep = ','): string[] {
  const out: string[] = []
  let depth = 0
  let quote = false
  let cur = ''
  for (const ch of s) {
    if (ch === "'") quote = !quote
    if (!quote) {
      if (ch === '(') depth++
      if (ch === ')') depth--
      if (ch === sep && depth === 0) {
        out.push(cur.trim())
        cur = ''
        continue
      }
    }
    cur += ch
  }
  if (cur.trim()) out.push(cur.trim())
  return out
}

/** The text of the parenthesised group starting at `open` (an index of '('). */
function group(s: string, open: number): string {
  let depth = 0
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++
    if (s[i] === ')' && --depth === 0) return s.slice(open + 1, i)
  }
  return s.slice(open + 1)
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const KEYWORDS = new Set(['where', 'inner', 'left', 'right', 'full', 'cross', 'join', 'on', 'order', 'group', 'limit', 'offset', 'set', 'returning', 'for', 'union', 'having', 'as', 'values'])

/**
 * What is wrong with one statement. Every campaign table it reads, updates or deletes from must
 * be tied by community_id: compared with a value, or with the community_id of another table of
 * the statement (a co-located join, or a correlated subquery). Each insert into one must give
 * community_id a value. And some table of the statement must be pinned to a value: else it reads
 * every community (on Citus, every shard).
 */
export function tenantProblems(text: string): { table: string; problem: string }[] {
  const s = text.replace(/\s+/g, ' ')
  const problems: { table: string; problem: string }[] = []
  let pinned = false
  let campaign: string | undefined
  // inserts: the column list names community_id and no row leaves it to default
  for (const m of s.matchAll(/insert into "(\w+)" \(/g)) {
    const table = m[1]!
    if (!CAMPAIGN_SET.has(table)) continue
    campaign ??= table
    const open = m.index + m[0].length - 1
    const list = group(s, open)
    const at = splitTopLevel(list).indexOf('"community_id"')
    if (at < 0) {
      problems.push({ table, problem: 'insert without community_id' })
      continue
    }
    let rest = s.slice(open + list.length + 2).trimStart()
    if (!rest.startsWith('values ')) continue
    rest = rest.slice('values '.length)
    let given = true
    while (rest.startsWith('(')) {
      const row = group(rest, 0)
      if (/^(default|null)$/i.test(splitTopLevel(row)[at] ?? '')) given = false
      rest = rest.slice(row.length + 2).replace(/^, /, '')
    }
    if (given) pinned = true
    else problems.push({ table, problem: 'insert leaves community_id to default' })
  }
  // reads, updates and deletes: each appearance as a source, under its alias if it has one
  const refs = new Map<string, { table: string; n: number }>()
  for (const m of s.matchAll(/(?:\bfrom|\bjoin|^update|\bupdate) "(\w+)"(?! \()(?: "?(\w+)"?)?/g)) {
    const table = m[1]!
    if (!CAMPAIGN_SET.has(table)) continue
    campaign ??= table
    const ref = m[2] && !KEYWORDS.has(m[2].toLowerCase()) ? m[2] : table
    const r = refs.get(ref) ?? { table, n: 0 }
    r.n++
    refs.set(ref, r)
  }
  for (const [ref, { table, n }] of refs) {
    const col = `(?:"${escape(ref)}"|\\b${escape(ref)})\\."?community_id"?`
    const tied = [...s.matchAll(new RegExp(`${col} (?:=|in\\b|is not distinct from)|= ${col}`, 'g'))].length
    if (new RegExp(`${col} (?:= \\$\\d|in \\(\\$)|\\$\\d+ = ${col}`).test(s)) pinned = true
    if (tied < n) problems.push({ table, problem: n > 1 ? `${n} appearances, ${tied} tied by community_id` : 'not tied by community_id' })
  }
  if (campaign && !pinned) problems.push({ table: campaign, problem: 'no community pinned: reads every community' })
  return problems
}

/** One line per statement shape: its SQL with the parameters' numbers, shortened. */
const shape = (text: string) => text.replace(/\s+/g, ' ').slice(0, 400)

describe('the tenant key', () => {
  let world: World
  const log: Logged[] = []
  const marks: { text: string; from: number; to: number }[] = []
  const clock = new FakeClock('2026-11-30T09:00:00+08:00')

  beforeAll(async () => {
    world = new World(await testDatabase({ logger: { logQuery: (q, params) => void log.push({ sql: q, params }) } }), clock)
    for (const [topic, members] of Object.entries(GROUPS)) world.group(topic, members)
    // the street level reads every community: through each one's pinned statements
    world.group(STREET, ['陈主任'])
    await world.start()
    await playCampaign(world, {
      say: async (who, text, opts) => {
        const from = log.length
        await world.say(who, text, opts)
        marks.push({ text, from, to: log.length })
      },
      section: () => {},
    })
    // what the campaign leaves out: a +1 on an open report, 转建议, and the jobs that scan for what is due
    await world.say('张三', '随手拍 3号楼电梯按钮坏了', { room: B3 })
    await world.say('赵大爷', '找茬 3号楼的电梯按钮又坏了', { room: B3 })
    await world.say('赵大爷', '是', { room: B3, mention: false })
    await world.say('孙叔叔', '随手拍 5号楼车棚顶漏雨', { room: B5 })
    await world.say('王主任', '转建议 R3', { room: STAFF })
    for (const text of ['街道汇总', '街道计划', '街道冲突', '街道通知 本周六上午全街道大扫除']) {
      const from = log.length
      await world.say('陈主任', text, { room: STREET })
      marks.push({ text, from, to: log.length })
    }
    for (const at of ['2026-12-01T10:05:00+08:00', '2026-12-02T19:00:00+08:00', '2026-12-07T10:00:00+08:00', '2027-01-01T10:05:00+08:00']) {
      clock.set(at)
      const from = log.length
      await world.flush()
      marks.push({ text: 'jobs', from, to: log.length })
    }
  }, 180_000)
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('played the street level too (its statements are in the log)', () => {
    const said = world.said(STREET).join('\n')
    expect(said).toContain('【街道汇总】')
    expect(said).toContain('【各社区行动计划】')
    expect(said).toContain('街道通知已排队发出')
  })

  it('every table is classified, and every campaign table carries community_id NOT NULL', async () => {
    const tables = rowsOf<{ table_name: string }>(
      await world.app.db.execute(sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`),
    ).map((r) => r.table_name)
    const unclassified = tables.filter((t) => !CAMPAIGN_SET.has(t) && !(t in DEPLOYMENT))
    expect(unclassified, 'a new table: add it to CAMPAIGN (it needs community_id NOT NULL) or DEPLOYMENT (say where it lives on Citus) here and in docs/scaling.md').toEqual([])
    expect([...CAMPAIGN, ...Object.keys(DEPLOYMENT)].filter((t) => !tables.includes(t)), 'listed but not in the schema').toEqual([])
    const keyed = rowsOf<{ table_name: string; is_nullable: string }>(
      await world.app.db.execute(sql`select table_name, is_nullable from information_schema.columns where table_schema = current_schema() and column_name = 'community_id'`),
    )
    const notNull = new Set(keyed.filter((k) => k.is_nullable === 'NO').map((k) => k.table_name))
    expect(CAMPAIGN.filter((t) => !notNull.has(t)), 'campaign tables without community_id NOT NULL').toEqual([])
  })

  it('every statement of a whole campaign constrains community_id on the campaign tables it touches', () => {
    const touched = new Set<string>()
    const wrong = new Map<string, number>()
    const allowed = new Set<number>()
    let campaignStatements = 0
    let excused = 0
    for (const [i, { sql: text }] of log.entries()) {
      const s = text.replace(/\s+/g, ' ')
      const during = marks.find((m) => m.from <= i && i < m.to)?.text
      const tables = [...s.matchAll(/(?:\bfrom|\bjoin|\binto|\bupdate) "(\w+)"/g)].map((m) => m[1]!).filter((t) => CAMPAIGN_SET.has(t))
      for (const t of tables) touched.add(t)
      if (tables.length) campaignStatements++
      for (const p of tenantProblems(text)) {
        const allow = CROSS_COMMUNITY.findIndex((a) => (a.during === undefined || a.during === during) && a.match.test(s))
        if (allow >= 0) {
          allowed.add(allow)
          excused++
          continue
        }
        const key = `${p.table}: ${p.problem} — ${shape(text)}`
        wrong.set(key, (wrong.get(key) ?? 0) + 1)
      }
    }
    console.log(`statements: ${log.length}, on campaign tables: ${campaignStatements}, problems excused by CROSS_COMMUNITY: ${excused}, wrong: ${[...wrong.values()].reduce((a, b) => a + b, 0)}`)
    expect([...wrong.keys()].sort()).toEqual([])
    expect(CAMPAIGN.filter((t) => !touched.has(t)), 'campaign tables the scenario never touched').toEqual([])
    expect(CROSS_COMMUNITY.filter((_, i) => !allowed.has(i)).map((a) => a.why), 'exceptions no statement needed').toEqual([])
  })
})
