import type { Parsed } from '../address.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'

/** A round's projects are numbered like the pool: P3 — people may also type just 3. */
const MAX_PROJECT = 99_999

/**
 * 投票 3 7 12 / 3、7、12 / P3 P7 / 三 七 / 3 3 7 (a repeat stacks a dot) → project numbers, in
 * the order typed. Never throws; a rejection says how to vote.
 */
export function parseDotVote(input: string, p: { dots: number }): Parsed<number[]> {
  const example = `例如「投票 3 7 12」（重复写同一个号可多投一票，每户最多 ${p.dots} 票）`
  const s = convertAllNumerals(normalizeWidth(String(input ?? '')))
  const picks: number[] = []
  const leftover = s
    .replace(/[Pp]?\s*(\d{1,6})\s*(?:号|项)?/g, (_m, n: string) => {
      picks.push(Number(n))
      return ' '
    })
    .replace(/[\s,;:、。.!！和与及还有票投]+/g, '')
  if (!picks.length) return { ok: false, reply: `请写项目编号，${example}。` }
  if (leftover) return { ok: false, reply: `没看懂「${s.slice(0, 20)}」，${example}。` }
  const bad = picks.find((n) => n < 1 || n > MAX_PROJECT)
  if (bad !== undefined) return { ok: false, reply: `没有 ${bad} 号项目，${example}。` }
  if (picks.length > p.dots) return { ok: false, reply: `每户最多 ${p.dots} 票，您写了 ${picks.length} 票，请少选几项。` }
  return { ok: true, value: picks }
}

export interface Score {
  project: number
  /** 紧迫性 1–5 */
  urgency: number
  /** 重要性 1–5 */
  importance: number
}

/**
 * Council scoring, compact: "P3 5 4" (urgency, importance), several per message:
 * "P3 5 4，P7 3 3". Never throws.
 */
export function parseScores(input: string): Parsed<Score[]> {
  const example = '例如「P3 5 4」（P3 紧迫性5分、重要性4分），可一次写几项：「P3 5 4，P7 3 3」'
  const s = convertAllNumerals(normalizeWidth(String(input ?? '')))
  const scores: Score[] = []
  const leftover = s
    .replace(/[Pp]\s*(\d{1,6})\s*[:：]?\s*(?:紧迫性?)?\s*(\d)\s*(?:分)?[\s,，/]*(?:重要性?)?\s*(\d)\s*分?/g, (_m, n: string, u: string, i: string) => {
      scores.push({ project: Number(n), urgency: Number(u), importance: Number(i) })
      return ' '
    })
    .replace(/[\s,;、。.!！]+/g, '')
  if (!scores.length || leftover) return { ok: false, reply: `没看懂，请按格式打分，${example}。` }
  const bad = scores.find((x) => [x.urgency, x.importance].some((v) => v < 1 || v > 5))
  if (bad) return { ok: false, reply: `P${bad.project} 的分数要在 1 到 5 之间，${example}。` }
  // a project scored twice in one message: the last one counts
  const last = new Map<number, Score>()
  for (const x of scores) last.set(x.project, x)
  return { ok: true, value: [...last.values()] }
}
