/** Residents' acceptance ratings (评价 P3 5 很满意), read as forgivingly as we can. */
import type { Parsed } from '../address.js'
import { chinesePunctuation, chineseToNumber } from '../text.js'
import { leadingProject } from './commands.js'

export const MAX_COMMENT_CHARS = 200
const RANGE_REPLY = '请打 1 到 5 分，5 分最满意，例如「评价 P3 5 很满意」。'
const UNREAD_REPLY = '没看懂您的评分。请打 1 到 5 分，5 分最满意，例如「评价 P3 5 很满意」。'

/** Longest first: at one position the longer phrase wins (很不满意 over 不满意 over 满意). */
const WORDS: [string, number][] = (
  [
    ['非常不满意', 1], ['很不满意', 1], ['特别不满意', 1], ['极不满意', 1], ['太差', 1], ['很差', 1], ['非常差', 1], ['特别差', 1], ['极差', 1], ['太烂', 1], ['糟糕', 1],
    ['不是很满意', 2], ['不是太满意', 2], ['不怎么满意', 2], ['不太满意', 2], ['不大满意', 2], ['不满意', 2], ['不太好', 2], ['不好', 2], ['较差', 2], ['比较差', 2], ['有点差', 2],
    ['一般般', 3], ['一般', 3], ['还行', 3], ['还可以', 3], ['凑合', 3], ['马马虎虎', 3], ['过得去', 3], ['不是特别满意', 3], ['基本满意', 3],
    ['满意', 4], ['比较满意', 4], ['挺满意', 4], ['还算满意', 4], ['还满意', 4], ['挺好', 4], ['不错', 4], ['还不错', 4], ['比较好', 4], ['较好', 4],
    ['非常满意', 5], ['很满意', 5], ['特别满意', 5], ['十分满意', 5], ['超满意', 5], ['太满意', 5], ['相当满意', 5], ['非常好', 5], ['特别好', 5], ['很好', 5], ['太好了', 5], ['好极了', 5], ['很棒', 5], ['太棒', 5], ['满分', 5],
  ] as [string, number][]
).sort((a, b) => b[0].length - a[0].length)
const WORD_RE = new RegExp(WORDS.map(([w]) => w).join('|'))
const WORD_SCORE = new Map(WORDS)

const CN = '零〇一二两三四五六七八九十'
const NUM = `(\\d+(?:\\.\\d+)?|[${CN}]+)`
/** what may not follow a number that is a score: 3号楼, 2个, 5天, 10点 … */
const NOT_AFTER_SCORE = '(?![\\d.号楼栋幢座单元层个天周月年点时米%％百千万元块次条盏处])'
const LEAD_SCORE = new RegExp(`^(?:(?:打|给|评|评分|得分|分数|我打|我给|我评)\\s*:?\\s*)?${NUM}(?:\\s*(分(?!钟)|颗星|颗|星))?${NOT_AFTER_SCORE}`)
const UNIT_SCORE = new RegExp(`(?<![\\d.${CN}])${NUM}\\s*(分(?!钟)|颗星|星)`, 'g')
const TRAILING_SCORE = /(?:^|\s)(\d)\s*$/
const STARS = /(?:[★☆⭐]\uFE0F?\s*)+/u

function valueOf(n: string): number | undefined {
  return /^\d/.test(n) ? Number(n) : chineseToNumber(n)
}

/** 十分满意 is "very satisfied", not 10 points. */
const isVery = (num: string, unit: string | undefined, after: string): boolean => num === '十' && unit === '分' && /^\p{Script=Han}/u.test(after)

function comment(s: string): string {
  const t = chinesePunctuation(s.replace(/[ \t]+/g, ' ').replace(/^[\s,;:.!?。、-]+|\s+$/g, ''))
  const c = [...t]
  return c.length > MAX_COMMENT_CHARS ? c.slice(0, MAX_COMMENT_CHARS).join('').trimEnd() : t
}

function scored(project: number | null, score: number, text: string): Parsed<{ project: number | null; score: number; comment: string }> {
  if (!Number.isInteger(score) || score < 1 || score > 5) return { ok: false, reply: RANGE_REPLY }
  return { ok: true, value: { project, score, comment: comment(text) } }
}

/**
 * `P3 5 很满意`, `P3 5分`, `P3 五星`, `P3 ⭐⭐⭐⭐` (★/⭐ counted, ☆ not), `P3 满意` (words: 很满意 5, 满意 4,
 * 一般 3, 不满意 2, 很不满意 1), `5 很好` (project null). A number wins over a word; the comment is the
 * rest of what was said, without the score itself. Never throws.
 */
export function parseRating(args: string): Parsed<{ project: number | null; score: number; comment: string }> {
  const { project, rest: afterCode } = leadingProject(args)
  let rest = afterCode
  rest = rest.replace(/^[\s,;:]+/, '')

  // a number (or stars) first: the rest is the comment
  const lead = LEAD_SCORE.exec(rest)
  if (lead && !isVery(lead[1]!, lead[2], rest.slice(lead[0].length))) {
    const after = rest.slice(lead[0].length)
    // 五一般 … is not five: a numeral glued to a word counts only with 分/星
    const glued = !/^\d/.test(lead[1]!) && lead[2] === undefined && /^\p{Script=Han}/u.test(after)
    const n = valueOf(lead[1]!)
    if (!glued && n !== undefined) return scored(project, n, after)
  }
  const stars = STARS.exec(rest)
  if (stars && stars.index === 0) return scored(project, countStars(stars[0]), rest.slice(stars[0].length))

  // 很满意 5分, 给5星 …: a number with 分/星 anywhere
  UNIT_SCORE.lastIndex = 0
  for (let m = UNIT_SCORE.exec(rest); m; m = UNIT_SCORE.exec(rest)) {
    const after = rest.slice(m.index + m[0].length)
    if (isVery(m[1]!, m[2], after)) continue
    const n = valueOf(m[1]!)
    if (n === undefined) continue
    return scored(project, n, cutOut(rest, m.index, m[0].length))
  }
  if (stars) return scored(project, countStars(stars[0]), cutOut(rest, stars.index, stars[0].length))
  const trailing = TRAILING_SCORE.exec(rest)
  if (trailing) return scored(project, Number(trailing[1]), rest.slice(0, trailing.index))

  const word = WORD_RE.exec(rest)
  if (word) return scored(project, WORD_SCORE.get(word[0])!, rest)
  return { ok: false, reply: UNREAD_REPLY }
}

function countStars(run: string): number {
  return [...run].filter((c) => c === '★' || c === '⭐').length
}

function cutOut(s: string, index: number, length: number): string {
  return `${s.slice(0, index)} ${s.slice(index + length)}`.replace(/\s+/g, ' ')
}
