/**
 * The "碎片化" check: two works on the same place at the same time (the road dug up twice, a garden
 * replanted while the pipes under it are still to be laid) are flagged to the staff so they coordinate.
 */
import { buildingLabel } from '../address.js'
import { convertNumerals, normalizeWidth } from '../text.js'
import { PLACE_BUILDING, PLACE_VAGUE_TAIL } from './lexicon.js'

export interface Work {
  id: number
  project: number
  partner: string
  places: string[]
  startsAt: Date
  dueAt: Date
}

function normalizePlace(place: string): string {
  let s = normalizeWidth(place).replace(/\s+/g, '').trim()
  for (let prev = ''; prev !== s; ) {
    prev = s
    s = s.replace(PLACE_VAGUE_TAIL, '')
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
    const b = PLACE_BUILDING.exec(convertNumerals(place))
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
