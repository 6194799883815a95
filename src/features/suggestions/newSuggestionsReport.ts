import type { Db } from '../../db/client.js'
import { duplicateCandidates, suggestionsSince } from '../../db/suggestions.js'
import type { Category } from '../../domain/suggestions/lexicon.js'
import { findDuplicates } from '../../domain/suggestions/similarity.js'
import { reportText as t } from './text.js'

/**
 * New suggestions since `since`, grouped by building and category, with the pairs that look
 * like the same thing (proposed for merging by staff; nothing is merged here). Null if none.
 */
export async function newSuggestionsReport(db: Db, p: { communityId: number; since: Date; timeZone: string }): Promise<string | null> {
  const { fresh, supports } = await suggestionsSince(db, p)
  if (!fresh.length && !supports.length) return null
  const groups = new Map<string, Map<string, string[]>>()
  for (const { s, building, by } of fresh) {
    const where = t.where(building)
    const byCategory = groups.get(where) ?? new Map<string, string[]>()
    const list = byCategory.get(s.category) ?? []
    list.push(t.entry({ id: s.id, problem: s.problem, proxyFor: s.proxyFor, by }))
    byCategory.set(s.category, list)
    groups.set(where, byCategory)
  }
  return t.report({
    fresh: fresh.length,
    supports: supports.length,
    since: p.since.getTime() > 0 ? p.since : null,
    timeZone: p.timeZone,
    groups: [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true })).map(([where, byCategory]) => [where, [...byCategory]]),
    pairs: await proposedDuplicates(db, { communityId: p.communityId, fresh: fresh.map((f) => f.s) }),
  })
}

async function proposedDuplicates(
  db: Db,
  p: { communityId: number; fresh: { id: number; problem: string; features: string[]; buildingId: number | null; place: string | null; placeKind: string | null; category: string }[] },
): Promise<[number, number][]> {
  const pairs: [number, number][] = []
  const seen = new Set<string>()
  for (const s of p.fresh) {
    const candidates = (await duplicateCandidates(db, { communityId: p.communityId, buildingId: s.buildingId, placeKind: s.placeKind, category: s.category })).filter((c) => c.id !== s.id)
    const [best] = findDuplicates(
      { text: s.problem, building: s.buildingId, place: s.place, placeKind: s.placeKind, category: s.category as Category },
      candidates.map((c) => ({ id: c.id, text: c.problem, features: c.features, building: s.buildingId, place: c.place, placeKind: c.placeKind, category: c.category as Category })),
      { limit: 1 },
    )
    if (!best) continue
    const pair: [number, number] = [Math.min(s.id, best.id), Math.max(s.id, best.id)]
    if (seen.has(pair.join())) continue
    seen.add(pair.join())
    pairs.push(pair)
  }
  return pairs
}
