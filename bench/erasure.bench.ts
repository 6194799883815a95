/**
 * 删除我的信息 at the papers' size: `eraseMyInfo` for 20 residents of the community of
 * `papersCommunity.ts` (2,253 households × 2 people, 1,500 suggestions, 8,293 ballots), with a
 * building group per building (every resident a member under a group nickname), 50,000 logged
 * inbound messages with their words and 20,000 outbox rows — the texts the scrub has to go
 * through. Each erasure in its own transaction, as the dialog runs it.
 *
 * Measured: median and p95 wall time per erasure, against a baseline of the same run — the read
 * side of the scrub alone: one `count(*) … where strpos(column, needle) > 0` per column that
 * `textColumns` lists (and, for scale, `select *` of outbox + inbound_messages). Checked after
 * each erasure: no text, varchar, json or jsonb column of any table holds the person's name,
 * nickname or building + door (but namesakes' own name and group nickname); also counted: other
 * people's names and nicknames that contain the erased name (namesakes) — they must stay as they are.
 *
 *   npm run bench:erasure -- --households 2253 --inbound 50000 --outbox 20000 --erase 20
 *
 * Needs Postgres: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test, only to create a
 * scratch database gj_bench_erasure_<random>, dropped at the end.
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { eq, sql } from 'drizzle-orm'
import type { InboundMessage } from '../src/chat/types.js'
import { defaultConfig } from '../src/config.js'
import type { Db } from '../src/db/client.js'
import { getPerson } from '../src/db/people.js'
import { buildings, communities, households, inboundMessages, outbox, people, roomMembers, rooms } from '../src/db/schema.js'
import { rowsOf, textColumns } from '../src/db/scrub.js'
import { buildingLabel } from '../src/domain/address.js'
import { seededRandom } from '../src/domain/random.js'
import { COMMANDS } from '../src/features/index.js'
import type { Ctx } from '../src/kit/context.js'
import { createRegistry } from '../src/kit/registry.js'
import { ERASED_NAME, eraseMyInfo } from '../src/features/privacy/index.js'
import { day, seedPapersCommunity } from './papersCommunity.js'
import { scratchDatabase } from './scratch.js'
import { intArg } from './args.js'

const { values: argv } = parseArgs({
  options: {
    households: { type: 'string', default: '2253' },
    inbound: { type: 'string', default: '50000' },
    outbox: { type: 'string', default: '20000' },
    erase: { type: 'string', default: '20' },
  },
  strict: true,
})
const int = intArg
const HOUSEHOLDS = int('households', argv.households, 100)
const INBOUND = int('inbound', argv.inbound, 0)
const OUTBOX = int('outbox', argv.outbox, 0)
const ERASE = int('erase', argv.erase, 1)
const BASE_RUNS = 3 // baseline runs before the erasures and again after
const BATCH = 1000

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const pctl = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!
const median = (xs: number[]) => pctl(xs, 50)

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const r = await fn()
  return [r, performance.now() - t]
}

interface Resident {
  id: number
  name: string
  puppetId: string
  building: number
  unit: string
  roomId: number
  nickname: string
}

/** Building groups, nicknames, 50,000 logged messages and 20,000 sent ones, in the words people use. */
async function seedTraffic(db: Db, communityId: number): Promise<Resident[]> {
  const rand = seededRandom(50_000)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const t0 = day(0)

  await db.insert(rooms).values({ communityId, kind: 'staff', topic: '居委工作群', puppetId: 'room_staff', account: 'default', createdAt: t0 })
  const bs = await db.select({ id: buildings.id, number: buildings.number }).from(buildings).where(eq(buildings.communityId, communityId))
  const roomOf = new Map<number, number>()
  for (const b of bs) {
    const [r] = await db
      .insert(rooms)
      .values({ communityId, kind: 'building', buildingId: b.id, topic: `幸福里${b.number}号楼`, puppetId: `room_${b.number}`, account: 'default', createdAt: t0 })
      .returning({ id: rooms.id })
    roomOf.set(b.id, r!.id)
  }
  const rows = await db
    .select({ id: people.id, name: people.name, puppetId: people.puppetId, buildingId: households.buildingId, building: buildings.number, unit: households.unit })
    .from(people)
    .innerJoin(households, eq(households.id, people.householdId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
  // group nicknames as people set them: the name, building-door + name, or something of their own
  const OWN = ['快乐每一天', '阳光', '平安是福', '🌸花开富贵', '老顽童', '知足常乐', '静待花开', '岁月静好']
  const residents: Resident[] = rows.map((r) => {
    const u = rand()
    const nickname = u < 0.4 ? r.name : u < 0.8 ? `${r.building}-${r.unit} ${r.name}` : pick(OWN)
    return { id: r.id, name: r.name, puppetId: r.puppetId!, building: r.building, unit: r.unit, roomId: roomOf.get(r.buildingId)!, nickname }
  })
  for (let i = 0; i < residents.length; i += BATCH) {
    await db.insert(roomMembers).values(residents.slice(i, i + BATCH).map((r) => ({ roomId: r.roomId, personId: r.id, nickname: r.nickname, updatedAt: t0 })))
  }

  const PLACES = ['门口', '楼道', '车棚', '电梯', '垃圾房', '绿化带', '东门', '中心花园']
  const PROBLEMS = ['路灯坏了', '很脏没人扫', '太挤了', '经常停', '有异味', '树枝挡路', '积水严重', '台阶太高老人不方便']
  const CHATTER = ['早上好', '今天快递柜又满了', '有人知道物业电话吗？', '谢谢邻居帮忙收快递', '明天停水吗', '楼下的车能挪一下吗', '好的收到', '👍', '周末有活动吗']
  const inboundText = (r: Resident, other: Resident): { text: string; command: string | null } => {
    const u = rand()
    const b = buildingLabel(r.building)
    if (u < 0.15) return { text: '帮助', command: '帮助' }
    if (u < 0.3) return { text: `投票 ${int(1, 24)} ${int(1, 24)} ${int(1, 24)}`, command: '投票' }
    if (u < 0.4) return { text: `建议 ${b}${pick(PLACES)}${pick(PROBLEMS)}`, command: '建议' }
    if (u < 0.45) return { text: `登记 ${b} ${r.unit}`, command: '登记' }
    if (u < 0.5) return { text: `确认 @${other.nickname}`, command: '确认' }
    if (u < 0.6) return { text: `${other.name}说得对，${pick(PLACES)}${pick(PROBLEMS)}`, command: 'dialog:suggestion-intake' }
    if (u < 0.65) return { text: '我的建议', command: '我的建议' }
    return { text: pick(CHATTER), command: null }
  }
  for (let i = 0; i < INBOUND; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, INBOUND - i) }, (_, j) => {
      const r = pick(residents)
      const { text, command } = inboundText(r, pick(residents))
      const at = new Date(day(int(1, 200)).getTime() + int(0, 86_399_999))
      return { messageId: `in_${i + j}`, roomId: rand() < 0.7 ? r.roomId : null, personId: r.id, type: 'text', text, sentAt: at, receivedAt: at, status: 'handled', command }
    })
    await db.insert(inboundMessages).values(batch)
  }

  const LETTER = `【公开信】各位居民：本社区2026年微更新项目开始征集建议。${'请在楼栋群里@共建助手 说「建议」加上您看到的问题，例如「建议 3号楼门口路灯坏了」。居委会将汇总后组织投票，得票高的项目优先实施。'.repeat(4)}`
  const outboxBody = (r: Resident, other: Resident): { body: string; toRoom: boolean } => {
    const u = rand()
    const b = buildingLabel(r.building)
    if (u < 0.25) return { body: `已登记 ${b} ${r.unit}，等楼组长确认。`, toRoom: false }
    if (u < 0.4) return { body: `@${r.nickname} 已确认：${other.name}，${b}。`, toRoom: true }
    if (u < 0.6) return { body: `@${r.nickname} 已记录，编号 J${int(1, 1500)}（照明 · ${b}${pick(PLACES)}）。说「我的建议」可查看进展。`, toRoom: true }
    if (u < 0.75) return { body: `@${r.nickname} 已收到您的投票：P${int(1, 24)}、P${int(1, 24)}、P${int(1, 24)}。`, toRoom: true }
    if (u < 0.85) return { body: `楼组长您好：${other.name}登记了 ${buildingLabel(other.building)} ${other.unit}，请在群里 @我 说「确认 @${other.nickname}」。`, toRoom: false }
    return { body: LETTER, toRoom: true }
  }
  for (let i = 0; i < OUTBOX; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, OUTBOX - i) }, (_, j) => {
      const r = pick(residents)
      const { body, toRoom } = outboxBody(r, pick(residents))
      const at = new Date(day(int(1, 200)).getTime() + int(0, 86_399_999))
      return {
        communityId,
        roomId: toRoom ? r.roomId : null,
        personId: toRoom ? null : r.id,
        puppetTo: toRoom ? `room_${r.building}` : r.puppetId,
        body,
        idempotencyKey: `bench:${i + j}`,
        account: 'default',
        notBefore: at,
        status: 'sent',
        attempts: 1,
        sentAt: at,
        createdAt: at,
      }
    })
    await db.insert(outbox).values(batch)
  }
  await db.execute(sql`analyze`)
  return residents
}

const registry = createRegistry(COMMANDS)

/** What the dialog's transaction hands eraseMyInfo: the person said 确认删除 privately. */
function eraseCtx(tx: Db, p: { person: NonNullable<Awaited<ReturnType<typeof getPerson>>>; resident: Resident; community: typeof communities.$inferSelect; now: Date }): Ctx {
  const msg: InboundMessage = {
    id: `erase_${p.person.id}`,
    sentAt: p.now,
    isSelf: false,
    talker: { puppetId: p.resident.puppetId, name: p.person.name },
    type: 'text',
    text: '确认删除',
    mentionsBot: false,
    mentions: [],
  }
  return {
    db: tx,
    now: p.now,
    config: defaultConfig(),
    msg,
    inboundId: 0,
    person: p.person,
    room: null,
    community: p.community,
    isStaff: false,
    staffOf: [],
    communities: [p.community],
    conversation: null,
    reply: async () => {},
    replyPlain: async () => {},
    loadImage: () => Promise.reject(new Error('no image')),
    startDialog: async () => {},
    endDialog: async () => {},
    afterCommit: () => {},
    tellOperator: () => {},
    runtime: { state: () => ({ startedAt: p.now, loggedIn: true, name: null, since: p.now, qr: null, lastError: null }), jobNames: [] },
    registry,
  }
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('gj_bench_erasure')
  try {
    const { db } = scratch.database
    const [, seedMs] = await timed(async () => {
      await seedPapersCommunity(db, HOUSEHOLDS)
    })
    const [community] = await db.select().from(communities)
    const [residents, trafficMs] = await timed(() => seedTraffic(db, community!.id))

    // what the scrub visits, and the baselines
    const cols = await textColumns(db)
    const tables = [...new Set(cols.map((c) => c.table))]
    const tableRows = async () => {
      const n = new Map<string, number>()
      for (const t of tables) n.set(t, Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from ${sql.identifier(t)}`))[0]!.n))
      return n
    }
    const before = await tableRows()
    const rowVisits = cols.reduce((s, c) => s + before.get(c.table)!, 0)
    const needle = '一个谁也没写过的名字'
    const scanBaseline = async () => {
      for (const c of cols) {
        const v = c.json ? sql`${sql.identifier(c.column)}::text` : sql.identifier(c.column)
        await db.execute(sql`select count(*) from ${sql.identifier(c.table)} where strpos(${v}, ${needle}::text) > 0`)
      }
    }
    const readBaseline = async () => (await db.select().from(outbox)).length + (await db.select().from(inboundMessages)).length
    const scanMs: number[] = []
    const readMs: number[] = []
    const baselines = async () => {
      await scanBaseline() // warm
      for (let i = 0; i < BASE_RUNS; i++) {
        scanMs.push((await timed(scanBaseline))[1])
        readMs.push((await timed(readBaseline))[1])
      }
    }
    await baselines()

    /** every text, varchar, json and jsonb column of every table (not only the scrub's): rows holding any needle */
    const allCols = rowsOf<{ table_name: string; column_name: string }>(
      await db.execute(sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.data_type in ('text', 'character varying', 'json', 'jsonb')`),
    )
    // a namesake's own name and group nickname are theirs: counted apart (they must stay)
    const identity = new Set(['people.name', 'room_members.nickname'])
    const findEverywhere = async (needles: string[], skipIdentity = false): Promise<string[]> => {
      const hits: string[] = []
      for (const c of allCols) {
        if (skipIdentity && identity.has(`${c.table_name}.${c.column_name}`)) continue
        const v = sql`${sql.identifier(c.column_name)}::text`
        const any = sql.join(needles.map((n) => sql`strpos(${v}, ${n}::text) > 0`), sql` or `)
        const [row] = rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from ${sql.identifier(c.table_name)} where ${any}`))
        if (Number(row!.n) > 0) hits.push(`${c.table_name}.${c.column_name} ×${row!.n}`)
      }
      return hits
    }

    // 20 residents of 20 different households, seeded
    const rand = seededRandom(20)
    const chosen: Resident[] = []
    const doors = new Set<string>()
    while (chosen.length < Math.min(ERASE, residents.length)) {
      const r = residents[Math.floor(rand() * residents.length)]!
      const door = `${r.building}/${r.unit}`
      if (doors.has(door)) continue
      doors.add(door)
      chosen.push(r)
    }

    const eraseMs: number[] = []
    const failures: string[] = []
    let hitsBefore = 0
    let namesakes = 0
    let nickRewritten = 0
    const perPerson: string[] = []
    const now = day(210)
    for (const r of chosen) {
      const person = (await getPerson(db, { id: r.id }))!
      const b = buildingLabel(r.building)
      // what eraseMyInfo searches for (its own rule: two characters or more), and the door with its building
      const names = [...new Set([person.name, r.nickname])].filter((n) => [...n.trim()].length >= 2 && n !== ERASED_NAME)
      const needles = [...names, `${b} ${r.unit}`, `${b}${r.unit}`]
      const found = await findEverywhere(needles)
      hitsBefore += found.reduce((s, h) => s + Number(h.split('×')[1]), 0)
      const others = sql.join(names.map((n) => sql`strpos(${people.name}, ${n}::text) > 0`), sql` or `)
      const othersNick = sql.join(names.map((n) => sql`strpos(${roomMembers.nickname}, ${n}::text) > 0`), sql` or `)
      const namesakeCounts = async () => {
        const [ns] = rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from ${people} where ${people.id} <> ${r.id} and (${others})`))
        const [nn] = rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from ${roomMembers} where ${roomMembers.personId} <> ${r.id} and (${othersNick})`))
        return { names: Number(ns!.n), nicks: Number(nn!.n) }
      }
      const kept = await namesakeCounts()

      const [, ms] = await timed(() => db.transaction((tx) => eraseMyInfo(eraseCtx(tx, { person: { ...person }, resident: r, community: community!, now }))))
      eraseMs.push(ms)
      const still = await namesakeCounts()
      namesakes += kept.names - still.names
      nickRewritten += kept.nicks - still.nicks
      perPerson.push(`${names.join('/')} ${kept.names - still.names}/${kept.names}+${kept.nicks - still.nicks}/${kept.nicks}`)
      const left = await findEverywhere(needles, true)
      if (left.length || (await getPerson(db, { id: r.id }))) failures.push(`${person.name} (${r.nickname}, ${b} ${r.unit}): ${left.join(', ') || 'person row still there'}`)
    }
    await baselines()

    const scan = median(scanMs)
    const read = median(readMs)
    const med = median(eraseMs)
    const p95 = pctl(eraseMs, 95)
    const after = await tableRows()
    console.log(`\nGongjian erasure bench (删除我的信息) — Postgres ${new URL(scratch.url).host}`)
    console.log(
      `community: ${HOUSEHOLDS} households, ${before.get('people')} people, ${before.get('room_members')} group memberships, ${before.get('suggestions')} suggestions, ${before.get('ballots')} ballots; ` +
        `${before.get('inbound_messages')} inbound messages with words, ${before.get('outbox')} outbox rows; seeding ${(seedMs / 1000).toFixed(1)} s + ${(trafficMs / 1000).toFixed(1)} s`,
    )
    console.log(`the scrub visits ${cols.length} columns of ${tables.length} tables: ${rowVisits} row visits per erasure (${cols.filter((c) => c.json).length} jsonb columns read row by row where they hit)`)
    console.log(`baseline, read side of the scrub (${cols.length} × count(*) where strpos(column, needle) > 0): median ${scan.toFixed(1)} ms of ${scanMs.length} (${scanMs.map((x) => x.toFixed(0)).join(', ')})`)
    console.log(`baseline, select * of outbox + inbound_messages (${before.get('outbox')! + before.get('inbound_messages')!} rows): median ${read.toFixed(1)} ms`)
    console.log(
      `eraseMyInfo × ${eraseMs.length}: median ${med.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...eraseMs).toFixed(1)} ms ` +
        `→ ${(med / scan).toFixed(2)}× / ${(p95 / scan).toFixed(2)}× the scan baseline (${(med / read).toFixed(2)}× / ${(p95 / read).toFixed(2)}× the full read)`,
    )
    console.log(`  each: ${eraseMs.map((x) => x.toFixed(0)).join(', ')} ms`)
    console.log(
      `check: name, nickname and building+door of each erased person in no text/varchar/json/jsonb column (but namesakes' own name and nickname) of any of ${new Set(allCols.map((c) => c.table_name)).size} tables (${allCols.length} columns): ` +
        `${failures.length ? `FAILED for ${failures.length}\n  ${failures.join('\n  ')}` : `ok for all ${chosen.length}`} (${hitsBefore} rows held them before)`,
    )
    console.log(
      `namesakes: the ${chosen.length} erasures rewrote ${namesakes} other people's names and ${nickRewritten} other group nicknames that contain an erased name or nickname (must be 0) ` +
        `(now ${Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from ${people} where strpos(${people.name}, ${ERASED_NAME}) > 0`))[0]!.n)} people are called ${ERASED_NAME}…)`,
    )
    console.log(`  per erased person (name/nickname: namesakes' names rewritten/held + nicknames rewritten/held): ${perPerson.join(', ')}`)
    console.log(`rows after: people ${after.get('people')}, households ${after.get('households')}, inbound ${after.get('inbound_messages')}, outbox ${after.get('outbox')}`)
  } finally {
    await scratch.drop()
  }
}

await main()
