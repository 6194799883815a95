/**
 * A letter to 500 building groups through the outbox (see bench/README.md):
 *  1. planning: publishNotice() writing every part for every group;
 *  2. sender overhead per message with the rate limits set to zero;
 *  3. with the real limits, total time as a ratio of the least those limits allow. Pacing waits
 *     run on a virtual clock (real time + the time slept), so the figure includes the sender's
 *     own work but not 40 minutes of real waiting.
 *
 *   npm run bench:broadcast -- --groups 500
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { ChatGateway } from '../src/chat/types.js'
import { defaultConfig } from '../src/config.js'
import { ensureBuilding, ensureCommunities } from '../src/db/communities.js'
import { outbox, rooms } from '../src/db/schema.js'
import type { PacingRules } from '../src/domain/pacing.js'
import { createLogger } from '../src/log.js'
import { OutboxSender } from '../src/outbox/sender.js'
import { publishNotice, type NoticeDraft } from '../src/features/notices/index.js'
import { scratchDatabase } from './scratch.js'

const { values: argv } = parseArgs({ options: { groups: { type: 'string', default: '500' } } })
const GROUPS = Number(argv.groups)
if (!Number.isInteger(GROUPS) || GROUPS < 2) throw new Error('--groups must be an integer ≥ 2')
const GOAL_RATIO = 1.05
const REAL: PacingRules = { chatIntervalMs: 1000, switchIntervalMs: 3000, perMinute: 40 }

const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })

/** The least time (ms) from the first to the last send that the limits allow for this order. */
function minimumSpan(chats: string[], rules: PacingRules): number {
  let gaps = 0
  for (let i = 1; i < chats.length; i++) gaps += chats[i] === chats[i - 1] ? rules.chatIntervalMs : rules.switchIntervalMs
  // messages i and i+perMinute are at least a minute apart
  const perMinute = rules.perMinute > 0 ? Math.floor((chats.length - 1) / rules.perMinute) * 60_000 : 0
  return Math.max(gaps, perMinute)
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench_bc')
  try {
    const { db } = scratch.database
    const now0 = new Date()
    const [community] = await ensureCommunities(db, { staffRoomTopics: ['居委工作群'], now: now0 })
    for (let i = 1; i <= GROUPS; i++) {
      const b = await ensureBuilding(db, { communityId: community!.id, number: i, now: now0 })
      await db.insert(rooms).values({ topic: `${i}号楼群`, kind: 'building', communityId: community!.id, buildingId: b.id, puppetId: `g${i}@chatroom`, puppetSeenAt: now0, account: 'default', createdAt: now0 })
    }
    const config = defaultConfig({ announce: false, sessionName: undefined })
    const body = Array.from({ length: 160 }, (_, i) => `第${i + 1}条：请大家支持社区微更新。`).join('')
    const draft = (title: string): NoticeDraft => ({ kind: 'letter', title, body, file: null, targets: 'all', at: now0.toISOString(), immediate: true })

    // 1. planning
    let t = performance.now()
    const planned = await db.transaction((tx) => publishNotice(tx, { communityId: community!.id, personId: 0, draft: draft('零间隔'), now: new Date(), config }))
    const planMs = performance.now() - t
    const rows = (await db.select({ id: outbox.id }).from(outbox)).length

    // 2. zero limits: the sender's own cost per message
    const sent: { chat: string; at: number }[] = []
    let clockOffset = 0
    const now = () => new Date(Date.now() + clockOffset)
    const gateway: ChatGateway = {
      async sendText(to) {
        sent.push({ chat: to.roomPuppetId!, at: now().getTime() })
      },
      async sendFile() {},
      async loadImage() {
        throw new Error('unused')
      },
      async announce() {
        return false
      },
    }
    const log = createLogger('silent')
    const zero = new OutboxSender({ db, account: 'default', gateway, now, rules: { chatIntervalMs: 0, switchIntervalMs: 0, perMinute: 0 }, maxAttempts: 3, log })
    t = performance.now()
    const n0 = await zero.drain({ wait: true })
    const zeroMs = performance.now() - t

    // 3. real limits on the virtual clock
    await db.transaction((tx) => publishNotice(tx, { communityId: community!.id, personId: 0, draft: draft('真实限速'), now: now(), config }))
    sent.length = 0
    const real = new OutboxSender({
      db,
      account: 'default',
      gateway,
      now,
      rules: REAL,
      maxAttempts: 3,
      log,
      sleep: async (ms) => {
        clockOffset += ms
      },
    })
    t = performance.now()
    const n1 = await real.drain({ wait: true })
    const realWallMs = performance.now() - t
    const span = sent[sent.length - 1]!.at - sent[0]!.at
    const least = minimumSpan(sent.map((s) => s.chat), REAL)
    const ratio = span / least

    console.log(`\nGongjian broadcast bench — a letter of ${planned.notice.body.length} characters to ${GROUPS} groups (${rows / GROUPS} parts each), Postgres ${new URL(scratch.url).host}`)
    console.log(`planning (publishNotice, ${rows} outbox rows): ${fmt(planMs, 0)} ms, ${fmt((1000 * planMs) / rows, 0)} µs per row`)
    console.log(`sending with zero limits: ${n0} messages in ${fmt(zeroMs, 0)} ms — sender overhead ${fmt((1000 * zeroMs) / n0, 0)} µs per message (claim + resolve + mark sent)`)
    console.log(`sending with real limits (${REAL.chatIntervalMs} ms per chat, ${REAL.switchIntervalMs} ms between chats, ${REAL.perMinute}/min): ${n1} messages`)
    console.log(`  first → last send ${fmt(span / 60_000, 2)} min (virtual), least the limits allow ${fmt(least / 60_000, 2)} min`)
    console.log(`  ratio ${fmt(ratio, 4)}   goal ≤ ${GOAL_RATIO}   ${ratio <= GOAL_RATIO ? 'met' : 'MISSED'}   (real time spent: ${fmt(realWallMs / 1000, 1)} s)`)
    if (n0 !== rows || n1 !== rows) throw new Error(`sent ${n0} and ${n1}, expected ${rows} each`)
  } finally {
    await scratch.drop()
  }
}

await main()
