import type { Parsed } from '../parsed.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'

/** A round's projects are numbered like the pool: P3 — people may also type just 3. */
const MAX_PROJECT = 99_999

export type DotVoteReason =
  | { code: 'noNumbers' }
  | { code: 'unreadable'; text: string }
  | { code: 'noSuchProject'; number: number }
  | { code: 'tooMany'; count: number }

/**
 * 投票 3 7 12 / 3、7、12 / P3 P7 / 三 七 / 3 3 7 (a repeat stacks a dot) → project numbers, in
 * the order typed. Never throws.
 */
export function parseDotVote(input: string, p: { dots: number }): Parsed<number[], DotVoteReason> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? '')))
  const picks: number[] = []
  const leftover = s
    .replace(/[Pp]?\s*(\d{1,6})\s*(?:号|项)?/g, (_m, n: string) => {
      picks.push(Number(n))
      return ' '
    })
    .replace(/[\s,;:、。.!！和与及还有票投]+/g, '')
  if (!picks.length) return { ok: false, reason: { code: 'noNumbers' } }
  if (leftover) return { ok: false, reason: { code: 'unreadable', text: s.slice(0, 20) } }
  const bad = picks.find((n) => n < 1 || n > MAX_PROJECT)
  if (bad !== undefined) return { ok: false, reason: { code: 'noSuchProject', number: bad } }
  if (picks.length > p.dots) return { ok: false, reason: { code: 'tooMany', count: picks.length } }
  return { ok: true, value: picks }
}

export interface Score {
  project: number
  /** 紧迫性 1–5 */
  urgency: number
  /** 重要性 1–5 */
  importance: number
}

export type ScoresReason = { code: 'unreadable' } | { code: 'outOfRange'; project: number }

/**
 * Council scoring, compact: "P3 5 4" (urgency, importance), several per message:
 * "P3 5 4，P7 3 3". Never throws.
 */
export function parseScores(input: string): Parsed<Score[], ScoresReason> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? '')))
  const scores: Score[] = []
  const leftover = s
    .replace(/[Pp]\s*(\d{1,6})\s*[:：]?\s*(?:紧迫性?)?\s*(\d)\s*(?:分)?[\s,，/]*(?:重要性?)?\s*(\d)\s*分?/g, (_m, n: string, u: string, i: string) => {
      scores.push({ project: Number(n), urgency: Number(u), importance: Number(i) })
      return ' '
    })
    .replace(/[\s,;、。.!！]+/g, '')
  if (!scores.length || leftover) return { ok: false, reason: { code: 'unreadable' } }
  const bad = scores.find((x) => [x.urgency, x.importance].some((v) => v < 1 || v > 5))
  if (bad) return { ok: false, reason: { code: 'outOfRange', project: bad.project } }
  // a project scored twice in one message: the last one counts
  const last = new Map<number, Score>()
  for (const x of scores) last.set(x.project, x)
  return { ok: true, value: [...last.values()] }
}
