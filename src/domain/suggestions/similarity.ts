/**
 * Duplicate hints for new suggestions. Short complaints share few words ('3号楼门口路灯坏了' and
 * '三号楼前面的灯不亮' have only 灯 in common), so candidates are first narrowed to the same
 * building (or, without one, the same kind of place) and the same category, and only then
 * compared by TF-IDF cosine over jieba words, character bigrams and synonym concepts.
 * A match is a hint the person confirms with 是, never a merge.
 */
import { createRequire } from 'node:module'
import { Jieba } from '@node-rs/jieba'
import { cut, normalizeInput } from '../text.js'
import {
  CONDITION_CONCEPTS,
  CONTEXT_CONCEPTS,
  LOCATION_NUMBERS,
  LOCATION_ONLY_KINDS,
  NAMED_GATE,
  NEAR_PLACE_KINDS,
  OBJECT_CONCEPTS,
  OTHER,
  PLACE_WORDS,
  RELATIVE_PLACE_WORDS,
  STOPWORDS,
  WHOLE_ESTATE,
  type Category,
} from './lexicon.js'

// --- tokenizer ------------------------------------------------------------------------------

// The dictionary is an immutable resource (~0.3 s, 5 MB): load it on first use, once.
let jieba: Jieba | undefined
function tokenizer(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url)
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array }
    jieba = Jieba.withDict(dict)
  }
  return jieba
}

// --- features -------------------------------------------------------------------------------

/** Longer inputs are cut: a suggestion is a few sentences; the rest adds cost, not meaning. */
export const MAX_FEATURE_CHARS = 500

const HAS_WORD = /[\p{L}\p{N}]/u
const ONLY_DIGITS = /^[\d.]+$/
const WORD_CHAR = /[\p{L}\p{N}]/u

// concept features: '#o:灯' (object), '#c:坏' (condition), '#x:晚上' (context)
const conceptOf = new Map<string, string[]>()
for (const [prefix, groups] of [['#o:', OBJECT_CONCEPTS], ['#c:', CONDITION_CONCEPTS], ['#x:', CONTEXT_CONCEPTS]] as const) {
  for (const [id, words] of groups) {
    for (const w of words) conceptOf.set(w, [...(conceptOf.get(w) ?? []), prefix + id])
  }
}
const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const conceptRe = new RegExp([...conceptOf.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g')
const locationWordRe = new RegExp(
  [...PLACE_WORDS.filter(([, kind]) => LOCATION_ONLY_KINDS.has(kind)).map(([p]) => p), ...RELATIVE_PLACE_WORDS.map(([p]) => p)]
    .sort((a, b) => b.length - a.length)
    .map((p) => `(?:${p})`)
    .join('|'),
  'g',
)

/** The text features are computed from: normalised, lower-case, without building/unit/floor numbers and place words. */
function contentOf(text: string): string {
  return cut(normalizeInput(cut(text, MAX_FEATURE_CHARS * 2)), MAX_FEATURE_CHARS)
    .toLowerCase()
    // where it is is compared separately (building, unit, place kind): drop it from the words
    .replace(LOCATION_NUMBERS, ' ')
    .replace(locationWordRe, ' ')
}

/**
 * jieba words (exact mode, no HMM: stable on short texts) minus stopwords and punctuation,
 * character bigrams of what is left ('~' prefix), and synonym concepts ('#' prefix: 路灯/灯 → #灯,
 * 不亮/黑 → #暗). Repeats are kept: they are the term frequencies.
 */
export function featuresOf(text: string): string[] {
  const s = contentOf(text)
  if (s.trim() === '') return []
  const out: string[] = []
  conceptRe.lastIndex = 0
  for (let m = conceptRe.exec(s); m; m = conceptRe.exec(s)) {
    for (const id of conceptOf.get(m[0]) ?? []) out.push(id)
  }
  let run = '' // content characters of one clause, stopwords skipped
  const flush = (): void => {
    const chars = [...run]
    for (let i = 0; i + 1 < chars.length; i++) out.push(`~${chars[i]}${chars[i + 1]}`)
    run = ''
  }
  for (const t of tokenizer().cut(s, false)) {
    if (!HAS_WORD.test(t)) {
      flush() // punctuation, spaces, emoji end a clause
      continue
    }
    if (STOPWORDS.has(t) || ONLY_DIGITS.test(t)) continue
    out.push(t)
    for (const c of t) if (WORD_CHAR.test(c)) run += c
  }
  flush()
  return out
}

// --- TF-IDF cosine --------------------------------------------------------------------------

export interface Idf {
  /** the weight of a feature; features never seen get the highest weight */
  weight(feature: string): number
}

// concepts carry the meaning across wordings; bigrams only catch what jieba split differently
const CONCEPT_WEIGHT = 2
const WORD_WEIGHT = 1
const BIGRAM_WEIGHT = 1

function typeWeight(f: string): number {
  return f.startsWith('#') ? CONCEPT_WEIGHT : f.startsWith('~') ? BIGRAM_WEIGHT : WORD_WEIGHT
}

/** A feature list as distinct terms with counts, plus its object and condition concepts. */
interface Bag {
  terms: string[]
  /** count × type weight */
  weights: number[]
  objects: Set<string>
  conditions: Set<string>
}

// memo per feature array (stored features are reused across submissions); weak: no leak
const bags = new WeakMap<readonly string[], Bag>()

function bagOf(features: readonly string[]): Bag {
  let b = bags.get(features)
  if (b) return b
  const counts = new Map<string, number>()
  for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1)
  b = { terms: [], weights: [], objects: new Set(), conditions: new Set() }
  for (const [f, n] of counts) {
    b.terms.push(f)
    b.weights.push(n * typeWeight(f))
    if (f.startsWith('#o:')) b.objects.add(f)
    else if (f.startsWith('#c:')) b.conditions.add(f)
  }
  bags.set(features, b)
  return b
}

function idfOfBags(docs: readonly Bag[]): Idf {
  const df = new Map<string, number>()
  for (const d of docs) for (const t of d.terms) df.set(t, (df.get(t) ?? 0) + 1)
  const n = docs.length
  const cache = new Map<string, number>()
  return {
    weight(f) {
      let w = cache.get(f)
      if (w === undefined) {
        w = Math.log((n + 1) / ((df.get(f) ?? 0) + 1)) + 1
        cache.set(f, w)
      }
      return w
    },
  }
}

/** Smoothed IDF over a set of documents (feature lists): ln((N+1)/(df+1)) + 1, so no weight is 0. */
export function buildIdf(docs: Iterable<readonly string[]>): Idf {
  return idfOfBags([...docs].map(bagOf))
}

interface QueryVector {
  v: Map<string, number>
  norm: number
}

function queryVector(b: Bag, idf: Idf): QueryVector {
  const v = new Map<string, number>()
  let sq = 0
  for (let i = 0; i < b.terms.length; i++) {
    const w = b.weights[i]! * idf.weight(b.terms[i]!)
    v.set(b.terms[i]!, w)
    sq += w * w
  }
  return { v, norm: Math.sqrt(sq) }
}

function cosine(q: QueryVector, b: Bag, idf: Idf): number {
  if (q.norm === 0) return 0
  let dot = 0
  let sq = 0
  for (let i = 0; i < b.terms.length; i++) {
    const t = b.terms[i]!
    const w = b.weights[i]! * idf.weight(t)
    sq += w * w
    const o = q.v.get(t)
    if (o !== undefined) dot += w * o
  }
  return sq === 0 ? 0 : dot / (q.norm * Math.sqrt(sq))
}

const MISMATCH = 0.5

function disjoint(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false
  for (const x of a) if (b.has(x)) return false
  return true
}

/**
 * Same words, other matter: both name what is wrong and share none of it (路灯坏了 / 路灯太亮),
 * or both name the thing and share none (监控坏了 / 门禁坏了) → a lower score.
 */
function conceptFactor(a: Bag, b: Bag): number {
  let m = 1
  if (disjoint(a.conditions, b.conditions)) m *= MISMATCH
  if (disjoint(a.objects, b.objects)) m *= MISMATCH
  return m
}

/**
 * TF-IDF cosine in [0, 1] of two texts (or their precomputed features). Without `idf`, the IDF
 * is taken from the two of them.
 */
export function similarity(a: string | readonly string[], b: string | readonly string[], idf?: Idf): number {
  const ba = bagOf(typeof a === 'string' ? featuresOf(a) : a)
  const bb = bagOf(typeof b === 'string' ? featuresOf(b) : b)
  const w = idf ?? idfOfBags([ba, bb])
  return cosine(queryVector(ba, w), bb, w) * conceptFactor(ba, bb)
}

// --- duplicates -----------------------------------------------------------------------------

export interface Candidate {
  id: number
  text: string
  /** featuresOf(text), when stored: saves ~10 µs per candidate. Treated as immutable (memoised per array). */
  features?: readonly string[]
  building?: number | null
  unit?: number | null
  /** the place phrase, e.g. '东门' (tells 东门 from 北门, both placeKind 大门) */
  place?: string | null
  placeKind?: string | null
  category: Category
}

export type DuplicateQuery = Omit<Candidate, 'id'>

/** Tuned on the 'tune' split of test/fixtures/duplicate-pairs.json; the test prints a sweep per split. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.3
export const DEFAULT_DUPLICATE_LIMIT = 3

// score multipliers for a looser key
const NEAR_PLACE = 0.85 // 门口 vs 楼下 in one building
const OTHER_PLACE = 0.6 // 门口 vs 楼道 in one building
const ONE_PLACE_UNKNOWN = 0.9 // one side did not say where (within the building, or both without one)
const OTHER_CATEGORY = 0.8 // one side is 其他: the keywords may have missed

const nearKinds = new Set(NEAR_PLACE_KINDS.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]))

function placeFactor(a: string | null | undefined, b: string | null | undefined): number {
  // 小区里 says nothing about where
  if (a === WHOLE_ESTATE) a = null
  if (b === WHOLE_ESTATE) b = null
  if (a == null || b == null) return a == b ? 1 : ONE_PLACE_UNKNOWN
  if (a === b) return 1
  return nearKinds.has(`${a}|${b}`) ? NEAR_PLACE : OTHER_PLACE
}

/** 0 if the two cannot be the same thing (other building, other category, other gate), else a score multiplier. */
export function keyFactor(q: DuplicateQuery, c: DuplicateQuery): number {
  let m = 1
  if (q.category !== c.category) {
    if (q.category !== OTHER && c.category !== OTHER) return 0
    m *= OTHER_CATEGORY
  }
  const qb = q.building ?? null
  const cb = c.building ?? null
  if (qb !== null || cb !== null) {
    if (qb !== cb) return 0
    if (q.unit != null && c.unit != null && q.unit !== c.unit) return 0
    return m * placeFactor(q.placeKind, c.placeKind)
  }
  // neither names a building: the kind of place is the key
  const qk = q.placeKind === WHOLE_ESTATE ? null : (q.placeKind ?? null)
  const ck = c.placeKind === WHOLE_ESTATE ? null : (c.placeKind ?? null)
  if (qk !== null && ck !== null) {
    if (qk !== ck && !nearKinds.has(`${qk}|${ck}`)) return 0
    if (q.place && c.place && q.place !== c.place && NAMED_GATE.test(q.place) && NAMED_GATE.test(c.place)) return 0
  }
  return m * placeFactor(qk, ck)
}

/**
 * The likely duplicates of a new suggestion among existing ones, best first: same building (or,
 * without a building, same placeKind) and same category first, then text similarity above a
 * threshold tuned on the fixture. IDF comes from the candidates that pass the key, plus the query.
 */
export function findDuplicates(
  query: { text: string; building?: number | null; unit?: number | null; place?: string | null; placeKind?: string | null; category: Category },
  candidates: readonly Candidate[],
  opts: { threshold?: number; limit?: number } = {},
): { id: number; score: number }[] {
  const threshold = opts.threshold ?? DEFAULT_DUPLICATE_THRESHOLD
  const limit = opts.limit ?? DEFAULT_DUPLICATE_LIMIT
  if (limit <= 0) return []
  const keyed: { c: Candidate; factor: number; bag: Bag }[] = []
  for (const c of candidates) {
    const factor = keyFactor(query, c)
    if (factor > 0) keyed.push({ c, factor, bag: bagOf(c.features ?? featuresOf(c.text)) })
  }
  if (keyed.length === 0) return []
  const qb = bagOf(featuresOf(query.text))
  const idf = idfOfBags([qb, ...keyed.map((k) => k.bag)])
  const qv = queryVector(qb, idf)
  const found: { id: number; score: number }[] = []
  for (const k of keyed) {
    const score = cosine(qv, k.bag, idf) * conceptFactor(qb, k.bag) * k.factor
    if (score >= threshold) found.push({ id: k.c.id, score })
  }
  return found.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit)
}
