/**
 * The status server and database blips, on the real app (mock puppet) and a scratch Postgres
 * database. Figures are ratios against baselines measured in the same run:
 * - /healthz (logged in + `select 1`) and /status latency over 1,000 sequential requests, against
 *   a bare fastify route on the same machine (the HTTP floor);
 * - recovery: traffic from 4 residents, the database's backends terminated every ~0.7 s; for each
 *   termination, the time until the first answer to a message sent after it, against the median
 *   round trip of the same traffic without terminations.
 *
 *   npm run bench:status -- --requests 1000 --blips 10
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import Fastify from 'fastify'
import postgres from 'postgres'
import { MockCommunity } from '../test/support/mockCommunity.js'
import { scratchDatabase } from './scratch.js'

const { values: argv } = parseArgs({ options: { requests: { type: 'string', default: '1000' }, blips: { type: 'string', default: '10' } } })
const REQUESTS = Number(argv.requests)
const BLIPS = Number(argv.blips)
const PEOPLE = ['甲', '乙', '丙', '丁']
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
const ms = (x: number) => `${x.toFixed(2)} ms`

async function latencies(url: string, n: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n + 50; i++) {
    const t0 = performance.now()
    const res = await fetch(url)
    await res.arrayBuffer()
    if (i >= 50) out.push(performance.now() - t0) // the first 50 warm up
  }
  return out
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench_status')
  let world: MockCommunity | undefined
  const bare = Fastify()
  bare.get('/ping', async () => ({ ok: true }))
  try {
    world = new MockCommunity(scratch.database, () => new Date(), { http: { host: '127.0.0.1', port: 'any' } })
    world.group('居委工作群', ['王主任'])
    await world.start()
    const base = world.app.statusUrl()!
    const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 })

    // --- HTTP
    const floor = await latencies(`${bareBase}/ping`, REQUESTS)
    const health = await latencies(`${base}/healthz`, REQUESTS)
    const status = await latencies(`${base}/status`, Math.min(REQUESTS, 300))
    console.log(`HTTP, ${REQUESTS} sequential requests (after 50 to warm up):`)
    console.log(`  bare fastify route  p50 ${ms(pct(floor, 50))}  p99 ${ms(pct(floor, 99))}`)
    console.log(`  /healthz            p50 ${ms(pct(health, 50))}  p99 ${ms(pct(health, 99))}  → ${(pct(health, 50) / pct(floor, 50)).toFixed(2)}× / ${(pct(health, 99) / pct(floor, 99)).toFixed(2)}× the bare route`)
    console.log(`  /status (${status.length})       p50 ${ms(pct(status, 50))}  p99 ${ms(pct(status, 99))}  → ${(pct(status, 50) / pct(floor, 50)).toFixed(2)}× / ${(pct(status, 99) / pct(floor, 99)).toFixed(2)}×`)

    // --- round trips: a private message answered with a hint that repeats it
    const w = world
    const answeredAt = new Map<string, number>()
    const seen = new Set<number>()
    const watch = setInterval(() => {
      for (let i = 0; i < w.transcript.length; i++) {
        if (seen.has(i)) continue
        seen.add(i)
        const m = /「(问.+?)」/.exec(w.transcript[i]!.text)
        if (m && !answeredAt.has(m[1]!)) answeredAt.set(m[1]!, performance.now())
      }
    }, 1)
    const sentAt = new Map<string, number>()
    let n = 0
    let traffic = true
    const send = async (who: string) => {
      while (traffic) {
        const text = `问${who}${n++}`
        sentAt.set(text, performance.now())
        await w.say(who, text, { flush: false })
        await sleep(30)
      }
    }
    const waitAll = async () => {
      const deadline = performance.now() + 60_000
      while ([...sentAt.keys()].some((k) => !answeredAt.has(k)) && performance.now() < deadline) await sleep(5)
    }
    // baseline
    let senders = PEOPLE.map(send)
    await sleep(3_000)
    traffic = false
    await Promise.all(senders)
    await waitAll()
    const normal = [...sentAt].map(([k, t]) => answeredAt.get(k)! - t)
    const roundTrip = pct(normal, 50)
    console.log(`round trip, ${normal.length} messages from ${PEOPLE.length} residents: p50 ${ms(roundTrip)}, p99 ${ms(pct(normal, 99))}`)

    // blips
    const admin = postgres(scratch.url, { max: 1, onnotice: () => {} })
    const faults: unknown[] = []
    process.on('uncaughtException', (e) => faults.push(e))
    process.on('unhandledRejection', (e) => faults.push(e))
    sentAt.clear()
    traffic = true
    senders = PEOPLE.map(send)
    const terminations: number[] = []
    for (let b = 0; b < BLIPS; b++) {
      await sleep(500 + Math.random() * 400)
      terminations.push(performance.now())
      await admin.unsafe('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')
    }
    await sleep(1_500)
    traffic = false
    await Promise.all(senders)
    await waitAll()
    await admin.end()
    const recovery = terminations.map((t0) => {
      const after = [...sentAt].filter(([, t]) => t >= t0).map(([k]) => answeredAt.get(k) ?? Infinity)
      return Math.min(...after) - t0
    })
    const lost = [...sentAt.keys()].filter((k) => !answeredAt.has(k)).length
    const twice = [...sentAt.keys()].filter((k) => w.transcript.filter((s) => s.text.includes(`「${k}」`)).length > 1).length
    console.log(`blips: ${BLIPS} terminations during ${sentAt.size} messages — unanswered ${lost}, answered twice ${twice}, uncaught errors ${faults.length}`)
    console.log(
      `  termination → next answer: p50 ${ms(pct(recovery, 50))}, max ${ms(Math.max(...recovery))} → ${(pct(recovery, 50) / roundTrip).toFixed(1)}× / ${(Math.max(...recovery) / roundTrip).toFixed(1)}× a normal round trip`,
    )
    clearInterval(watch)
  } finally {
    await world?.stop().catch(() => {})
    await bare.close()
    await scratch.drop()
  }
}

await main()
process.exit(0)
