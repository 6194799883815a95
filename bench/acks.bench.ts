/**
 * Coalesced acknowledgements (see bench/README.md): 600 ballots in 10 minutes across 20 groups,
 * each acknowledged in its group, sent under WeChat's real limits on a virtual clock — coalescing
 * off (the baseline, every ack its own message) and on, in one run, on one Postgres. Prints p50 /
 * p99 time from ballot to ack, the number of sends, and whether every send kept the limits.
 *
 *   npm run bench:acks -- --ballots 600 --groups 20 --minutes 10
 */
import { parseArgs } from 'node:util'
import type { ChatGateway } from '../src/chat/types.js'
import type { Db } from '../src/db/client.js'
import { ensureCommunities } from '../src/db/communities.js'
import { outbox, people, rooms } from '../src/db/schema.js'
import type { PacingRules } from '../src/domain/pacing.js'
import { createLogger } from '../src/log.js'
import { enqueueMessage } from '../src/outbox/enqueue.js'
import { OutboxSender } from '../src/outbox/sender.js'
import { intArg } from './args.js'
import { scratchDatabase } from './scratch.js'

const { values: argv } = parseArgs({ options: { ballots: { type: 'string', default: '600' }, groups: { type: 'string', default: '20' }, minutes: { type: 'string', default: '10' } } })
const BALLOTS = intArg('ballots', argv.ballots, 1)
const GROUPS = intArg('groups', argv.groups, 1)
const MINUTES = intArg('minutes', argv.minutes, 1)
const REAL: PacingRules = { chatIntervalMs: 1000, switchIntervalMs: 3000, perMinute: 40 }
const GOAL_P99_S = 60
const T0 = Date.parse('2026-12-02T10:00:00+08:00')

const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
}

/** a small seeded generator: the same ballots in both runs and every run */
function lcg(seed: number) {
  let x = seed
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

/** Every send kept the limits? (per chat, between chats, per minute) */
function keptLimits(sends: { chat: string; at: number }[], rules: PacingRules): boolean {
  for (let i = 1; i < sends.length; i++) {
    const gap = sends[i]!.at - sends[i - 1]!.at
    if (gap < (sends[i]!.chat === sends[i - 1]!.chat ? rules.chatIntervalMs : rules.switchIntervalMs)) return false
    if (i >= rules.perMinute && sends[i]!.at - sends[i - rules.perMinute]!.at < 60_000) return false
  }
  return true
}

async function run(db: Db, p: { coalesce: boolean; roomIds: number[]; personIds: number[] }) {
  await db.delete(outbox)
  const random = lcg(7)
  const arrivals = Array.from({ length: BALLOTS }, (_, i) => ({ at: T0 + Math.floor(random() * MINUTES * 60_000), room: p.roomIds[Math.floor(random() * GROUPS)]!, person: p.personIds[i]! })).sort(
    (a, b) => a.at - b.at,
  )
  let t = T0
  let next = 0
  const arrive = async () => {
    for (; next < arrivals.length && arrivals[next]!.at <= t; next++) {
      const a = arrivals[next]!
      await enqueueMessage(db, {
        key: `ack:${next}`,
        body: '已收到您家的 3 票（T2）。想不公开投，可以私聊我投。截止前可重投。',
        roomId: a.room,
        mentions: [a.person],
        coalesce: { key: 'ballot:2', body: '已收到以上各户的票（T2）。想不公开投，可以私聊我投。截止前可重投。' },
        now: new Date(a.at),
      })
    }
  }
  const sends: { chat: string; at: number; mentioned: number }[] = []
  const gateway: ChatGateway = {
    async sendText(to, _text, mentions) {
      sends.push({ chat: to.roomPuppetId!, at: t, mentioned: mentions?.length ?? 0 })
    },
    async sendFile() {},
    async loadImage() {
      throw new Error('unused')
    },
    async announce() {
      return false
    },
  }
  const sender = new OutboxSender({
    db,
    account: 'default',
    gateway,
    now: () => new Date(t),
    rules: REAL,
    maxAttempts: 3,
    log: createLogger('silent'),
    coalesce: p.coalesce,
    // the virtual clock: waiting out a gap lets the ballots of that time arrive
    sleep: async (ms) => {
      t += ms
      await arrive()
    },
  })
  for (;;) {
    await arrive()
    await sender.drain({ wait: true })
    if (next >= arrivals.length) break
    t = Math.max(t, arrivals[next]!.at)
  }
  const rows = await db.select({ createdAt: outbox.createdAt, sentAt: outbox.sentAt, status: outbox.status }).from(outbox)
  if (rows.some((r) => r.status !== 'sent')) throw new Error('some acks were not sent')
  const waits = rows.map((r) => (r.sentAt!.getTime() - r.createdAt.getTime()) / 1000)
  return { p50: quantile(waits, 0.5), p99: quantile(waits, 0.99), max: Math.max(...waits), sends: sends.length, kept: keptLimits(sends, REAL), acked: rows.length, mostMentioned: Math.max(...sends.map((s) => s.mentioned)) }
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench_acks')
  try {
    const { db } = scratch.database
    const at = new Date(T0)
    const [community] = await ensureCommunities(db, { staffRoomTopics: ['居委工作群'], now: at })
    const made = await db
      .insert(rooms)
      .values(Array.from({ length: GROUPS }, (_, i) => ({ topic: `${i + 1}号楼群`, kind: 'building', communityId: community!.id, puppetId: `g${i + 1}@chatroom`, account: 'default', createdAt: at })))
      .returning({ id: rooms.id })
    const folks = await db
      .insert(people)
      .values(Array.from({ length: BALLOTS }, (_, i) => ({ name: `居民${i + 1}`, puppetId: `wx-${i + 1}`, account: 'default', createdAt: at })))
      .returning({ id: people.id })
    const p = { roomIds: made.map((r) => r.id), personIds: folks.map((f) => f.id) }
    const off = await run(db, { ...p, coalesce: false })
    const on = await run(db, { ...p, coalesce: true })

    console.log(`\nGongjian acks bench — ${BALLOTS} ballots in ${MINUTES} minutes across ${GROUPS} groups, each acknowledged in its group; real limits (${REAL.chatIntervalMs} ms per chat, ${REAL.switchIntervalMs} ms between chats, ${REAL.perMinute}/min) on a virtual clock; Postgres ${new URL(scratch.url).host}`)
    for (const [name, r] of [['coalescing off (baseline)', off], ['coalescing on', on]] as const) {
      console.log(`  ${name.padEnd(26)} sends ${String(r.sends).padStart(4)}   ballot → ack p50 ${fmt(r.p50).padStart(6)} s   p99 ${fmt(r.p99).padStart(6)} s   max ${fmt(r.max).padStart(6)} s   limits kept: ${r.kept ? 'yes' : 'NO'}   most @ in one: ${r.mostMentioned}`)
    }
    console.log(`  on / off: sends ×${fmt(on.sends / off.sends, 3)}, p50 ×${fmt(on.p50 / off.p50, 3)}, p99 ×${fmt(on.p99 / off.p99, 3)}`)
    console.log(`  goal: p99 ≤ ${GOAL_P99_S} s with coalescing, within the limits — ${on.p99 <= GOAL_P99_S && on.kept ? 'met' : 'MISSED'}`)
    if (!off.kept || !on.kept) throw new Error('a send broke the limits')
  } finally {
    await scratch.drop()
  }
}

await main()
