/**
 * What a resident's suggestion is about: building, place, category — from their own words.
 * Pure and synchronous; no segmentation needed here (keywords and patterns are enough).
 */
import { buildingLabel, MAX_BUILDING, parseBuilding } from '../address.js'
import type { Parsed } from '../parsed.js'
import { normalizeInput } from '../text.js'
import {
  CATEGORIES,
  CATEGORY_KEYWORDS,
  DONT_KNOW,
  FLOOR_CENG,
  FLOOR_LOU,
  GATE,
  GATE_MOUTH,
  LEADING_FILLER,
  NEGATED_BEFORE,
  OTHER,
  PLACE_WORDS,
  placeLabel,
  RELATIVE_AFTER,
  RELATIVE_PLACE_WORDS,
  STRONG_BUILDING,
  TRAILING_FILLER,
  UNIT,
  WEAK_BUILDING,
  type Category,
} from './lexicon.js'

export { CATEGORIES, type Category }

export interface Understood {
  /** building number if the text names one: 3号楼, 三号楼前面, １２栋, 12幢 */
  building?: number
  /** unit (单元) number if named: 两单元 → 2 */
  unit?: number
  /** explicit floor: 5层, or 5楼 when a building is named too (12栋5楼) */
  floor?: number
  /** where, as a short normalised phrase: '3号楼门口', '3号楼楼道', '小区大门', '车棚', '2单元楼下' … */
  place?: string
  /** the kind of place without the building: '门口' | '楼下' | '楼道' | '车棚' | '大门' | '电梯' | '花园' | '停车场' … */
  placeKind?: string
  /** "三楼"/"3楼" without 号: could be building 3 or the 3rd floor → the dialog asks */
  ambiguousFloor?: number
  category: Category
  /** the problem, normalised (full-width → half-width, numerals before counters), never empty if the input had content */
  problem: string
}

export interface Place {
  building?: number
  unit?: number
  floor?: number
  place: string
  placeKind?: string
  ambiguousFloor?: number
}

// --- categories -----------------------------------------------------------------------------

const keywordRes = CATEGORY_KEYWORDS.map(([p, category, weight]) => ({ re: new RegExp(p, 'g'), category, weight }))

interface Hit {
  start: number
  end: number
  category: Category
  weight: number
}

function keywordHits(s: string): Hit[] {
  const hits: Hit[] = []
  for (const k of keywordRes) {
    k.re.lastIndex = 0
    for (let m = k.re.exec(s); m; m = k.re.exec(s)) {
      if (m[0] === '') {
        k.re.lastIndex++
        continue
      }
      hits.push({ start: m.index, end: m.index + m[0].length, category: k.category, weight: k.weight })
    }
  }
  // drop hits inside a longer hit (灯 in 路灯); identical spans (电瓶车 → 停车 and 充电) all stay
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Hit[] = []
  let maxEnd = -1
  for (let i = 0; i < hits.length; ) {
    let j = i
    while (j < hits.length && hits[j]!.start === hits[i]!.start && hits[j]!.end === hits[i]!.end) j++
    const h = hits[i]!
    if (h.end > maxEnd) {
      for (let k = i; k < j; k++) kept.push(hits[k]!)
    }
    maxEnd = Math.max(maxEnd, h.end)
    i = j
  }
  return kept
}

/** Category scores from keywords; 「不是电梯的问题」 does not count for 电梯. */
export function categoryScores(text: string): Map<Category, number> {
  const s = normalizeInput(text)
  const scores = new Map<Category, number>()
  for (const h of keywordHits(s)) {
    if (NEGATED_BEFORE.test(s.slice(Math.max(0, h.start - 3), h.start))) continue
    scores.set(h.category, (scores.get(h.category) ?? 0) + h.weight)
  }
  return scores
}

/** The category with the highest keyword score; ties go to the earlier category in CATEGORIES; none → 其他. */
export function categorize(text: string): Category {
  const scores = categoryScores(text)
  let best: Category = OTHER
  let bestScore = 0
  for (const c of CATEGORIES) {
    const v = scores.get(c) ?? 0
    if (v > bestScore) {
      best = c
      bestScore = v
    }
  }
  return best
}

// --- places ---------------------------------------------------------------------------------

const MAX_FLOOR = 99

function alternation(patterns: readonly string[]): string {
  return patterns.map((p) => `(?:${p})`).join('|')
}
const placeWordRes = PLACE_WORDS.map(([p, kind, canonical]) => ({ re: new RegExp(`^(?:${p})`), kind, canonical }))
const anyPlaceWord = new RegExp(alternation(PLACE_WORDS.map(([p]) => p)), 'g')

interface Span {
  start: number
  end: number
}

/** The leftmost, then longest place word in s outside the given spans. */
function findPlaceWord(s: string, taken: Span[]): { surface: string; kind: string; start: number; end: number } | undefined {
  anyPlaceWord.lastIndex = 0
  for (let m = anyPlaceWord.exec(s); m; m = anyPlaceWord.exec(s)) {
    const start = m.index
    if (m[0] === '') {
      anyPlaceWord.lastIndex++
      continue
    }
    // inside the building (3号楼门口: 楼门口), or denied (不是电梯的问题)
    if (taken.some((t) => start < t.end && start >= t.start) || NEGATED_BEFORE.test(s.slice(Math.max(0, start - 3), start))) {
      anyPlaceWord.lastIndex = start + 1 // 门口 may still start inside 楼门口
      continue
    }
    // the longest entry matching here (the alternation takes the first listed, not the longest)
    const rest = s.slice(start)
    let best: { surface: string; kind: string; canonical?: string } | undefined
    for (const w of placeWordRes) {
      const mm = w.re.exec(rest)
      if (mm && (!best || mm[0].length > best.surface.length)) best = { surface: mm[0], kind: w.kind, canonical: w.canonical }
    }
    if (!best) {
      anyPlaceWord.lastIndex = start + 1
      continue
    }
    // 东门口 → 东门; other kinds keep their words (门口 stays 门口)
    const surface = best.canonical ?? (best.kind === GATE ? best.surface.replace(GATE_MOUTH, '') : best.surface)
    return { surface, kind: best.kind, start, end: start + best.surface.length }
  }
  return undefined
}

interface PlaceParts extends Partial<Place> {
  /** the place phrase, when anything place-like was found */
  found: boolean
  /** a building number was written but is out of range */
  badBuilding?: string
}

function inRange(n: number, max: number): boolean {
  return Number.isSafeInteger(n) && n >= 1 && n <= max
}

/** Building, unit, floor and place word of already normalised text. */
function extractPlace(s: string): PlaceParts {
  const out: PlaceParts = { found: false }
  const taken: Span[] = []
  let anchorEnd = -1 // where a relative word (前面, 下面…) may start

  const b = STRONG_BUILDING.exec(s) ?? WEAK_BUILDING.exec(s)
  if (b) {
    const n = Number(b[1])
    if (inRange(n, MAX_BUILDING)) out.building = n
    else out.badBuilding = b[1]
    taken.push({ start: b.index, end: b.index + b[0].length })
    anchorEnd = b.index + b[0].length
  }
  const u = UNIT.exec(s)
  if (u && inRange(Number(u[1]), 99)) {
    out.unit = Number(u[1])
    taken.push({ start: u.index, end: u.index + u[0].length })
    anchorEnd = Math.max(anchorEnd, u.index + u[0].length)
  }
  const c = FLOOR_CENG.exec(s)
  const f = c ?? FLOOR_LOU.exec(s)
  if (f && inRange(Number(f[1]), MAX_FLOOR) && !taken.some((t) => f.index >= t.start && f.index < t.end)) {
    const n = Number(f[1])
    // 三楼 alone may be building 3 or the 3rd floor; with a building (or 层) it is the floor
    if (c || out.building !== undefined || out.badBuilding !== undefined) out.floor = n
    else out.ambiguousFloor = n
    taken.push({ start: f.index, end: f.index + f[0].length })
    anchorEnd = Math.max(anchorEnd, f.index + f[0].length)
  }

  let surface: string | undefined
  if (anchorEnd >= 0) {
    const r = RELATIVE_AFTER.exec(s.slice(anchorEnd))
    if (r) {
      const word = r[1]!
      surface = word
      out.placeKind = RELATIVE_PLACE_WORDS.find(([p]) => new RegExp(`^(?:${p})$`).test(word))?.[1]
    }
  }
  if (surface === undefined) {
    const w = findPlaceWord(s, taken)
    if (w) {
      surface = w.surface
      out.placeKind = w.kind
    }
  }

  const parts: string[] = []
  if (out.building !== undefined) parts.push(buildingLabel(out.building))
  if (out.unit !== undefined) parts.push(placeLabel.unit(out.unit))
  if (out.floor !== undefined) parts.push(placeLabel.floor(out.floor))
  if (out.ambiguousFloor !== undefined) parts.push(placeLabel.floor(out.ambiguousFloor))
  // 3号楼 + 楼门口 reads 3号楼门口; 3号楼 + 楼下 stays 3号楼楼下 (that is how people say it)
  if (surface !== undefined) parts.push(surface)
  if (parts.length > 0) {
    out.found = true
    out.place = parts.join('')
  }
  return out
}

function placeOf(p: PlaceParts): Place | undefined {
  if (!p.found || p.place === undefined) return undefined
  const v: Place = { place: p.place }
  if (p.building !== undefined) v.building = p.building
  if (p.unit !== undefined) v.unit = p.unit
  if (p.floor !== undefined) v.floor = p.floor
  if (p.placeKind !== undefined) v.placeKind = p.placeKind
  if (p.ambiguousFloor !== undefined) v.ambiguousFloor = p.ambiguousFloor
  return v
}

// --- public ---------------------------------------------------------------------------------

export function understandSuggestion(text: string): Understood {
  const s = normalizeInput(text)
  const place = placeOf(extractPlace(s))
  // control characters and the like normalise away: keep what was typed rather than nothing
  const problem = s !== '' ? s : text.trim()
  return { ...place, category: categorize(s), problem }
}

const MAX_FREE_PLACE = 20

/** Why a place could not be read; the feature's text.ts says it. */
export type PlaceReason =
  /** nothing but punctuation or emoji */
  | { code: 'empty' }
  /** a building number out of range, as written */
  | { code: 'building'; written: string; max: number }
  /** 不知道, 随便 */
  | { code: 'dontKnow' }
  | { code: 'unreadable' }
  | { code: 'tooLong'; max: number }

/** where the person said it happens, for the "where" step: accepts 3号楼门口, 三号楼前面, 小区大门, 车棚, 楼下, 东门… */
export function parsePlace(text: string): Parsed<Place, PlaceReason> {
  const s = normalizeInput(text)
  if (s === '' || !/[\p{L}\p{N}]/u.test(s)) return { ok: false, reason: { code: 'empty' } }
  if (/^\d+$/.test(s)) {
    const b = parseBuilding(s)
    if (!b.ok) return { ok: false, reason: { code: 'building', written: s, max: MAX_BUILDING } }
    return { ok: true, value: { building: b.value, place: buildingLabel(b.value) } }
  }
  const parts = extractPlace(s)
  if (parts.badBuilding !== undefined) return { ok: false, reason: { code: 'building', written: parts.badBuilding, max: MAX_BUILDING } }
  const found = placeOf(parts)
  if (found) return { ok: true, value: found }

  // a place we have no word for (篮球场旁边, 快递柜那里): keep the person's words if short
  const free = s.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim()
  if (DONT_KNOW.test(free)) return { ok: false, reason: { code: 'dontKnow' } }
  if (free === '' || !/[\p{Script=Han}\p{L}]/u.test(free)) return { ok: false, reason: { code: 'unreadable' } }
  if ([...free].length > MAX_FREE_PLACE) return { ok: false, reason: { code: 'tooLong', max: MAX_FREE_PLACE } }
  return { ok: true, value: { place: free } }
}
