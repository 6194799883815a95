import { ROUND_REF } from '../codes.js'
import type { Parsed } from '../parsed.js'
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
  passPercent: number
  /** the words after 截止, for parseWhen */
  deadline: string
}

export type ResolutionSpecReason = { code: 'missing' } | { code: 'passPercent' }

/** "T1 通过线 50% 截止 12月8日20:00" (the pass line defaults to 50%). Never throws. */
export function parseResolutionSpec(input: string): Parsed<ResolutionSpec, ResolutionSpecReason> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? '')))
  const ref = ROUND_REF.exec(s)
  const cut = s.search(/截止|截至/)
  if (!ref || cut < 0) return { ok: false, reason: { code: 'missing' } }
  const passPercent = Number(/(\d{1,3})\s*%/.exec(s.slice(0, cut))?.[1] ?? 50)
  if (passPercent < 1 || passPercent > 100) return { ok: false, reason: { code: 'passPercent' } }
  return { ok: true, value: { ref: ref[1]!, passPercent, deadline: s.slice(cut).replace(/^(截止|截至)[:：]?\s*/, '') } }
}
