import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversations, inboundMessages, people } from '../../src/db/schema.js'
import { READ_ONLY } from '../../src/kit/understand/lexicon.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import type { MockType, QuoteFormat, SayOptions } from '../support/mockCommunity.js'
import { World } from '../support/world.js'

/**
 * The labelled corpus (test/fixtures/understanding/): messages as residents write and send them,
 * through the real bot, in a community with an open vote (T3: P2–P4, 3 dots), a closed one (T1)
 * and a finished project awaiting ratings (P1, T2). What the bot did is read from the inbound log's
 * command: a command's name when it ran, `guess:<name>` when it asked first, `type:<t>` for a line
 * about a message type, `chat` for small talk, `quote:ended`, `guess:no`; none for a hint.
 *
 * Scoring (fixed before the corpus was run):
 * - `X` (a command): it ran, or the bot asked「您是想「X」吗」— either way it understood X;
 * - `?X`: the bot asked (running a change without asking fails, however right the guess);
 * - `hint`: the friendly hint, nothing run; `ignored`: no answer, nothing logged as a command;
 * - `reply`: a piece of what the bot said (checked when the command ran);
 * - `then`: the next message (the answer to a question) must be understood as well.
 * Separately, every case is checked for safety: a command that changes something never runs
 * where the label said the message must be asked about or is not a command.
 */

interface Case {
  id: string
  cat: string
  say?: string
  where?: 'group' | 'private'
  mention?: boolean
  who?: 'resident' | 'staff' | 'head'
  type?: MockType | 'image'
  place?: SayOptions['place']
  voiceMs?: number
  quote?: { of: string; format?: QuoteFormat }
  before?: string[]
  expect: string | string[]
  reply?: string
  then?: { say: string; mention?: boolean; expect: string | string[]; reply?: string }
}

const load = (file: string): Case[] => JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/understanding', file), 'utf8')).cases

const STAFF = '居委工作群'
const G3 = '幸福里3号楼'
const G5 = '幸福里5号楼'
const HEAD = '张阿姨'
const RESIDENTS = ['李大爷', '刘奶奶', '赵阿姨', '孙大爷', '周阿姨', '吴叔叔', '郑奶奶', '钱大爷', '冯阿姨', '陈奶奶', '褚大爷', '卫阿姨']
const BOT = '共建助手'

describe('understanding residents as they write and send (the labelled corpus)', () => {
  let world: World
  const clock = new FakeClock('2026-12-01T09:00:00+08:00')
  let turn = 0

  beforeAll(async () => {
    world = new World(await testDatabase(), clock)
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', HEAD, ...RESIDENTS])
    world.group(G5, ['王主任', '陈先生', '王阿姨'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '绑定 5号楼', { room: G5 })
    await world.say('王主任', '楼组长', { room: G3, mentions: [HEAD] })
    await world.say(HEAD, '登记 3号楼 101', { room: G3 })
    for (const [i, name] of RESIDENTS.entries()) await world.say(name, `登记 3号楼 ${i + 2}01`, { room: G3 })
    await world.say('陈先生', '登记 5号楼 101', { room: G5 })
    await world.say('王阿姨', '登记 5号楼 201', { room: G5 })
    await world.say('王主任', '确认', { room: G3, mentions: [HEAD, ...RESIDENTS] })
    await world.say('王主任', '确认', { room: G5, mentions: ['陈先生', '王阿姨'] })
    const suggest = async (who: string, room: string, text: string) => {
      await world.say(who, `建议 ${text}`, { room })
      await world.say(who, '跳过', { room, mention: false })
      await world.say(who, '提交', { room, mention: false })
      if (world.lastSaid(room).includes('是同一件事吗')) await world.say(who, '不是', { room, mention: false })
    }
    await suggest(HEAD, G3, '3号楼门口路灯坏了，晚上很黑') // J1
    await suggest('陈先生', G5, '5号楼车棚太挤了') // J2
    await suggest('李大爷', G3, '3号楼楼道墙皮脱落') // J3
    await suggest('王阿姨', G5, '小区健身器材坏了') // J4
    await suggest('刘奶奶', G3, '3号楼垃圾桶太少') // J5
    for (const [j, name] of [[1, '路灯维修'], [2, '车棚扩建'], [3, '楼道粉刷'], [4, '健身器材更新'], [5, '垃圾桶增设']] as const) {
      await world.say('王主任', `合并 J${j} 为 ${name}`, { room: STAFF })
    }
    await world.say('王主任', '开启投票 P1 P5 每户1票 截止 明天20:00', { room: STAFF }) // T1
    await world.say(HEAD, '投票 1')
    clock.set('2026-12-02T20:30:00+08:00')
    await world.flush()
    await world.say('王主任', '资源 绿化所 路灯改造 预算5万', { room: STAFF })
    await world.say('王主任', '派单 P1 绿化所 预计12月底', { room: STAFF })
    await world.say('王主任', '完成 P1', { room: STAFF }) // T2: acceptance of P1
    await world.say('王主任', '开启投票 P2 P3 P4 每户3票 截止 12月20日20:00', { room: STAFF }) // T3
    expect(world.said(G3).some((t) => t.includes('【居民投票 T3】'))).toBe(true)
    expect(world.said(G3).some((t) => t.includes('【完工请验收】P1'))).toBe(true)
  }, 600_000)
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  const said = (where: string) => world.transcript.filter((s) => s.where === where).length

  function quoted(of: string, where: string): { name: string; text: string } {
    if (of.startsWith('resident:')) {
      const [, name, text] = of.split(':')
      return { name: name!, text: text! }
    }
    const find = (head: string) => world.said(G3).find((t) => t.includes(head)) ?? ''
    const text = of === 'round-open' ? find('【居民投票 T3】') : of === 'round-closed' ? find('【居民投票 T1】') : of === 'acceptance' ? find('【完工请验收】P1') : world.lastSaid(where)
    return { name: BOT, text }
  }

  /** one message; what the inbound log says the bot did, and what it answered */
  async function send(c: { say?: string; type?: Case['type']; quote?: Case['quote']; mention?: boolean; place?: Case['place']; voiceMs?: number }, who: string, room: string | undefined) {
    const where = room ?? who
    const id = `corpus-${++turn}`
    const before = said(where)
    const q = c.quote ? quoted(c.quote.of, where) : undefined
    await world.say(who, c.say ?? '', {
      id,
      ...(room ? { room, mention: c.mention ?? true } : {}),
      ...(c.type === 'image' ? { image: true } : c.type ? { type: c.type } : {}),
      ...(c.place ? { place: c.place } : {}),
      ...(c.voiceMs ? { voiceMs: c.voiceMs } : {}),
      ...(q ? { quote: { name: q.name, text: q.text, format: c.quote!.format ?? 'wechat4u' } } : {}),
    })
    const [row] = await world.app.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, id))
    const replies = world.transcript.filter((s) => s.where === where).slice(before).map((s) => s.text)
    return { label: row?.command ?? null, status: row?.status, replies }
  }

  /** understood as labelled? and safe (no change run where it should have asked or not acted)? */
  function judge(expected: string | string[], got: { label: string | null; status?: string; replies: string[] }, reply?: string) {
    const wants = Array.isArray(expected) ? expected : [expected]
    const last = got.replies.join('\n')
    // a piece of the reply, when given, must be there (and not inside a "没看懂" hint)
    const says = !reply || (last.includes(reply) && !last.includes('没看懂'))
    const ok = wants.some((w) => {
      if (w === 'hint') return got.label === null && got.replies.length > 0 && last.includes('帮助')
      if (w === 'ignored') return got.status === 'ignored' && got.replies.length === 0
      if (w.startsWith('?')) return got.label === `guess:${w.slice(1)}`
      if (/^(type|quote|guess):|^chat$/.test(w)) return got.label === w && got.replies.length > 0 && says
      if (got.label === `guess:${w}`) return true
      return got.label === w && says
    })
    const ran = got.label && !/[:]/.test(got.label) && got.label !== 'chat' ? got.label : null
    const changes = ran !== null && !READ_ONLY[ran]
    const mayRun = wants.some((w) => w === ran)
    return { ok, unsafe: changes && !mayRun, silent: got.replies.length === 0 && !wants.includes('ignored') }
  }

  async function run(cases: Case[]) {
    const results: { c: Case; ok: boolean; unsafe: boolean; silent: boolean; got: string }[] = []
    for (const [i, c] of cases.entries()) {
      const who = c.who === 'staff' ? '王主任' : c.who === 'head' ? HEAD : RESIDENTS[i % RESIDENTS.length]!
      const room = c.where === 'private' ? undefined : c.who === 'staff' ? STAFF : G3
      for (const b of c.before ?? []) await world.say(who, b, room ? { room } : {})
      const got = await send(c, who, room)
      let verdict = judge(c.expect, got, c.reply)
      let shown = `${got.label ?? '-'} ${got.replies.join(' / ').replace(/\n/g, '⏎').slice(0, 70)}`
      if (c.then && verdict.ok) {
        const next = await send({ say: c.then.say, mention: c.then.mention }, who, room)
        const v = judge(c.then.expect, next, c.then.reply)
        verdict = { ok: v.ok, unsafe: verdict.unsafe || v.unsafe, silent: verdict.silent || v.silent }
        shown += ` → ${next.label ?? '-'} ${next.replies.join(' / ').replace(/\n/g, '⏎').slice(0, 40)}`
      }
      results.push({ c, ...verdict, got: shown })
      // every case starts afresh: no dialog or question left open
      const [person] = await world.app.db.select({ id: people.id }).from(people).where(eq(people.name, who))
      if (person) await world.app.db.delete(conversations).where(eq(conversations.personId, person.id))
    }
    return results
  }

  function report(name: string, results: Awaited<ReturnType<typeof run>>) {
    const cats = [...new Set(results.map((r) => r.c.cat))]
    const share = (rs: typeof results) => rs.filter((r) => r.ok).length / rs.length
    const lines = cats.map((cat) => {
      const rs = results.filter((r) => r.c.cat === cat)
      return `  ${cat.padEnd(12)} ${(share(rs) * 100).toFixed(0).padStart(3)}%  (${rs.filter((r) => r.ok).length}/${rs.length})`
    })
    // CORPUS_VERBOSE=1 lists every case with what the bot did
    const missed = results.filter((r) => process.env.CORPUS_VERBOSE || !r.ok || r.unsafe || r.silent).map((r) => `  ${r.ok ? '✓' : '✗'} ${r.c.id} ${JSON.stringify(r.c.say ?? r.c.type)} → ${r.got}${r.unsafe ? ' [UNSAFE]' : ''}${r.silent ? ' [SILENT]' : ''}`)
    console.log(`${name}: ${(share(results) * 100).toFixed(1)}% understood (${results.filter((r) => r.ok).length}/${results.length})\n${lines.join('\n')}${missed.length ? `\n${missed.join('\n')}` : ''}`)
    return { overall: share(results), byCat: Object.fromEntries(cats.map((cat) => [cat, share(results.filter((r) => r.c.cat === cat))])) }
  }

  it('understands the tuned corpus: ≥ 95% overall, ≥ 90% in every category; never unsafe, never silent', async () => {
    const results = await run(load('tuned.json'))
    const { overall, byCat } = report('tuned', results)
    expect(results.filter((r) => r.unsafe).map((r) => r.c.id)).toEqual([])
    expect(results.filter((r) => r.silent).map((r) => r.c.id)).toEqual([])
    expect(overall).toBeGreaterThanOrEqual(0.95)
    for (const [cat, s] of Object.entries(byCat)) expect(s, cat).toBeGreaterThanOrEqual(0.9)
  }, 900_000)

  it('reports the held-out corpus (never tuned on); never unsafe, never silent', async () => {
    const results = await run(load('held-out.json'))
    const { overall } = report('held-out', results)
    expect(results.filter((r) => r.unsafe).map((r) => r.c.id)).toEqual([])
    expect(results.filter((r) => r.silent).map((r) => r.c.id)).toEqual([])
    // the same bar as the tuned part, overall; the categories are small here (5–12 messages)
    expect(overall).toBeGreaterThanOrEqual(0.9)
  }, 900_000)
})
