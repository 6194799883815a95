/**
 * A street-wide notice (see bench/README.md): 20 communities × 20 building groups (and each
 * community's staff group), sent through 5 bot accounts at once vs through one, under WeChat's real
 * limits on a virtual clock per account, in one run on one Postgres. The accounts are independent
 * (their own rows, their own limits): each drains its share from the same moment; the notice is out
 * when the busiest is done. Prints each setup's total against the busiest account's least time.
 *
 *   npm run bench:street -- --communities 20 --groups 20 --accounts 5
 */
import { inArray } from 'drizzle-orm'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { ChatGateway } from '../src/chat/types.js'
import { defaultConfig } from '../src/config.js'
import type { Db } from '../src/db/client.js'
import { ensureBotAccount } from '../src/db/botAccounts.js'
import { ensureBuilding, ensureCommunities } from '../src/db/communities.js'
import { outbox, rooms } from '../src/db/schema.js'
import { leastSpanMs, type PacingRules } from '../src/domain/pacing.js'
import { sendStreetNotice } from '../src/features/street/index.js'
import { createLogger } from '../src/log.js'
import { OutboxSender } from '../src/outbox/sender.js'
import { intArg } from './args.js'
import { scratchDatabase } from './scratch.js'

const { values: argv } = parseArgs({ options: { communities: { type: 'string', default: '20' }, groups: { type: 'string', default: '20' }, accounts: { type: 'string', default: '5' } } })
const COMMUNITIES = intArg('communities', argv.communities, 1)
const GROUPS = intArg('groups', argv.groups, 1)
const ACCOUNTS = intArg('accounts', argv.accounts, 2)
const REAL: PacingRules = { chatIntervalMs: 1000, switchIntervalMs: 3000, perMinute: 40 }
const T0 = Date.parse('2026-12-02T10:00:00+08:00')
/** total within this factor of the busiest account's least time */
const GOAL_RATIO = 1.05

const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })

/** One account's sender drains its rows on its own virtual clock from T0; returns when it finished. */
async function drainAccount(db: Db, account: string): Promise<{ sends: number; spanMs: number; wallMs: number }> {
  let t = T0
  let sends = 0
  let last = T0
  const gateway: ChatGateway = {
    async sendText() {
      sends++
      last = t
    },
    async sendFile() {
      sends++
      last = t
    },
    async loadImage() {
      throw new Error('unused')
    },
    async announce() {
      return false
    },
  }
  const sender = new OutboxSender({ db, account, gateway, now: () => new Date(t), rules: REAL, maxAttempts: 3, log: createLogger('silent'), sleep: async (ms) => void (t += ms) })
  const started = performance.now()
  await sender.drain({ wait: true })
  return { sends, spanMs: last - T0, wallMs: performance.now() - started }
}

/** The street on `accounts` accounts (communities spread round-robin), the notice sent; the setup's figures. */
async function run(db: Db, accounts: string[]) {
  await db.delete(outbox)
  // hand the communities' groups to the accounts (a community's groups are on one account)
  const all = await db.select({ id: rooms.id, communityId: rooms.communityId }).from(rooms)
  const ids = [...new Set(all.map((r) => r.communityId!))].sort((a, b) => a - b)
  for (const [i, c] of ids.entries()) {
    const rows = all.filter((r) => r.communityId === c).map((r) => r.id)
    await db.update(rooms).set({ account: accounts[i % accounts.length]! }).where(inArray(rooms.id, rows))
  }
  const config = defaultConfig({ announce: false, sessionName: undefined })
  const sent = await db.transaction((tx) => sendStreetNotice(tx, { body: '本周六上午全街道开展环境整治，请各楼栋清理楼道杂物。', personId: 0, now: new Date(T0), config: { ...config, send: { ...config.send, ...REAL } } }))
  const results = []
  for (const a of accounts) results.push({ account: a, ...(await drainAccount(db, a)) })
  const left = (await db.select({ status: outbox.status }).from(outbox)).filter((r) => r.status !== 'sent').length
  if (left) throw new Error(`${left} messages were not sent`)
  const totalMs = Math.max(...results.map((r) => r.spanMs))
  const busiest = Math.max(...results.map((r) => r.sends))
  return { sent, results, totalMs, leastMs: leastSpanMs(busiest, REAL), sends: results.reduce((n, r) => n + r.sends, 0), wallMs: results.reduce((n, r) => n + r.wallMs, 0) }
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench_street')
  try {
    const { db } = scratch.database
    const at = new Date(T0)
    const names = Array.from({ length: ACCOUNTS }, (_, i) => `bot-${i + 1}`)
    for (const name of names) await ensureBotAccount(db, { name, now: at })
    const communities = await ensureCommunities(db, { staffRoomTopics: Array.from({ length: COMMUNITIES }, (_, i) => `第${i + 1}社区居委`), now: at })
    for (const c of communities) {
      await db.insert(rooms).values({ account: 'default', topic: c.staffRoomTopic, kind: 'staff', communityId: c.id, puppetId: `staff${c.id}@chatroom`, puppetSeenAt: at, createdAt: at })
      for (let g = 1; g <= GROUPS; g++) {
        const b = await ensureBuilding(db, { communityId: c.id, number: g, now: at })
        await db.insert(rooms).values({ account: 'default', topic: `${c.id}社区${g}号楼`, kind: 'building', communityId: c.id, buildingId: b.id, puppetId: `c${c.id}g${g}@chatroom`, puppetSeenAt: at, createdAt: at })
      }
    }
    const one = await run(db, [names[0]!])
    const many = await run(db, names)

    console.log(
      `\nGongjian street notice bench — ${COMMUNITIES} communities × ${GROUPS} building groups + ${COMMUNITIES} staff groups; real limits (${REAL.chatIntervalMs} ms per chat, ${REAL.switchIntervalMs} ms between chats, ${REAL.perMinute}/min) per account on a virtual clock; Postgres ${new URL(scratch.url).host}`,
    )
    for (const [label, r] of [['1 account (baseline)', one], [`${ACCOUNTS} accounts`, many]] as const) {
      const per = r.results.map((x) => x.sends)
      console.log(
        `  ${label.padEnd(22)} sends ${String(r.sends).padStart(4)} (per account ${Math.min(...per)}–${Math.max(...per)})   out in ${fmt(r.totalMs / 60_000, 2).padStart(6)} min   busiest account's least ${fmt(r.leastMs / 60_000, 2).padStart(6)} min (×${fmt(r.totalMs / r.leastMs, 3)})   sender work ${fmt(r.wallMs / r.sends, 2)} ms/message`,
      )
    }
    console.log(`  ${ACCOUNTS} accounts / 1: time ×${fmt(many.totalMs / one.totalMs, 3)} (ideal ×${fmt(1 / ACCOUNTS, 3)})`)
    const met = many.totalMs <= many.leastMs * GOAL_RATIO && one.totalMs <= one.leastMs * GOAL_RATIO
    console.log(`  goal: each setup done within ×${GOAL_RATIO} of its busiest account's least time — ${met ? 'met' : 'MISSED'}`)
  } finally {
    await scratch.drop()
  }
}

await main()
