/**
 * The arguments of the staff's implementation commands: 资源 (what a partner offers), 派单 (a project
 * given to a partner), 进度 (a progress report), 完成 (work finished: residents rate it). Pure; never throw.
 */
import type { Parsed } from '../address.js'
import { chinesePunctuation, chineseToNumber, normalizeWidth } from '../text.js'
import { parseWhen } from '../when.js'
import { checkDue, DUE_EXAMPLES, endOfDay, formatDay, readPeriod, startOfDay, type PeriodReading } from './due.js'
import { parseMoney } from './money.js'

export const MAX_PARTNER_CHARS = 20

/** A leading P-code (`P3`, `ｐ３`) and what follows it, width-normalised and with spaces collapsed. */
export function leadingProject(args: string): { project: number | null; rest: string } {
  const s = normalizeWidth(String(args ?? '')).replace(/[ \t]+/g, ' ').trim()
  const p = /^[Pp]\s*(\d{1,9})(?!\d)/.exec(s)
  return p ? { project: Number(p[1]), rest: s.slice(p[0].length) } : { project: null, rest: s }
}
export const MAX_WHAT_CHARS = 200
const MAX_PROJECT = 9_999_999

const RESOURCE_EXAMPLE = '例如「资源 绿化所 绿化改造 预算5万」'
const ASSIGN_EXAMPLE = '例如「派单 P3 绿化所 预计12月底」'
const COMPLETE_EXAMPLE = '例如「完成 P3」或「完成 P3 评价截止12月20日」'

const NUMERALS = '零〇一二两三四五六七八九十百千万亿'
const CN_OR_DIGIT = `[\\d${NUMERALS}]`

/** What people type before/after an amount: 约5万, 5万元左右, ¥8000. */
/** digits and numerals, with a decimal point or a thousands comma only between digits */
const NUM_BODY = `${CN_OR_DIGIT}(?:${CN_OR_DIGIT}|[.点](?=${CN_OR_DIGIT})|,(?=\\d{3}))*`
const AMOUNT = `(?:约|大约|大概|共|合计|总计)?\\s*¥?\\s*${NUM_BODY}\\s*(?:[kKwW](?![A-Za-z]))?\\s*(?:元整?|块钱?|圆)?(?:多|余|左右)?`
const UNDECIDED = '待定|未定|面议|另议|不定|再定|暂定|未知|不详'

const chars = (s: string): number => [...s].length
const short = (s: string, n = 12): string => {
  const c = [...s]
  return c.length > n ? `${c.slice(0, n).join('')}…` : s
}

/** Whitespace collapsed, separators at either end dropped, Chinese punctuation back for display. */
function tidy(s: string): string {
  return chinesePunctuation(
    s
      .replace(/[ \t]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .replace(/^[\s,;:.!?。、-]+|[\s,;:]+$/g, ''),
  )
}

const cut = (s: string, index: number, length: number): string => `${s.slice(0, index)} ${s.slice(index + length)}`

type MoneyFound = { kind: 'none' } | { kind: 'ok'; value: number | null; rest: string } | { kind: 'bad'; reply: string }

/**
 * An amount after one of `keywords` (预算5万, 经费: 3千, 资金 2万, 预算待定 → null), or else a bare one
 * that is plainly money (5万元, ¥8000, 8000块, a lone 5万). `strong` keywords followed by anything
 * unreadable are a mistake to point out; other keywords may just be words (资金支持).
 */
function findMoney(s: string, keywords: string[], strong: string[], example: string): MoneyFound {
  const kw = new RegExp(`(${keywords.join('|')})\\s*(?:为|是|:)?\\s*`, 'g')
  for (let m = kw.exec(s); m; m = kw.exec(s)) {
    const after = s.slice(m.index + m[0].length)
    const amount = new RegExp(`^${AMOUNT}`).exec(after)
    // 预算一般 is not 1 yuan: a lone numeral glued to a word is a word
    const word = amount && !/[\d万千百亿元块圆]/.test(amount[0]) && /^\p{Script=Han}/u.test(after.slice(amount[0].length))
    if (amount && !word) {
      const v = parseMoney(amount[0].replace(/(?:多|余|左右)$/, ''))
      if (v === undefined) return { kind: 'bad', reply: `${m[1]}「${short(amount[0].trim())}」没看懂，请写成「${m[1]}5万」或「${m[1]}8000元」。` }
      return { kind: 'ok', value: v, rest: cut(s, m.index, m[0].length + amount[0].length) }
    }
    const undecided = new RegExp(`^(?:${UNDECIDED})`).exec(after)
    if (undecided) return { kind: 'ok', value: null, rest: cut(s, m.index, m[0].length + undecided[0].length) }
    if (strong.includes(m[1]!)) {
      const shown = /^[^\s,;]*/.exec(after)![0]
      return {
        kind: 'bad',
        reply: shown ? `${m[1]}「${short(shown)}」没看懂，请写金额，${example}。` : `请写${m[1]}金额，${example}。`,
      }
    }
  }
  const bare = new RegExp(
    `(?<![A-Za-z\\d.${NUMERALS}])(?:¥\\s*${NUM_BODY}\\s*(?:[kKwW](?![A-Za-z]))?\\s*(?:元|块钱?|圆)?|${NUM_BODY}\\s*(?:元|块钱|圆)|\\d+(?:\\.\\d+)?\\s*块|\\d+(?:\\.\\d+)?\\s*[万千](?=$|[\\s,;]))`,
  )
  const b = bare.exec(s)
  if (b) {
    const v = parseMoney(b[0])
    if (v === undefined) return { kind: 'bad', reply: `金额「${short(b[0].trim())}」没看懂，请写成「5万元」或「8000元」。` }
    return { kind: 'ok', value: v, rest: cut(s, b.index, b[0].length) }
  }
  return { kind: 'none' }
}

// --- 资源 ----------------------------------------------------------------------------------------

const RESOURCE_MONEY = ['预算', '经费', '资金', '费用', '造价', '金额', '出资', '投入', '投资', '拨款']
const RESOURCE_STRONG = ['预算', '经费', '费用', '造价']

/**
 * `绿化所 绿化改造 预算5万` → { partner '绿化所', what '绿化改造', budget 50000 }. The partner is the first
 * word (up to a space or comma); the budget (预算5万, 5万元, 经费3千, 资金 2万) may be anywhere after it.
 */
export function parseResource(args: string): Parsed<{ partner: string; what: string; budget: number | null }> {
  const s = normalizeWidth(String(args ?? '')).replace(/[ \t]+/g, ' ').trim()
  const head = /^[^\s,;]+/.exec(s)
  if (!head) return { ok: false, reply: `请写单位名称和能提供什么，${RESOURCE_EXAMPLE}。` }
  const partner = head[0].replace(/[:.。]+$/, '')
  const looksLikeMoney = findMoney(partner, RESOURCE_MONEY, RESOURCE_STRONG, RESOURCE_EXAMPLE).kind === 'ok' || RESOURCE_STRONG.includes(partner)
  if (!partner || looksLikeMoney) {
    if (looksLikeMoney && chars(partner) > 4 && !new RegExp(`^(?:${RESOURCE_MONEY.join('|')}|¥|\\d)`).test(partner)) {
      return { ok: false, reply: `请用空格把单位名称、内容和预算分开，${RESOURCE_EXAMPLE}。` }
    }
    return { ok: false, reply: `请先写单位名称，${RESOURCE_EXAMPLE}。` }
  }
  if (chars(partner) > MAX_PARTNER_CHARS) {
    return { ok: false, reply: `单位名称「${short(partner)}」太长了（${MAX_PARTNER_CHARS}字以内），请用空格把单位和内容分开，${RESOURCE_EXAMPLE}。` }
  }
  let rest = s.slice(head[0].length)
  let budget: number | null = null
  const money = findMoney(rest, RESOURCE_MONEY, RESOURCE_STRONG, RESOURCE_EXAMPLE)
  if (money.kind === 'bad') return { ok: false, reply: money.reply }
  if (money.kind === 'ok') {
    budget = money.value
    rest = money.rest
  }
  const what = tidy(rest)
  if (!what) return { ok: false, reply: `请写能提供什么，${RESOURCE_EXAMPLE}。` }
  if (chars(what) > MAX_WHAT_CHARS) return { ok: false, reply: `内容太长了（${MAX_WHAT_CHARS}字以内），请写简短些，${RESOURCE_EXAMPLE}。` }
  return { ok: true, value: { partner, what, budget } }
}

// --- project codes -------------------------------------------------------------------------------

/** P3 anywhere (not inside a word), or a bare leading number (3, 3号, 三号项目). */
function takeProject(s: string, bareLeading: boolean): { project: number | null; rest: string } {
  const p = /(?<![A-Za-z])[Pp]\s*(\d{1,9})(?!\d)/.exec(s)
  if (p) return { project: Number(p[1]), rest: cut(s, p.index, p[0].length) }
  if (bareLeading) {
    const b = new RegExp(`^(?:第\\s*)?(\\d{1,9}|[${NUMERALS}]+)\\s*(?:号项目|号|项)?(?=$|[\\s,;]|:(?!\\d))`).exec(s)
    if (b) {
      const n = /^\d+$/.test(b[1]!) ? Number(b[1]) : chineseToNumber(b[1]!)
      if (n !== undefined) return { project: n, rest: s.slice(b[0].length) }
    }
  }
  return { project: null, rest: s }
}

function projectReply(project: number | null, example: string): string | undefined {
  if (project === null) return `请写项目编号，${example}。`
  if (project < 1 || project > MAX_PROJECT) return `没有 P${project} 这个项目编号，${example}。`
  return undefined
}

// --- 派单 ----------------------------------------------------------------------------------------

const COST_MONEY = ['费用', '预算', '造价', '报价', '经费', '金额', '价格', '花费', '工程款', '投资', '资金']
const COST_STRONG = ['费用', '预算', '造价', '报价', '经费', '金额', '价格', '工程款']

const DATE_TEXT = [
  `(?:(?:\\d{2,4}|[零〇一二三四五六七八九]{2,4})年|今年|明年)?${CN_OR_DIGIT}{1,3}月份?(?:${CN_OR_DIGIT}{1,3}[日号]?|底|末|中旬|中|初|上旬|下旬)?`,
  `(?:\\d{4}[-/.])?\\d{1,2}[-/.]\\d{1,2}(?![\\d.])`,
  `(?:本|这个?|下个?)月(?:${CN_OR_DIGIT}{1,3}[日号]|底|末|中旬|中|初|上旬|下旬)?`,
  `${CN_OR_DIGIT}{1,3}[日号]`,
  `今天|明天|后天|大后天`,
  `(?:本|这|下)?个?(?:周|星期|礼拜)[一二三四五六日天1-7]`,
].join('|')
const START_WORDS = '开工|动工|进场|开始施工|施工开始|开始'
const START_RES = [
  new RegExp(`(?:${START_WORDS})(?:时间|日期)?\\s*(?:为|是|:)?\\s*(?:于|在|从|定在)?\\s*(${DATE_TEXT})`, 'g'),
  new RegExp(`(?:从|自)\\s*(${DATE_TEXT})\\s*(?:起|${START_WORDS})?`, 'g'),
  new RegExp(`(${DATE_TEXT})\\s*(?:起|${START_WORDS})`, 'g'),
]
/** 12月1日-12月31日, 12月1日到12月底: a start and a due at once */
const RANGE_RE = new RegExp(`(?:(?:工期|${START_WORDS})(?:时间|日期)?\\s*:?\\s*)?(?:从|自)?\\s*(${DATE_TEXT})\\s*(?:起|开始|${START_WORDS})?\\s*(?:-|~|—|到|至)\\s*(${DATE_TEXT})`)
const START_UNDECIDED = new RegExp(`(?:${START_WORDS})(?:时间|日期)?\\s*(?:${UNDECIDED})`)

/** Words that carry nothing: 由 绿化所 负责. */
const FILLER = /^(?:由|交给|交由|给|负责|承接|施工|来做|做|派给|派|到|至|和|并|:|-|—)$/

/** Where a due phrase may start when glued to the partner (绿化所预计12月底). */
const DUE_LEAD = /(预计|预期|计划|争取|力争|截止|截至|工期|最迟|最晚)/g
/** A glued suffix is only split off when it plainly is a time (阳光三月 stays a name). */
const DUE_MARK = /[底末中初旬日号天周]|个月|星期|礼拜|[内前]$/

const MAX_SPAN = 4

/**
 * `P3 绿化所 预计12月底` → project 3, partner 绿化所, due the end of December. Also a bare leading
 * number (`3 绿化所 …`), a start (`开工12月1日`, `12月1日开工`, `从12月1日`: 00:00 of that day) and a cost
 * (`费用2万`, `预算2万`, `造价2万`, `2万元`).
 */
export function parseAssignment(
  args: string,
  now: Date,
  timeZone: string,
): Parsed<{ project: number; partner: string; startsAt: Date | null; dueAt: Date; cost: number | null }> {
  let s = normalizeWidth(String(args ?? '')).replace(/\s+/g, ' ').trim()
  if (!s) return { ok: false, reply: `请写项目编号、施工单位和预计完成时间，${ASSIGN_EXAMPLE}。` }
  const code = takeProject(s, true)
  const bad = projectReply(code.project, ASSIGN_EXAMPLE)
  if (bad !== undefined) return { ok: false, reply: bad }
  const project = code.project!
  s = code.rest

  let cost: number | null = null
  const money = findMoney(s, COST_MONEY, COST_STRONG, '例如「费用2万」')
  if (money.kind === 'bad') return { ok: false, reply: money.reply }
  if (money.kind === 'ok') {
    cost = money.value
    s = money.rest
  }

  let startsAt: Date | null = null
  const undecided = START_UNDECIDED.exec(s)
  if (undecided) s = cut(s, undecided.index, undecided[0].length)
  const startReply = (r: { reply: string }) => ({ ok: false as const, reply: r.reply.replace(DUE_EXAMPLES, '例如「开工12月1日」') })
  const range = RANGE_RE.exec(s)
  const rangeStart = range ? readPeriod(range[1]!, now, timeZone) : undefined
  if (range && rangeStart?.kind === 'ok' && readPeriod(range[2]!, now, timeZone).kind !== 'none') {
    startsAt = startOfDay(rangeStart.period.first, timeZone)
    s = `${s.slice(0, range.index)} ${range[2]} ${s.slice(range.index + range[0].length)}`
  } else {
    // 12月1日开工 12月底完成: a start word glued to its date wins over one separated by a space
    let best: { m: RegExpExecArray; glued: boolean } | undefined
    for (const re of START_RES) {
      re.lastIndex = 0
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const glued = !/\s/.test(m[0].trim())
        if (!best || (glued && !best.glued)) best = { m, glued }
        if (m[0].length === 0) re.lastIndex++
      }
    }
    if (best) {
      const r = readPeriod(best.m[1]!, now, timeZone)
      if (r.kind === 'bad') return startReply(r)
      if (r.kind === 'ok') {
        startsAt = startOfDay(r.period.first, timeZone)
        s = cut(s, best.m.index, best.m[0].length)
      }
    }
  }

  const tokens = s
    .replace(DUE_LEAD, ' $1')
    .split(/[\s,;]+/)
    .filter((t) => t && !FILLER.test(t))
  let due: { at: Date; from: number; to: number } | undefined
  let reading: PeriodReading | undefined
  outer: for (let len = Math.min(MAX_SPAN, tokens.length); len >= 1; len--) {
    for (let i = 0; i + len <= tokens.length; i++) {
      const r = readPeriod(tokens.slice(i, i + len).join(''), now, timeZone)
      if (r.kind === 'none') continue
      reading = r
      if (r.kind === 'ok') due = { at: endOfDay(r.period.last, timeZone), from: i, to: i + len }
      break outer
    }
  }
  if (!reading) {
    // glued: 绿化所12月底
    for (let i = 0; i < tokens.length && !reading; i++) {
      const t = [...tokens[i]!]
      for (let k = Math.max(1, t.length - 16); k < t.length; k++) {
        const suffix = t.slice(k).join('')
        if (!DUE_MARK.test(suffix)) continue
        const r = readPeriod(suffix, now, timeZone)
        if (r.kind === 'none') continue
        reading = r
        tokens[i] = t.slice(0, k).join('')
        tokens.splice(i + 1, 0, suffix)
        if (r.kind === 'ok') due = { at: endOfDay(r.period.last, timeZone), from: i + 1, to: i + 2 }
        break
      }
    }
  }
  if (reading?.kind === 'bad') return { ok: false, reply: reading.reply }
  const others = due ? [...tokens.slice(0, due.from), ...tokens.slice(due.to)] : tokens
  const partner = others[0]?.replace(/^(?:由|交给|交由|派给)(?=.)/, '')
  if (!partner) return { ok: false, reply: `请写施工单位，${ASSIGN_EXAMPLE}。` }
  if (chars(partner) > MAX_PARTNER_CHARS) return { ok: false, reply: `单位名称「${short(partner)}」太长了（${MAX_PARTNER_CHARS}字以内），${ASSIGN_EXAMPLE}。` }
  if (!due) {
    const unread = others.slice(1).join(' ')
    return { ok: false, reply: unread ? `没看懂「${short(unread)}」，请写预计完成时间，${ASSIGN_EXAMPLE}。` : `请写预计完成时间，${ASSIGN_EXAMPLE}。` }
  }
  if (others.length > 1) {
    return { ok: false, reply: `没看懂「${short(others.slice(1).join(' '))}」，${ASSIGN_EXAMPLE}，可加「开工12月1日」「费用2万」。` }
  }
  const checked = checkDue(due.at, now, timeZone)
  if (!checked.ok) return checked
  if (startsAt && startsAt.getTime() >= due.at.getTime()) {
    return {
      ok: false,
      reply: `开工（${formatDay(startsAt, timeZone, now)}）晚于预计完成（${formatDay(due.at, timeZone, now)}），请检查日期，${ASSIGN_EXAMPLE}。`,
    }
  }
  return { ok: true, value: { project, partner, startsAt, dueAt: due.at, cost } }
}

// --- 进度 ----------------------------------------------------------------------------------------

const PCT_NUM = `(\\d{1,6}(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+)`
const PCT_LEAD = '(?:(?:进度|已完成|完成了|完成|已经|已|达到|到了)\\s*:?\\s*)*'
const PCT_FORMS = [
  new RegExp(`${PCT_LEAD}(?<![\\d.零〇一二两三四五六七八九十百])${PCT_NUM}\\s*%`),
  new RegExp(`${PCT_LEAD}百分之\\s*${PCT_NUM}`),
  new RegExp(`${PCT_LEAD}(?<![\\d.])(10|\\d|[一二两三四五六七八九十])\\s*成(半)?`),
]
/** a bare number right after the code (P3 60 …, P3 进度60 …) */
const PCT_BARE = new RegExp(`^\\s*${PCT_LEAD}(\\d{1,6}(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+)(?=$|[\\s,;:。!?]|\\.(?!\\d))`)

function numberOf(s: string): number | undefined {
  if (/^\d/.test(s)) return Number(s)
  if (s === '百') return 100
  return chineseToNumber(s)
}

/**
 * `P3 60% 管线已铺设` → { project 3, percent 60, note '管线已铺设' }; also 60％, 百分之六十, 六成, 完成60%,
 * 进度60, a bare number right after the code. Percent is as written (rounded to a whole number; over 100 is
 * the caller's to refuse), null if none. Only a leading P-code counts: J12 … leaves project null.
 */
export function parseProgress(args: string): { project: number | null; percent: number | null; note: string } {
  const { project, rest: afterCode } = leadingProject(args)
  let rest = afterCode
  let percent: number | null = null
  let found: { index: number; length: number; value: number } | undefined
  const bare = PCT_BARE.exec(rest)
  const bareValue = bare ? numberOf(bare[1]!) : undefined
  if (bare && bareValue !== undefined) found = { index: 0, length: bare[0].length, value: bareValue }
  else {
    for (const [i, re] of PCT_FORMS.entries()) {
      const m = re.exec(rest)
      if (!m || (found && found.index <= m.index)) continue
      const n = numberOf(m[1]!)
      if (n === undefined) continue
      const value = i === 2 ? n * 10 + (m[2] ? 5 : 0) : n
      found = { index: m.index, length: m[0].length, value }
    }
  }
  if (found) {
    percent = Math.round(found.value)
    rest = cut(rest, found.index, found.length)
  }
  return { project, percent, note: tidy(rest) }
}

// --- 完成 ----------------------------------------------------------------------------------------

const CLOSE_LEAD = /^(?:(?:评价|评分|验收|打分)?(?:截止|截至|结束)(?:时间|日期)?(?:到|为|是|于|在)?|评价到|评价至|到|至|:)\s*/

/**
 * `P3` → { project 3, closesAt null }; `P3 评价截止12月20日`, `P3 截止 12月20日20:00` → closesAt as parseWhen
 * reads it (a date alone is 9:00 that day).
 */
export function parseCompletion(args: string, now: Date, timeZone: string): Parsed<{ project: number; closesAt: Date | null }> {
  const s = normalizeWidth(String(args ?? '')).replace(/\s+/g, ' ').trim()
  const code = takeProject(s, true)
  const bad = projectReply(code.project, COMPLETE_EXAMPLE)
  if (bad !== undefined) return { ok: false, reply: bad }
  const project = code.project!
  let rest = code.rest.replace(/^[\s,;:]+|[\s,;:。.!]+$/g, '')
  for (let prev = ''; prev !== rest; ) {
    prev = rest
    rest = rest.replace(CLOSE_LEAD, '')
  }
  if (!rest) return { ok: true, value: { project, closesAt: null } }
  const when = parseWhen(rest, now, timeZone)
  if (!when.ok) {
    const past = when.reply.includes('已经过去')
    return {
      ok: false,
      reply: past
        ? `评价截止时间已经过去了，请写以后的时间，${COMPLETE_EXAMPLE}。`
        : `没看懂评价截止时间「${short(rest)}」，${COMPLETE_EXAMPLE}。`,
    }
  }
  if (when.value.immediate) return { ok: false, reply: `评价截止时间要写以后的时间，${COMPLETE_EXAMPLE}。` }
  return { ok: true, value: { project, closesAt: when.value.at } }
}
