/**
 * The "碎片化" check: two works on the same place at the same time (the road dug up twice, a garden
 * replanted while the pipes under it are still to be laid) are flagged to the staff so they coordinate.
 */
import { buildingLabel } from '../address.js'
import { projectCode } from '../codes.js'
import { convertNumerals, normalizeWidth } from '../text.js'
import { formatDay } from './due.js'

export interface Work {
  id: number
  project: number
  partner: string
  places: string[]
  startsAt: Date
  dueAt: Date
}

const TRAILING_VAGUE = /(?:的|处|附近|周边|周围|旁边|一带|边上|那里|那边|这里|这边)$/

function normalizePlace(place: string): string {
  let s = normalizeWidth(place).replace(/\s+/g, '').trim()
  for (let prev = ''; prev !== s; ) {
    prev = s
    s = s.replace(TRAILING_VAGUE, '')
  }
  return s
}

const buildingOf = (key: string): number | undefined => (/^b:(\d+)$/.exec(key) ? Number(key.slice(2)) : undefined)

function compareKeys(a: string, b: string): number {
  const ba = buildingOf(a)
  const bb = buildingOf(b)
  if (ba !== undefined && bb !== undefined) return ba - bb
  if (ba !== undefined) return -1
  if (bb !== undefined) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Place keys of a project from its suggestions: 'b:3' for building 3 (its place text is within the
 * building); 'a:<normalised place>' for a place outside any building (中心花园, 小区大门). Deduplicated,
 * buildings first (by number), then places.
 */
export function placeKeys(suggestions: { building: number | null; place: string | null }[]): string[] {
  const keys = new Set<string>()
  for (const s of suggestions) {
    if (s.building !== null && Number.isInteger(s.building)) {
      keys.add(`b:${s.building}`)
      continue
    }
    if (s.place === null) continue
    const place = normalizePlace(s.place)
    if (!place) continue
    // a place that is just a building (3号楼, 三栋) is that building
    const b = /^(?:第)?(\d{1,3})(?:号楼|栋|幢|座|号)$/.exec(convertNumerals(place))
    keys.add(b ? `b:${Number(b[1])}` : `a:${place}`)
  }
  return [...keys].sort(compareKeys)
}

/** 'b:3' → '3号楼', 'a:中心花园' → '中心花园'. */
export function placeLabel(key: string): string {
  const b = buildingOf(key)
  if (b !== undefined) return buildingLabel(b)
  return key.startsWith('a:') ? key.slice(2) : key
}

/** Closed-open windows [startsAt, dueAt) overlap; ones that merely touch, or are empty, do not. */
function overlaps(a: Work, b: Work): boolean {
  const [as, ad, bs, bd] = [a.startsAt.getTime(), a.dueAt.getTime(), b.startsAt.getTime(), b.dueAt.getTime()]
  return as < ad && bs < bd && as < bd && bs < ad
}

/** The existing works that share a place with `work` and whose windows overlap; never the same project. */
export function findConflicts(work: Work, existing: Work[]): { other: Work; places: string[] }[] {
  const mine = new Set(work.places)
  const out: { other: Work; places: string[] }[] = []
  for (const other of existing) {
    if (other.project === work.project || other.id === work.id) continue
    const shared = [...new Set(other.places.filter((p) => mine.has(p)))].sort(compareKeys)
    if (shared.length && overlaps(work, other)) out.push({ other, places: shared })
  }
  return out
}

const shortName = (s: string, n = 16): string => {
  const c = [...s]
  return c.length > n ? `${c.slice(0, n).join('')}…` : s
}

/**
 * One line for the staff group: ⚠️ 施工冲突：P3「绿化改造」（绿化所，12月1日–12月31日）与 P5「管网改造」
 * （水务所，12月10日–1月15日）都在 3号楼、中心花园 施工，时间重叠，请协调先后。
 */
export function conflictText(a: Work & { name: string }, b: Work & { name: string }, places: string[], timeZone: string): string {
  const window = (w: Work): string =>
    `${formatDay(w.startsAt, timeZone, a.startsAt)}–${formatDay(w.dueAt, timeZone, a.startsAt)}`
  const side = (w: Work & { name: string }): string => `${projectCode(w.project)}「${shortName(w.name)}」（${shortName(w.partner, 12)}，${window(w)}）`
  const where = places.map(placeLabel).join('、') || '同一地点'
  return `⚠️ 施工冲突：${side(a)}与${side(b)}都在 ${where} 施工，时间重叠，请协调先后。`
}
