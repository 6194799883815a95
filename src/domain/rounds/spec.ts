import { ROUND_REF } from '../codes.js'
import type { Parsed } from '../parsed.js'
import { parseShare, sharePercent, type Share } from '../deliberation/share.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'

export interface RoundSpec {
  projects: number[]
  dots: number
  per: 'household' | 'person'
  /** the words after 截止, for parseWhen */
  deadline: string
}

export type RoundSpecReason =
  | { code: 'noDeadline' }
  | { code: 'rangeTooLarge'; from: number; to: number }
  | { code: 'tooFewProjects' }
  | { code: 'dots' }

/** "P1-P8 每户3票 截止 12月5日20:00" / "P1 P3 P5 每人2票 截止 明天20点". Never throws. */
export function parseRoundSpec(input: string): Parsed<RoundSpec, RoundSpecReason> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? ''))).replace(/\s+/g, ' ').trim()
  const cut = s.search(/截止|截至|到期|结束于/)
  if (cut < 0) return { ok: false, reason: { code: 'noDeadline' } }
  const head = s.slice(0, cut)
  const deadline = s.slice(cut).replace(/^(截止|截至|到期|结束于)(时间)?[:：]?\s*/, '').trim()
  if (!deadline) return { ok: false, reason: { code: 'noDeadline' } }
  const projects = new Set<number>()
  for (const m of head.matchAll(/[Pp]\s*(\d{1,6})\s*(?:[-—~～到至]\s*[Pp]?\s*(\d{1,6}))?/g)) {
    const a = Number(m[1])
    const b = m[2] ? Number(m[2]) : a
    if (b - a > 200) return { ok: false, reason: { code: 'rangeTooLarge', from: a, to: b } }
    for (let n = Math.min(a, b); n <= Math.max(a, b); n++) projects.add(n)
  }
  if (projects.size < 2) return { ok: false, reason: { code: 'tooFewProjects' } }
  // 每户 / 每家: one ballot a household; 每人 (group 1): one a person
  const d = /每(?:户|家|(人))\s*(\d{1,2})\s*票/.exec(head)
  const dots = d ? Number(d[2]) : 3
  if (dots < 1 || dots > 20) return { ok: false, reason: { code: 'dots' } }
  return { ok: true, value: { projects: [...projects].sort((x, y) => x - y), dots, per: d?.[1] ? 'person' : 'household', deadline } }
}

export interface ResolutionSpec {
  /** the number of the round to ratify, as typed */
  ref: string
  /** the pass line as a whole percent (for display and the old column) */
  passPercent: number
  /** the pass line, exact: yes must be above it, of those who voted */
  pass: Share
  /** who votes: every confirmed household, or only the residents' representatives (居民代表) */
  electorate: 'household' | 'representative'
  /** the share of the electorate that must take part for the result to stand (null: none) */
  quorum: Share | null
  /** the words after 截止, for parseWhen */
  deadline: string
}

export type ResolutionSpecReason = { code: 'missing' } | { code: 'passPercent' } | { code: 'pass'; input: string } | { code: 'quorum'; input: string }

const QUORUM = /(?:到会率?|出席率?|参与率|参与|投票率|法定人数)\s*(?:至少|不少于|不低于|达到|须|需)?\s*([^\s]*)/
const PASS = /通过线\s*(?:为|是)?\s*([^\s]*)/

/**
 * "T1 通过线 50% 截止 12月8日20:00" (the pass line defaults to 过半); "T1 居民代表 通过线 过半 到会
 * 三分之二 截止 …" (only representatives vote; the result stands when two thirds took part);
 * "T1 通过线 60% 参与率至少 50% 截止 …". Never throws.
 */
export function parseResolutionSpec(input: string): Parsed<ResolutionSpec, ResolutionSpecReason> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? '')))
  const cut = s.search(/截止|截至/)
  const ref = ROUND_REF.exec(cut < 0 ? s : s.slice(0, cut))
  if (!ref || cut < 0) return { ok: false, reason: { code: 'missing' } }
  let head = s.slice(0, cut).replace(ref[0], ' ')
  const electorate = /居民代表|代表/.test(head) ? 'representative' : 'household'
  head = head.replace(/居民代表|代表/g, ' ')
  let quorum: Share | null = null
  const q = QUORUM.exec(head)
  if (q) {
    const read = parseShare(q[1]!)
    if (!read.ok) return { ok: false, reason: { code: 'quorum', input: q[1]!.slice(0, 12) } }
    quorum = read.value
    head = head.replace(q[0], ' ')
  }
  let pass: Share = { num: 1, den: 2 }
  const p = PASS.exec(head)
  const bare = /(\d{1,4})\s*%/.exec(head)
  if (p || bare) {
    const words = p ? p[1]! : bare![0]
    const read = parseShare(words)
    if (!read.ok) return { ok: false, reason: read.reason.code === 'unreadable' ? { code: 'pass', input: words.slice(0, 12) } : { code: 'passPercent' } }
    pass = read.value
  }
  return { ok: true, value: { ref: ref[1]!, passPercent: Math.round(sharePercent(pass)), pass, electorate, quorum, deadline: s.slice(cut).replace(/^(截止|截至)[:：]?\s*/, '') } }
}
