/** Residents' acceptance ratings (评价 P3 5 很满意), read as forgivingly as we can. */
import type { Parsed } from '../parsed.js'
import { chinesePunctuation, chineseToNumber } from '../text.js'
import { leadingProject } from './commands.js'
import { LEAD_SCORE, RATING_WORDS, UNIT_SCORE, VERY } from './lexicon.js'

export const MAX_COMMENT_CHARS = 200

/** a score outside 1–5, or nothing that reads as a score */
export type RatingReason = { code: 'range' } | { code: 'unread' }
type Rating = { project: number | null; score: number; comment: string }

const WORD_RE = new RegExp(RATING_WORDS.map(([w]) => w).join('|'))
const WORD_SCORE = new Map(RATING_WORDS)
const TRAILING_SCORE = /(?:^|\s)(\d)\s*$/
const STARS = /(?:[★☆⭐]\uFE0F?\s*)+/u

function valueOf(n: string): number | undefined {
  return /^\d/.test(n) ? Number(n) : chineseToNumber(n)
}

/** 十分满意 is "very satisfied", not 10 points. */
const isVery = (num: string, unit: string | undefined, after: string): boolean => num === VERY.number && unit === VERY.unit && /^\p{Script=Han}/u.test(after)

function comment(s: string): string {
  const t = chinesePunctuation(s.replace(/[ \t]+/g, ' ').replace(/^[\s,;:.!?。、-]+|\s+$/g, ''))
  const c = [...t]
  return c.length > MAX_COMMENT_CHARS ? c.slice(0, MAX_COMMENT_CHARS).join('').trimEnd() : t
}

function scored(project: number | null, score: number, text: string): Parsed<Rating, RatingReason> {
  if (!Number.isInteger(score) || score < 1 || score > 5) return { ok: false, reason: { code: 'range' } }
  return { ok: true, value: { project, score, comment: comment(text) } }
}

/**
 * `P3 5 很满意`, `P3 5分`, `P3 五星`, `P3 ⭐⭐⭐⭐` (★/⭐ counted, ☆ not), `P3 满意` (words: 很满意 5, 满意 4,
 * 一般 3, 不满意 2, 很不满意 1), `5 很好` (project null). A number wins over a word; the comment is the
 * rest of what was said, without the score itself. Never throws.
 */
export function parseRating(args: string): Parsed<Rating, RatingReason> {
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
  return { ok: false, reason: { code: 'unread' } }
}

function countStars(run: string): number {
  return [...run].filter((c) => c === '★' || c === '⭐').length
}

function cutOut(s: string, index: number, length: number): string {
  return `${s.slice(0, index)} ${s.slice(index + length)}`.replace(/\s+/g, ' ')
}
