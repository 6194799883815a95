/**
 * What a resident's suggestion is about: building, place, category — from their own words.
 * Pure and synchronous; no segmentation needed here (keywords and patterns are enough).
 */
import { buildingLabel, MAX_BUILDING, parseBuilding, type Parsed } from '../address.js'
import { normalizeInput } from '../text.js'
import {
  CATEGORIES,
  CATEGORY_KEYWORDS,
  PLACE_WORDS,
  RELATIVE_PLACE_WORDS,
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
const NEGATED_BEFORE = /(?:不是|并非|不算|无关)$/

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
  let best: Category = '其他'
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

const STRONG_BUILDING = /(?<![\d.])(?:第\s*)?(\d+)\s*(?:号楼|栋|幢|座|#楼?)/
// 5号门口 is 5号楼门口; 5号 alone (a date, a room) is not a building
const WEAK_BUILDING = /(?<![\d.])(?:第\s*)?(\d+)\s*号(?=\s*(?:门口|门前|楼下|楼前|楼后|楼道|单元|电梯|前面|后面|下面|旁边|底下|边上|附近|对面))/
const UNIT = /(?<![\d.])(\d+)\s*单元/
const FLOOR_CENG = /(?<![\d.])(\d+)\s*层/
// 3楼 but not 3号楼 (taken above) nor 3楼道 read as floor + 道
const FLOOR_LOU = /(?<![\d.#号])(\d+)\s*楼(?!道|梯)/
const MAX_FLOOR = 99

function alternation(patterns: readonly string[]): string {
  return patterns.map((p) => `(?:${p})`).join('|')
}
const placeWordRes = PLACE_WORDS.map(([p, kind, canonical]) => ({ re: new RegExp(`^(?:${p})`), kind, canonical }))
const anyPlaceWord = new RegExp(alternation(PLACE_WORDS.map(([p]) => p)), 'g')
const relativeRe = new RegExp(`^\\s*的?\\s*(${alternation(RELATIVE_PLACE_WORDS.map(([p]) => p))})`)

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
    const surface = best.canonical ?? (best.kind === '大门' ? best.surface.replace(/(?<=门)口$/, '') : best.surface)
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
    const r = relativeRe.exec(s.slice(anchorEnd))
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
  if (out.unit !== undefined) parts.push(`${out.unit}单元`)
  if (out.floor !== undefined) parts.push(`${out.floor}楼`)
  if (out.ambiguousFloor !== undefined) parts.push(`${out.ambiguousFloor}楼`)
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

const PLACE_EXAMPLE = '例如「3号楼门口」「小区大门」「车棚」'
const MAX_FREE_PLACE = 20
const LEADING_FILLER = /^(?:地点|位置|地方|在哪|在哪里)?\s*[:：]?\s*(?:就在|是在|就是|在)?\s*/
const TRAILING_FILLER = /(?:这里|那里|那边|这边|那儿|这儿|那块|这块|一带)?[的了啊吧呢哦嘛呀啦。.!?,;~\s]*$/
const DONT_KNOW = /^(?:不知道|不清楚|不确定|忘了|不记得|随便|都行|都可以|没有|无)$/

/** where the person said it happens, for the "where" step: accepts 3号楼门口, 三号楼前面, 小区大门, 车棚, 楼下, 东门… */
export function parsePlace(text: string): Parsed<Place> {
  const s = normalizeInput(text)
  if (s === '' || !/[\p{L}\p{N}]/u.test(s)) {
    return { ok: false, reply: `请说一下在哪里，${PLACE_EXAMPLE}。` }
  }
  if (/^\d+$/.test(s)) {
    const b = parseBuilding(s)
    if (!b.ok) return b
    return { ok: true, value: { building: b.value, place: buildingLabel(b.value) } }
  }
  const parts = extractPlace(s)
  if (parts.badBuilding !== undefined) {
    const b = parseBuilding(`${parts.badBuilding}号楼`)
    return { ok: false, reply: b.ok ? `楼号不对，${PLACE_EXAMPLE}。` : b.reply }
  }
  const found = placeOf(parts)
  if (found) return { ok: true, value: found }

  // a place we have no word for (篮球场旁边, 快递柜那里): keep the person's words if short
  const free = s.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim()
  if (DONT_KNOW.test(free)) {
    return { ok: false, reply: `大概在哪里都可以，${PLACE_EXAMPLE}；说不准就回复「小区里」。` }
  }
  if (free === '' || !/[\p{Script=Han}\p{L}]/u.test(free)) {
    return { ok: false, reply: `没看懂这个地点，${PLACE_EXAMPLE}。` }
  }
  if ([...free].length > MAX_FREE_PLACE) {
    return { ok: false, reply: `地点说短一点就好，${PLACE_EXAMPLE}。` }
  }
  return { ok: true, value: { place: free } }
}
