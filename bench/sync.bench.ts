/**
 * Login sync at scale: G groups × M members (all distinct contacts) on the real app with the mock
 * puppet, until 'rooms-synced' (the bot answers nobody before it). Three logins on one database:
 * - first: every contact new;
 * - again: the same puppet logs in again (every id known);
 * - re-login: a fresh puppet where every id changed (people matched by group nickname).
 * Baselines measured in the same run: the puppet's own enumeration (Room.findAll, memberAll and
 * every member's group alias, as the adapter asks, no database) for time; the process's RSS with
 * the puppet populated (minus node + modules before it) for memory. Runs on a scratch Postgres when
 * DATABASE_URL is set, on in-memory PGlite otherwise.
 *
 *   npm run bench:sync -- --groups 500 --members 40
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { roomSnapshot } from '../src/chat/wechaty.js'
import { isPostgresUrl, openDatabase, type Database } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { MockCommunity } from '../test/support/mockCommunity.js'
import { intArg } from './args.js'
import { scratchDatabase } from './scratch.js'

const { values: argv } = parseArgs({ options: { groups: { type: 'string', default: '500' }, members: { type: 'string', default: '40' } } })
const GROUPS = intArg('groups', argv.groups, 1)
const MEMBERS = intArg('members', argv.members, 1)
const MiB = 1024 * 1024
const gc = (globalThis as { gc?: () => void }).gc
const rss = () => {
  gc?.()
  return process.memoryUsage().rss
}
const mib = (b: number) => `${(b / MiB).toFixed(0)} MiB`
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** the peak RSS and JS heap while `fn` runs, sampled every 20 ms */
async function peakDuring(fn: () => Promise<void>): Promise<{ peak: number; heapPeak: number; ms: number }> {
  let peak = 0
  let heapPeak = 0
  const sample = () => {
    const m = process.memoryUsage()
    peak = Math.max(peak, m.rss)
    heapPeak = Math.max(heapPeak, m.heapUsed)
  }
  sample()
  const timer = setInterval(sample, 20)
  const t0 = performance.now()
  try {
    await fn()
    const ms = performance.now() - t0
    sample()
    return { peak, heapPeak, ms }
  } finally {
    clearInterval(timer)
  }
}

function community(database: Database): MockCommunity {
  const w = new MockCommunity(database, () => new Date())
  for (let g = 0; g < GROUPS; g++) {
    const names = Array.from({ length: MEMBERS }, (_, m) => `居民${g}-${m}`)
    w.group(`幸福里${g + 1}号楼`, names)
  }
  return w
}

async function enumeration(w: MockCommunity): Promise<number> {
  const t0 = performance.now()
  const rooms = await w.app.bot.Room.findAll()
  let n = 0
  for (const r of rooms) n += (await roomSnapshot(r)).members.length
  if (n < GROUPS * MEMBERS) throw new Error(`enumerated ${n} members`)
  return performance.now() - t0
}

/**
 * One login: the mock puppet logs in; the puppet's own enumeration is timed first (cold: Wechaty
 * loads every room and contact), and the RSS after it is the puppet's; then 'ready' starts the
 * app's sync, timed until 'rooms-synced', its peak RSS sampled.
 */
interface Login {
  floor: number
  puppetRss: number
  puppetHeap: number
  ms: number
  peak: number
  heapPeak: number
}

async function login(w: MockCommunity): Promise<Login> {
  const synced = new Promise<void>((resolve) => w.app.events.once('rooms-synced', () => resolve()))
  w.mocker.login(w.me)
  await new Promise((r) => setTimeout(r, 50))
  const floor = await enumeration(w)
  const puppetRss = rss()
  const puppetHeap = process.memoryUsage().heapUsed
  const run = await peakDuring(async () => {
    w.puppet.emit('ready', { data: '' })
    await synced
  })
  await w.flush()
  return { floor, puppetRss, puppetHeap, ...run }
}

async function main(): Promise<void> {
  const postgres = isPostgresUrl(process.env.DATABASE_URL)
  const scratch = postgres ? await scratchDatabase('gj_bench_sync') : undefined
  const database = scratch?.database ?? (await openDatabase({ url: 'memory://', dataDir: '' }))
  if (!scratch) await migrateDatabase(database)
  console.log(`Login sync, ${GROUPS} groups × ${MEMBERS} members (${GROUPS * MEMBERS} contacts), on ${postgres ? 'Postgres' : 'PGlite (in memory)'}`)
  /**
   * `bare`: the RSS and heap before the puppet was populated. On PGlite the RSS also holds the
   * embedded database (its WASM memory grows and shrinks on its own): the heap is the figure there.
   */
  const line = (what: string, r: Login, bare: { rss: number; heap: number }, same?: { rss: number; heap: number }) => {
    const puppet = same?.rss ?? r.puppetRss - bare.rss
    const puppetHeap = same?.heap ?? r.puppetHeap - bare.heap
    console.log(`  ${what}: ${sec(r.ms)} until ready = ${(r.ms / r.floor).toFixed(1)}× the puppet's own enumeration (${sec(r.floor)})`)
    const rssPart = postgres ? `${mib(r.peak - r.puppetRss)} RSS over the puppet's ${mib(puppet)} (${((r.peak - r.puppetRss) / puppet).toFixed(2)}×); ` : ''
    console.log(`    the app's peak: ${rssPart}${mib(r.heapPeak - r.puppetHeap)} JS heap over the puppet's ${mib(puppetHeap)} (${((r.heapPeak - r.puppetHeap) / puppetHeap).toFixed(2)}×)`)
  }
  const before = () => ({ rss: rss(), heap: process.memoryUsage().heapUsed })
  try {
    const bare = before()
    const w = community(database)
    await w.start({ login: false })
    const first = await login(w)
    line('first login (every contact new)', first, bare)
    await w.logout()
    // the same puppet: its memory is the first login's figure
    line('same puppet again (every id known)', await login(w), bare, { rss: first.puppetRss - bare.rss, heap: first.puppetHeap - bare.heap })
    await w.stop()
    w.mocker.stop?.()
    const bare2 = before()
    const next = community(database)
    await next.start({ login: false })
    const relogin = await login(next)
    // a second puppet of the same size: the first one's figure where this one's cannot be told apart
    const puppet2 = relogin.puppetRss - bare2.rss
    line('re-login, every id new (by nickname)', relogin, bare2, puppet2 > 0 ? undefined : { rss: first.puppetRss - bare.rss, heap: relogin.puppetHeap - bare2.heap })
    await next.stop()
  } finally {
    if (scratch) await scratch.drop()
    else await database.close()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
