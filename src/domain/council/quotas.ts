/**
 * `议事会 40席 每栋至少1席 女性至少15席 60岁以上至多20席`: seats and quotas as staff type them.
 * 每栋 stays symbolic here (the service expands it over the community's buildings).
 */
import type { Parsed } from '../parsed.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'
import { QUOTA_EXACT, QUOTA_FEATURES, QUOTA_FILLER, QUOTA_MAX, QUOTA_MIN, QUOTA_NUMBER, QUOTA_SEATS } from './lexicon.js'

export const MAX_SEATS = 500

export interface QuotaRule {
  feature: 'building' | 'gender' | 'age' | 'tenure'
  /** '*' with building = every building (每栋) */
  value: string
  min?: number
  max?: number
}

export interface CouncilSpec {
  seats: number
  rules: QuotaRule[]
}

type Named = Pick<QuotaRule, 'feature' | 'value'>

/** Why a spec could not be read; the council's text.ts says it. */
export type QuotaReason =
  | { code: 'empty' }
  /** `rest`: what was left unread */
  | { code: 'unknown'; rest: string }
  | { code: 'noCount'; rule: Named }
  | { code: 'rangeAndBound'; rule: Named }
  | { code: 'noSeats' }
  | { code: 'seatsRange'; max: number }
  | { code: 'contradiction'; rule: Named; min: number; max: number }
  | { code: 'overSeats'; rule: Named; min: number; seats: number }

const fail = (reason: QuotaReason): Parsed<CouncilSpec, QuotaReason> => ({ ok: false, reason })

/** Never throws: a spec, or the reason it could not be read. */
export function parseCouncilSpec(input: string): Parsed<CouncilSpec, QuotaReason> {
  let s = convertAllNumerals(normalizeWidth(String(input ?? ''))).replace(/\s+/g, ' ').trim()
  if (!s) return fail({ code: 'empty' })
  let seats: number | undefined
  const rules: QuotaRule[] = []
  let guard = 0
  while (s && guard++ < 200) {
    const filler = QUOTA_FILLER.exec(s)
    if (filler) {
      s = s.slice(filler[0].length)
      continue
    }
    const f = QUOTA_FEATURES.map((x) => ({ x, m: x.re.exec(s) })).find((r) => r.m)
    if (!f) {
      const m = seats === undefined ? QUOTA_SEATS.exec(s) : null
      if (m) {
        seats = Number(m[1])
        s = s.slice(m[0].length)
        continue
      }
      return fail({ code: 'unknown', rest: s })
    }
    const value = typeof f.x.value === 'string' ? f.x.value : f.x.value(f.m!)
    s = s.slice(f.m![0].length).replace(/^\s+/, '')
    const rule: QuotaRule = { feature: f.x.feature, value }
    const named = { feature: rule.feature, value }
    const op = QUOTA_MIN.exec(s) ?? QUOTA_MAX.exec(s) ?? QUOTA_EXACT.exec(s)
    const kind = op ? (QUOTA_MIN.test(op[0]) ? 'min' : QUOTA_MAX.test(op[0]) ? 'max' : 'exact') : 'exact'
    if (op) s = s.slice(op[0].length).replace(/^\s+/, '')
    const n = QUOTA_NUMBER.exec(s)
    if (!n) return fail({ code: 'noCount', rule: named })
    s = s.slice(n[0].length)
    const a = Number(n[1])
    const b = n[2] !== undefined ? Number(n[2]) : undefined
    if (b !== undefined) {
      if (kind !== 'exact') return fail({ code: 'rangeAndBound', rule: named })
      rule.min = Math.min(a, b)
      rule.max = Math.max(a, b)
    } else if (kind === 'min') rule.min = a
    else if (kind === 'max') rule.max = a
    else rule.min = rule.max = a
    const same = rules.find((r) => r.feature === rule.feature && r.value === rule.value)
    if (same) {
      // 女性至少15席 女性至多25席 → one rule; the later word wins where both say the same bound
      if (rule.min !== undefined) same.min = rule.min
      if (rule.max !== undefined) same.max = rule.max
    } else rules.push(rule)
  }
  if (seats === undefined) return fail({ code: 'noSeats' })
  if (seats < 1 || seats > MAX_SEATS) return fail({ code: 'seatsRange', max: MAX_SEATS })
  for (const r of rules) {
    const named = { feature: r.feature, value: r.value }
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) return fail({ code: 'contradiction', rule: named, min: r.min, max: r.max })
    if ((r.min ?? 0) > seats) return fail({ code: 'overSeats', rule: named, min: r.min!, seats })
  }
  return { ok: true, value: { seats, rules } }
}
