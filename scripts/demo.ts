/**
 * `npm run demo` — a scripted community on wechaty-puppet-mock, driven against the real app
 * (in-memory PGlite, real clock, no network), printed as the chat transcript both sides see.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GROUPS, playCampaign } from '../test/support/campaignScript.js'
import { BOT_NAME, MockCommunity, type SayOptions } from '../test/support/mockCommunity.js'
import { openDatabase, type Database } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'

/** Terminal columns of a string: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
    w += wide ? 2 : 1
  }
  return w
}

/** `[where] who: text`, further lines indented under the text. */
function line(where: string, who: string, text: string): void {
  const prefix = `[${where}] ${who}: `
  const pad = ' '.repeat(width(prefix))
  const [first = '', ...rest] = text.split('\n')
  console.log(prefix + first)
  for (const l of rest) console.log(pad + l)
}

let step = 0
function section(title: string, note?: string): void {
  step += 1
  console.log(`\n── ${step}. ${title} ──`)
  if (note) console.log(`   （${note}）`)
}

/**
 * The poster files the bot made (公示 / 结项报告), with their sizes; written to GONGJIAN_DEMO_OUT
 * when it names a folder, to be opened or printed.
 */
async function printPosterFiles(database: Database): Promise<void> {
  const rows = await database.query<{ name: string; base64: string }>(
    `select name, base64 from files where media_type in ('application/pdf', 'image/png') and (name like '公示-%' or name like '结项报告-%') order by id`,
    [],
  )
  const out = process.env.GONGJIAN_DEMO_OUT
  if (out) mkdirSync(out, { recursive: true })
  for (const r of rows) {
    const data = Buffer.from(r.base64, 'base64')
    if (out) writeFileSync(join(out, r.name), data)
    console.log(`   📄 ${r.name}  ${(data.length / 1024).toFixed(0)} KB${out ? `  → ${join(out, r.name)}` : ''}`)
  }
  if (!out) console.log('   （设 GONGJIAN_DEMO_OUT=目录 可把这些文件存下来打开看）')
}

const problems: string[] = []
let printed = 0

async function main(): Promise<void> {
  const started = Date.now()
  let database: Database | undefined
  let community: MockCommunity | undefined
  try {
    database = await openDatabase({ url: 'memory://', dataDir: '' })
    await migrateDatabase(database)
    community = new MockCommunity(database)
    for (const [topic, members] of Object.entries(GROUPS)) community.group(topic, members)
    await community.start()
    const c = community

    const chatLabel = (where: string) => (where in GROUPS ? where : `私聊 ${where}`)

    /** Prints what the bot said since the last call. */
    const printBot = () => {
      for (const s of c.transcript.slice(printed)) line(chatLabel(s.where), BOT_NAME, s.text)
      printed = c.transcript.length
    }

    /** One message from `who` (in `room` with an @ of the bot, or private), then the bot's replies. */
    const say = async (
      who: string,
      text: string,
      opts: SayOptions & { expectSilence?: boolean } = {},
    ) => {
      const atBot = opts.room && opts.mention !== false ? `@${BOT_NAME} ` : ''
      const atOthers = (opts.mentions ?? []).map((n) => ` @${n}`).join('')
      const shown = opts.image
        ? '[图片]'
        : opts.type === 'voice'
          ? `[语音 ${Math.round((opts.voiceMs ?? 3000) / 1000)}秒]`
          : opts.type === 'location'
            ? `[位置] ${opts.place?.name ?? ''}`
            : `${atBot}${text}${atOthers}`
      line(opts.room ?? `私聊 ${who}`, who, shown)
      const before = c.transcript.length
      const outcome = await c.say(who, text, opts)
      printBot()
      const replied = c.transcript.length > before
      const expected = opts.expectSilence ? outcome === 'ignored' && !replied : outcome === 'handled' && replied
      if (!expected) {
        const what = replied ? '有回复' : '没有回复'
        const msg = `「${text}」（${who}，${opts.room ?? '私聊'}）：处理结果 ${outcome}，${what}`
        problems.push(msg)
        console.log(`   ⚠ ${msg}`)
      }
    }

    console.log('共建助手 演示：一个模拟的小区（wechaty-puppet-mock），真实的机器人程序，内存数据库 PGlite，不联网。')
    console.log('群和成员：')
    for (const [topic, members] of Object.entries(GROUPS)) console.log(`   ${topic}：${members.join('、')}`)
    console.log(`（居委工作群里的人是居委工作人员。在群里要先 @${BOT_NAME}，私聊不用。）`)
    printBot()

    const posters = database
    await playCampaign(c, {
      say,
      section,
      afterPosters: async () => {
        printBot()
        await printPosterFiles(posters)
      },
    })
    await c.flush()
    printBot()
  } finally {
    await community?.stop().catch((err: unknown) => console.error('停止机器人出错：', err))
    await database?.close().catch((err: unknown) => console.error('关闭数据库出错：', err))
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`\n── 演示结束（用时 ${seconds} 秒）──`)
  if (problems.length) {
    console.log(`⚠ ${problems.length} 处与预期不符：`)
    for (const p of problems) console.log(`   · ${p}`)
    process.exitCode = 1
  }
}

main()
  .catch((err: unknown) => {
    console.error('演示失败：', err)
    process.exitCode = 1
  })
  // nothing should linger after stop() and close(); if a puppet or PGlite handle does, end anyway
  .finally(() => setTimeout(() => process.exit(), 3000).unref())
