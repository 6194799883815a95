/**
 * `议事会 40席 每栋至少1席 女性至少15席 60岁以上至多20席`: seats and quotas as staff type them.
 * 每栋 stays symbolic here (the service expands it over the community's buildings).
 */
import type { Parsed } from '../address.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'

export const AGE_BANDS = ['18-39岁', '40-59岁', '60岁以上'] as const
export type AgeBand = (typeof AGE_BANDS)[number]
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

export const QUOTA_EXAMPLE = '议事会 40席 每栋至少1席 女性至少15席 60岁以上至多20席'

// longest first where one is a prefix of another (女性 before 女, 60岁以上 before 60)
const FEATURES: { re: RegExp; feature: QuotaRule['feature']; value: string | ((m: RegExpExecArray) => string) }[] = [
  { re: /^(?:每|各)(?:一|1)?(?:个)?(?:栋|幢|座|号楼|楼栋|楼)(?:楼)?/, feature: 'building', value: '*' },
  { re: /^(\d{1,3})\s*(?:号楼|号|栋|幢|座|#)/, feature: 'building', value: (m) => String(Number(m[1])) },
  { re: /^(?:女性|女士|妇女|女)/, feature: 'gender', value: '女' },
  { re: /^(?:男性|男士|男)/, feature: 'gender', value: '男' },
  { re: /^(?:青年|年轻人|18\s*(?:-|~|到|至)\s*39\s*岁?)/, feature: 'age', value: '18-39岁' },
  { re: /^(?:中年|40\s*(?:-|~|到|至)\s*59\s*岁?)/, feature: 'age', value: '40-59岁' },
  { re: /^(?:老年人|老年|老人|60\s*岁?\s*(?:及)?(?:以上|\+))/, feature: 'age', value: '60岁以上' },
  { re: /^(?:业主|房东)/, feature: 'tenure', value: '业主' },
  { re: /^(?:租户|租客|租房)/, feature: 'tenure', value: '租户' },
]

const MIN_WORDS = /^(?:至少|最少|不少于|不低于|起码|最低|>=|≥|大于等于)/
const MAX_WORDS = /^(?:至多|最多|不超过|不多于|不高于|最高|<=|≤|小于等于)/
const EXACT_WORDS = /^(?:恰好|正好|刚好|等于|=)/
const NUMBER = /^(\d{1,6})(?:\s*(?:-|~|到|至)\s*(\d{1,6}))?\s*(?:个席位|个名额|席位|名额|席|人|名|位|个)?/
const SEATS = /^(?:共|总共|一共|总|席位|总席位)?\s*(\d{1,6})\s*(?:个席位|席位|席|人|名|位)/
const FILLER = /^(?:[\s,;:.、，；：。]|和|及|并且|并|且|其中|设|要求|的|议事员|议事会|名额|席位)+/

/** Never throws: a spec, or a short Chinese reply saying what to fix. */
export function parseCouncilSpec(input: string): Parsed<CouncilSpec> {
  let s = convertAllNumerals(normalizeWidth(String(input ?? ''))).replace(/\s+/g, ' ').trim()
  if (!s) return { ok: false, reply: `请写明席位和配额，例如「${QUOTA_EXAMPLE}」。` }
  let seats: number | undefined
  const rules: QuotaRule[] = []
  let guard = 0
  while (s && guard++ < 200) {
    const filler = FILLER.exec(s)
    if (filler) {
      s = s.slice(filler[0].length)
      continue
    }
    const f = FEATURES.map((x) => ({ x, m: x.re.exec(s) })).find((r) => r.m)
    if (!f) {
      const m = seats === undefined ? SEATS.exec(s) : null
      if (m) {
        seats = Number(m[1])
        s = s.slice(m[0].length)
        continue
      }
      return { ok: false, reply: `没看懂「${shown(s)}」。例如「${QUOTA_EXAMPLE}」；可用：每栋、3号楼、男/女、青年/中年/老年、业主/租户，配合至少/至多。` }
    }
    const value = typeof f.x.value === 'string' ? f.x.value : f.x.value(f.m!)
    s = s.slice(f.m![0].length).replace(/^\s+/, '')
    const rule: QuotaRule = { feature: f.x.feature, value }
    const label = ruleLabel(rule)
    const op = MIN_WORDS.exec(s) ?? MAX_WORDS.exec(s) ?? EXACT_WORDS.exec(s)
    const kind = op ? (MIN_WORDS.test(op[0]) ? 'min' : MAX_WORDS.test(op[0]) ? 'max' : 'exact') : 'exact'
    if (op) s = s.slice(op[0].length).replace(/^\s+/, '')
    const n = NUMBER.exec(s)
    if (!n) return { ok: false, reply: `${label}要多少席？例如「${label}至少2席」。` }
    s = s.slice(n[0].length)
    const a = Number(n[1])
    const b = n[2] !== undefined ? Number(n[2]) : undefined
    if (b !== undefined) {
      if (kind !== 'exact') return { ok: false, reply: `「${label}」写了范围又写了至少/至多，请只写一种，例如「${label}2-5席」。` }
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
  if (seats === undefined) return { ok: false, reply: `请写明总席位，例如「${QUOTA_EXAMPLE}」。` }
  if (seats < 1 || seats > MAX_SEATS) return { ok: false, reply: `总席位应在 1 到 ${MAX_SEATS} 之间。` }
  for (const r of rules) {
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
      return { ok: false, reply: `${ruleLabel(r)}至少 ${r.min} 席，又至多 ${r.max} 席，自相矛盾。` }
    }
    if ((r.min ?? 0) > seats) return { ok: false, reply: `${ruleLabel(r)}至少 ${r.min} 席，超过总席位 ${seats} 席。` }
  }
  return { ok: true, value: { seats, rules } }
}

/** 每栋 / 3号楼 / 女性 / 60岁以上 / 业主 */
export function ruleLabel(r: Pick<QuotaRule, 'feature' | 'value'>): string {
  if (r.feature === 'building') return r.value === '*' ? '每栋' : `${r.value}号楼`
  if (r.feature === 'gender') return r.value === '女' ? '女性' : '男性'
  return r.value
}

/** The rules as one line for the announcement: 「每栋至少1席，女性至少15席」. */
export function describeRules(rules: readonly QuotaRule[]): string {
  return rules
    .map((r) => {
      const l = ruleLabel(r)
      if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? `${l}${r.min}席` : `${l}${r.min}-${r.max}席`
      return r.min !== undefined ? `${l}至少${r.min}席` : `${l}至多${r.max}席`
    })
    .join('，')
}

function shown(s: string): string {
  const chars = [...s.trim()]
  return chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : chars.join('')
}
