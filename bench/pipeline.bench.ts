/**
 * Inbound pipeline throughput/latency vs raw postgres.js single-row INSERTs (see bench/README.md).
 *
 *   npm run bench                 # N = 5000 measured messages, 300 warm-up
 *   npm run bench -- --n 2000 --inflight 64 --warmup 300 --profile 400 --seed 1
 *
 * Uses DATABASE_URL (else postgres://postgres@127.0.0.1:5432/test) only to create a scratch
 * database gj_bench_<random>, which is dropped at the end.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { ContactRef, InboundMessage, RoomSnapshot } from '../src/chat/types.js'
import { defaultConfig, type Config } from '../src/config.js'
import { preparing, type Database, type Db } from '../src/db/client.js'
import { ensureBuilding, ensureCommunities } from '../src/db/communities.js'
import { bindRoomToBuilding } from '../src/db/rooms.js'
import * as schema from '../src/db/schema.js'
import { createLogger } from '../src/log.js'
import { COMMANDS, DIALOGS } from '../src/features/index.js'
import { createRegistry } from '../src/kit/registry.js'
import { createPipeline, type Outcome } from '../src/router/pipeline.js'
import { syncAllRooms } from '../src/features/rooms/index.js'
import { seededRandom } from '../src/domain/random.js'
import { scratchDatabase } from './scratch.js'
import { intArg } from './args.js'

// ---------------------------------------------------------------- options

const { values: argv } = parseArgs({
  options: {
    n: { type: 'string', default: '5000' },
    warmup: { type: 'string', default: '300' },
    inflight: { type: 'string', default: '64' },
    pool: { type: 'string', default: '10' },
    /** messages pushed one at a time through an instrumented client to count queries (0: skip) */
    profile: { type: 'string', default: '400' },
    seed: { type: 'string', default: '1' },
    /** Zipf exponent of who talks (0: everyone equally often) */
    skew: { type: 'string', default: '0' },
    /** offered load (msgs/s) of the open-loop latency run */
    rate: { type: 'string', default: '1000' },
  },
  strict: true,
})
const int = intArg
const N = int('n', argv.n, 1)
const WARMUP = int('warmup', argv.warmup, 0)
const INFLIGHT = int('inflight', argv.inflight, 1)
const POOL = int('pool', argv.pool, 1)
const PROFILE = int('profile', argv.profile, 0)
const RATE = int('rate', argv.rate, 1)
const SEED = int('seed', argv.seed, 0)
const SKEW = Number(argv.skew)
if (!(SKEW >= 0)) throw new Error(`--skew must be a number ≥ 0, got ${argv.skew}`)

const GOAL_RATIO = 0.5
const GOAL_P99_MS = 20
const ROOMS = 10
const RESIDENTS = 200
const HELP_SHARE = Number(process.env.BENCH_HELP_SHARE ?? 0.05)
const IMAGE_SHARE = 0.02

// ---------------------------------------------------------------- workload (deterministic)

const rnd = seededRandom(SEED)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高']
const GIVEN = ['芳', '伟', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '建国', '桂英', '志强', '玉兰']
const CHATTER = [
  '早上好',
  '今天楼下的快递柜又满了',
  '有人知道物业电话吗？',
  '3号楼门口路灯坏了好几天了',
  '谢谢邻居帮忙收快递',
  '晚上广场舞几点开始？',
  '电梯又停了，有人报修了吗',
  '楼道里的自行车能不能挪一下',
  '好的，收到',
  '👍',
  '周末社区有义诊，大家可以去看看',
  '垃圾分类的桶换位置了',
  '停车位太紧张了，能不能加几个',
  '小区花园的长椅坏了一张',
  '哈哈哈',
  '明天停水，记得储水',
  '谁家的猫跑出来了，白色的',
  '楼上漏水，滴到我家阳台了',
]

interface Resident extends ContactRef {
  rooms: number[]
}
const roomRefs = Array.from({ length: ROOMS }, (_, i) => ({ puppetId: `${20_000_000_000 + i * 7919}@chatroom`, topic: `幸福里${i + 1}号楼` }))
const residents: Resident[] = Array.from({ length: RESIDENTS }, (_, i) => {
  const name = `${pick(SURNAMES)}${pick(GIVEN)}`
  const home = i % ROOMS
  const rooms = rnd() < 0.15 ? [home, (home + 1 + Math.floor(rnd() * (ROOMS - 1))) % ROOMS] : [home]
  const nickname = rnd() < 0.6 ? `${home + 1}号楼${100 * (1 + Math.floor(rnd() * 18)) + 1 + Math.floor(rnd() * 4)} ${name}` : undefined
  return { puppetId: `wxid_bench${i.toString(36).padStart(4, '0')}${Math.floor(rnd() * 1e6)}`, name, ...(nickname ? { nickname } : {}), rooms }
})
// who talks: Zipf with exponent --skew. Default 0 (uniform): the bench compresses hours of chat into
// seconds, and a skewed mix then has one person sending dozens of messages a second, which the
// per-talker queue serialises (try --skew 0.8: the chattiest of 200 sends ~10% of all messages).
const zipfCdf = (() => {
  const w = residents.map((_, i) => 1 / Math.pow(i + 1, SKEW))
  const total = w.reduce((a, b) => a + b, 0)
  let acc = 0
  return w.map((x) => (acc += x / total))
})()
const talkerIndex = (): number => {
  const u = rnd()
  const i = zipfCdf.findIndex((c) => c >= u)
  return i < 0 ? RESIDENTS - 1 : i
}

interface Spec {
  id: string
  person: number
  room: number
  type: InboundMessage['type']
  text: string
  help: boolean
}
let msgSeq = 0
function makeSpecs(count: number, prefix: string): Spec[] {
  return Array.from({ length: count }, () => {
    const person = talkerIndex()
    const room = pick(residents[person]!.rooms)
    const help = rnd() < HELP_SHARE
    const image = !help && rnd() < IMAGE_SHARE
    return {
      id: `${prefix}${(7_000_000_000_000 + msgSeq++).toString()}`,
      person,
      room,
      type: image ? 'image' : 'text',
      text: help ? '帮助' : image ? '' : pick(CHATTER),
      help,
    }
  })
}
const warmupSpecs = makeSpecs(WARMUP, 'w')
const measuredSpecs = makeSpecs(N, 'm')
const profileSpecs = makeSpecs(PROFILE, 'p')
const rateSpecs = makeSpecs(N, 'r')

function toInbound(s: Spec): InboundMessage {
  const r = residents[s.person]!
  return {
    id: s.id,
    sentAt: new Date(),
    isSelf: false,
    talker: { puppetId: r.puppetId, name: r.name, ...(r.nickname ? { nickname: r.nickname } : {}) },
    room: roomRefs[s.room]!,
    type: s.type,
    text: s.text,
    mentionsBot: s.help,
    mentions: [],
  }
}

// ---------------------------------------------------------------- helpers

/** Busy and total jiffies of the whole machine (Linux), to see whether the run is CPU-bound. */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
    const total = f.reduce((a, b) => a + b, 0)
    return { busy: total - f[3]! - f[4]!, total }
  } catch {
    return null
  }
}

/** Keeps `inflight` calls running until `count` are done; per-call latency from call to resolve. */
async function drive<T>(count: number, inflight: number, fn: (i: number) => Promise<T>, done?: (r: T) => void) {
  const lat = new Float64Array(count)
  let next = 0
  const cpu0 = process.cpuUsage()
  const m0 = machineCpu()
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(inflight, count) }, async () => {
      while (next < count) {
        const i = next++
        const s = performance.now()
        const r = await fn(i)
        lat[i] = performance.now() - s
        done?.(r)
      }
    }),
  )
  const wallMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const m1 = machineCpu()
  const machineBusy = m0 && m1 && m1.total > m0.total ? (m1.busy - m0.busy) / (m1.total - m0.total) : NaN
  return { lat, wallMs, nodeCpuUs: cpu.user + cpu.system, machineBusy }
}

/**
 * Open loop: message i is offered at t0 + i/rate whether or not earlier ones are done, and its
 * latency counts from that moment — what a person feels at a given load, free of the queueing
 * that a closed loop with many in flight adds by construction (latency = in flight / throughput).
 */
async function driveAtRate<T>(count: number, rate: number, fn: (i: number) => Promise<T>, done?: (r: T) => void) {
  const lat = new Float64Array(count)
  const cpu0 = process.cpuUsage()
  const m0 = machineCpu()
  const t0 = performance.now()
  const pending: Promise<void>[] = []
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / rate
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    pending.push(
      fn(i).then((r) => {
        lat[i] = performance.now() - due
        done?.(r)
      }),
    )
  }
  await Promise.all(pending)
  const wallMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const m1 = machineCpu()
  const machineBusy = m0 && m1 && m1.total > m0.total ? (m1.busy - m0.busy) / (m1.total - m0.total) : NaN
  return { lat, wallMs, nodeCpuUs: cpu.user + cpu.system, machineBusy }
}

function stats(run: { lat: Float64Array; wallMs: number; nodeCpuUs: number; machineBusy: number }) {
  const sorted = Float64Array.from(run.lat).sort()
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
  return {
    perSec: (sorted.length / run.wallMs) * 1000,
    p50: q(0.5),
    p99: q(0.99),
    max: sorted[sorted.length - 1]!,
    nodeCpuUsPerMsg: run.nodeCpuUs / sorted.length,
    machineBusy: run.machineBusy,
  }
}

const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
const pad = (s: string, w: number) => s.padStart(w)

// ---------------------------------------------------------------- main

const closers: (() => Promise<unknown>)[] = []
let ok = true
let dropScratch: (() => Promise<void>) | undefined

async function main(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench', POOL)
  dropScratch = scratch.drop
  const { database, url: scratchUrl, name: dbName } = scratch
  const { db } = database

  const log = createLogger('silent')
  const config: Config = defaultConfig({ databaseUrl: scratchUrl, logLevel: 'silent', sessionName: undefined })
  const communities = await ensureCommunities(db, { staffRoomTopics: config.staffRoomTopics, now: new Date() })
  const community = communities[0]
  if (!community) throw new Error('ensureCommunities returned no community')

  // "login": the bot syncs its groups and members, and staff have bound each group to its building
  const loginAt = new Date()
  const snapshots: RoomSnapshot[] = roomRefs.map((r, i) => ({
    ...r,
    members: residents
      .filter((p) => p.rooms.includes(i))
      .map((p) => ({ puppetId: p.puppetId, name: p.name, ...(p.nickname ? { nickname: p.nickname } : {}) })),
  }))
  const synced = await syncAllRooms({ db, account: 'default', now: new Date(), loginAt, communities: [community!], tell: () => {} }, snapshots)
  for (const [i, room] of synced.entries()) {
    const building = await ensureBuilding(db, { communityId: community.id, number: i + 1, now: new Date() })
    await bindRoomToBuilding(db, { roomId: room.id, communityId: community.id, buildingId: building.id })
  }

  let enqueuedCalls = 0
  const makePipeline = (pdb: Database) =>
    createPipeline({
      database: pdb,
      now: () => new Date(),
      config,
      log,
      loginAt: () => loginAt,
      registry: createRegistry(COMMANDS),
      dialogs: DIALOGS,
      onEnqueued: () => void enqueuedCalls++,
      communities: () => communities,
      loadImage: async () => {
        throw new Error('no pictures here')
      },
    })
  const pipeline = makePipeline(database)

  // raw baseline: its own client and a table shaped like inbound_messages
  const raw = postgres(scratchUrl, { max: POOL, onnotice: () => {} })
  closers.unshift(() => raw.end({ timeout: 5 }))
  await raw`create table bench_raw_inbound (
    id bigserial primary key,
    message_id text not null,
    room_id integer,
    person_id integer,
    type text not null,
    text text,
    sent_at timestamptz not null,
    received_at timestamptz not null,
    status text not null
  )`
  await raw`create unique index bench_raw_inbound_message_id_uq on bench_raw_inbound (message_id)`
  await raw`create index bench_raw_inbound_received_idx on bench_raw_inbound (received_at)`
  const rawInsert = (s: Spec) => {
    const now = new Date()
    return raw`insert into bench_raw_inbound (message_id, room_id, person_id, type, text, sent_at, received_at, status)
      values (${s.id}, ${s.room + 1}, ${s.person + 1}, ${s.type}, ${s.text}, ${now}, ${now}, ${'ignored'})`
  }

  const outcomes = new Map<Outcome, number>()
  const tally = (o: Outcome) => outcomes.set(o, (outcomes.get(o) ?? 0) + 1)
  const feed = (specs: Spec[]) => (i: number) => pipeline.receive(toInbound(specs[i]!))

  // warm-up (JIT, connections, plan caches, first sightings), not counted in the figures
  if (WARMUP > 0) {
    await drive(WARMUP, INFLIGHT, feed(warmupSpecs), tally)
    await drive(WARMUP, INFLIGHT, (i) => rawInsert(warmupSpecs[i]!))
  }
  const warmupOutcomes = new Map(outcomes)
  outcomes.clear()

  const rawRun = stats(await drive(N, INFLIGHT, (i) => rawInsert(measuredSpecs[i]!)))
  const pipeRun = stats(await drive(N, INFLIGHT, feed(measuredSpecs), tally))
  await pipeline.idle()
  const rawRate = stats(await driveAtRate(N, RATE, (i) => rawInsert(rateSpecs[i]!)))
  const pipeRate = stats(await driveAtRate(N, RATE, feed(rateSpecs), tally))
  await pipeline.idle()

  // ---- the work was real
  const [counts] = await raw<{ inbound: string; handled: string; replies: string; rawRows: string }[]>`
    select (select count(*) from inbound_messages) as inbound,
           (select count(*) from inbound_messages where status = 'handled') as handled,
           (select count(distinct split_part(idempotency_key, '#', 1)) from outbox) as replies,
           (select count(*) from bench_raw_inbound) as "rawRows"`
  const expectedHelp = [...warmupSpecs, ...measuredSpecs, ...rateSpecs].filter((s) => s.help).length
  const allOutcomes = new Map<Outcome, number>()
  for (const m of [warmupOutcomes, outcomes]) for (const [k, v] of m) allOutcomes.set(k, (allOutcomes.get(k) ?? 0) + v)

  // ---- report
  const ratio = pipeRun.perSec / rawRun.perSec
  console.log(
    `\nGongjian inbound pipeline bench — N=${N} (+${WARMUP} warm-up), ${INFLIGHT} in flight, pool ${POOL}, ${RESIDENTS} residents in ${ROOMS} rooms, talker skew ${SKEW}, ${HELP_SHARE * 100}% '帮助'`,
  )
  console.log(`database ${new URL(scratchUrl).host}/${dbName} (scratch)\n`)
  console.log(`${'path'.padEnd(34)}${pad('msgs/s', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 10)}${pad('max ms', 9)}${pad('node CPU µs/msg', 17)}${pad('machine busy', 14)}`)
  for (const [name, s] of [
    ['raw single-row INSERT', rawRun],
    ['pipeline.receive()', pipeRun],
    [`raw, open loop ${RATE}/s`, rawRate],
    [`pipeline, open loop ${RATE}/s`, pipeRate],
  ] as const) {
    console.log(
      `${name.padEnd(34)}${pad(fmt(s.perSec, 0), 8)}${pad(fmt(s.p50, 2), 9)}${pad(fmt(s.p99, 2), 10)}${pad(fmt(s.max, 1), 9)}${pad(fmt(s.nodeCpuUsPerMsg, 0), 17)}${pad(Number.isNaN(s.machineBusy) ? '?' : `${fmt(100 * s.machineBusy, 0)}%`, 14)}`,
    )
  }
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED')
  console.log(`\nthroughput ratio pipeline/raw ${fmt(ratio, 2)}   goal ≥ ${GOAL_RATIO}   ${verdict(ratio >= GOAL_RATIO)}`)
  console.log(`pipeline p99 at ${RATE}/s offered ${fmt(pipeRate.p99, 2)} ms   goal ≤ ${GOAL_P99_MS} ms   ${verdict(pipeRate.p99 <= GOAL_P99_MS)}`)
  console.log(`(closed loop, ${INFLIGHT} in flight: p99 ${fmt(pipeRun.p99, 2)} ms — mostly queueing: ${INFLIGHT} / throughput = ${fmt((1000 * INFLIGHT) / pipeRun.perSec, 1)} ms)`)
  const outcomeLine = (m: Map<Outcome, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ')
  console.log(`\noutcomes (measured): ${outcomeLine(outcomes)}`)
  console.log(`outcomes (warm-up):  ${outcomeLine(warmupOutcomes)}`)
  console.log(
    `rows: inbound_messages ${counts!.inbound} (expect ${2 * N + WARMUP}), handled ${counts!.handled}, outbox replies ${counts!.replies} (expect ${expectedHelp}), onEnqueued calls ${enqueuedCalls}, raw rows ${counts!.rawRows}`,
  )

  const problems: string[] = []
  if (Number(counts!.inbound) !== 2 * N + WARMUP) problems.push(`inbound_messages has ${counts!.inbound} rows, expected ${2 * N + WARMUP}`)
  if (Number(counts!.rawRows) !== 2 * N + WARMUP) problems.push(`bench_raw_inbound has ${counts!.rawRows} rows, expected ${2 * N + WARMUP}`)
  if (Number(counts!.replies) !== expectedHelp) problems.push(`outbox has ${counts!.replies} replies, expected ${expectedHelp}`)
  if ((allOutcomes.get('handled') ?? 0) !== expectedHelp) problems.push(`${allOutcomes.get('handled') ?? 0} handled outcomes, expected ${expectedHelp}`)
  const unexpected = [...allOutcomes].filter(([k]) => k !== 'handled' && k !== 'ignored')
  if (unexpected.length) problems.push(`unexpected outcomes: ${unexpected.map(([k, v]) => `${k} ${v}`).join(', ')}`)
  if (problems.length) {
    ok = false
    console.error(`\nBENCH CHECK FAILED:\n  ${problems.join('\n  ')}`)
  }

  if (PROFILE > 0) await profile(scratchUrl, makePipeline, raw)
}

/**
 * Where the time goes: messages one at a time through a pipeline on an instrumented client
 * (postgres.js `debug` hook, called when each statement is sent). At concurrency 1 the gap
 * between one statement being sent and the next ≈ that statement's round trip(s) + the JS
 * around it; the last gap runs to the promise resolving.
 */
async function profile(url: string, makePipeline: (db: Database) => ReturnType<typeof createPipeline>, raw: postgres.Sql): Promise<void> {
  interface Sent {
    label: string
    t: number
  }
  let sent: Sent[] = []
  const client = postgres(url, {
    max: POOL,
    onnotice: () => {},
    debug: (_conn, query) => {
      sent.push({ label: labelOf(query), t: performance.now() })
    },
  })
  closers.unshift(() => client.end({ timeout: 5 }))
  const instrumented: Database = {
    db: drizzle({ client: preparing(client), schema }) as unknown as Db,
    kind: 'postgres',
    label: 'profile',
    url,
    query: async <T,>(text: string, params: unknown[]) =>
      (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as T[],
    ping: async () => true,
    recycle: async () => {},
    close: async () => {},
  }
  const pipeline = makePipeline(instrumented)

  const byOutcome = new Map<Outcome, { msgs: number; stmts: number; ms: number; lat: number[] }>()
  const byLabel = new Map<string, { count: number; ms: number }>()
  for (const s of profileSpecs) {
    sent = []
    const t0 = performance.now()
    const outcome = await pipeline.receive(toInbound(s))
    const t1 = performance.now()
    const o = byOutcome.get(outcome) ?? { msgs: 0, stmts: 0, ms: 0, lat: [] }
    o.lat.push(t1 - t0)
    o.msgs++
    o.stmts += sent.length
    o.ms += t1 - t0
    byOutcome.set(outcome, o)
    sent.forEach((q, i) => {
      const end = i + 1 < sent.length ? sent[i + 1]!.t : t1
      const key = `${outcome}: ${q.label}`
      const l = byLabel.get(key) ?? { count: 0, ms: 0 }
      l.count++
      l.ms += end - q.t
      byLabel.set(key, l)
    })
  }
  // the same number of raw inserts, one at a time, for scale
  const rawSeq = stats(
    await drive(PROFILE, 1, (i) => {
      const now = new Date()
      return raw`insert into bench_raw_inbound (message_id, room_id, person_id, type, text, sent_at, received_at, status)
        values (${`prof-${profileSpecs[i]!.id}`}, ${1}, ${1}, ${'text'}, ${'x'}, ${now}, ${now}, ${'ignored'})`
    }),
  )

  console.log(`\nprofile: ${PROFILE} messages one at a time (instrumented client; debug mode adds a little overhead)`)
  console.log(`  raw single-row INSERT one at a time: ms per row mean ${fmt(1000 / rawSeq.perSec, 2)}, p50 ${fmt(rawSeq.p50, 2)}, p99 ${fmt(rawSeq.p99, 2)}`)
  for (const [outcome, o] of byOutcome) {
    const lat = o.lat.sort((a, b) => a - b)
    const q = (p: number) => lat[Math.min(lat.length - 1, Math.max(0, Math.ceil(p * lat.length) - 1))]!
    console.log(
      `  ${outcome.padEnd(8)} ${String(o.msgs).padStart(4)} msgs: ${fmt(o.stmts / o.msgs, 1)} statements (each one round trip: prepared); ms per message mean ${fmt(o.ms / o.msgs, 2)}, p50 ${fmt(q(0.5), 2)}, p99 ${fmt(q(0.99), 2)}`,
    )
    // (once-per-connection work such as postgres.js's type fetch falls below 0.01×/msg: hidden)
    const rows = [...byLabel].filter(([k, l]) => k.startsWith(`${outcome}: `) && l.count / o.msgs >= 0.01).sort((a, b) => b[1].ms - a[1].ms)
    for (const [k, l] of rows) {
      const label = k.slice(outcome.length + 2)
      const perMsg = l.ms / o.msgs
      console.log(
        `      ${label.padEnd(40)} ${fmt(l.count / o.msgs, 2).padStart(5)}×/msg ${fmt(perMsg, 3).padStart(7)} ms/msg ${pad(fmt((100 * l.ms) / o.ms, 0), 4)}%`,
      )
    }
  }
}

/** 'select people', 'insert room_members', 'begin', … — plus the function that issues it. */
function labelOf(sql: string): string {
  const s = sql.trim().replace(/\s+/g, ' ').toLowerCase()
  const verb = s.split(' ')[0] ?? '?'
  if (verb === 'begin' || verb === 'commit' || verb === 'rollback') return verb
  if (verb === 'savepoint' || verb === 'release') return `${verb} (nested tx.transaction)`
  const table = (verb === 'insert' ? /into "?(\w+)"?/ : verb === 'update' ? /^update "?(\w+)"?/ : /from "?(\w+)"?/).exec(s)?.[1] ?? '?'
  const join = / join "?(\w+)"?/.exec(s)?.[1]
  const label = `${verb} ${table}${join ? `⋈${join}` : ''}`
  return CALLERS[label] ? `${label} [${CALLERS[label]}]` : label
}
const CALLERS: Record<string, string> = {
  'select rooms': 'resolveRoom',
  'select people': 'resolvePerson',
  'insert room_members': 'noteMembership',
  'insert inbound_messages': 'logInbound',
  'with conversations': 'logAndPeek',
  'select conversations': 'findConversation',
  'select room_members⋈rooms': 'staffCommunityIds',
  'select communities': 'getCommunity',
  'select roles': 'isBuildingHead',
  'insert outbox': 'enqueueMessage',
  'update inbound_messages': 'markInbound',
}

try {
  await main()
} catch (err) {
  ok = false
  console.error('bench failed:', err)
} finally {
  for (const close of closers) await close().catch((err: unknown) => console.error('close failed:', err))
  await dropScratch?.().catch((err: unknown) => {
    ok = false
    console.error('could not drop the scratch database:', err)
  })
}
process.exitCode = ok ? 0 : 1
