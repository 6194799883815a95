import { and, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import type { Db } from './client.js'
import { buildings, cursors, drafts, people, suggestionSupports, suggestions } from './schema.js'

export type Suggestion = typeof suggestions.$inferSelect

export async function createSuggestion(db: Db, p: Omit<typeof suggestions.$inferInsert, 'id'>): Promise<Suggestion> {
  const [row] = await db.insert(suggestions).values(p).returning()
  return row!
}

export async function getSuggestion(db: Db, p: { id: number; communityId: number }): Promise<Suggestion | undefined> {
  const [row] = await db.select().from(suggestions).where(and(eq(suggestions.id, p.id), eq(suggestions.communityId, p.communityId)))
  return row
}

/** Open suggestions that could be the same thing: same building (or, without one, same kind of place) and category. */
export async function duplicateCandidates(
  db: Db,
  p: { communityId: number; buildingId: number | null; placeKind: string | null; category: string },
) {
  const where =
    p.buildingId !== null
      ? eq(suggestions.buildingId, p.buildingId)
      : and(isNull(suggestions.buildingId), p.placeKind ? eq(suggestions.placeKind, p.placeKind) : isNull(suggestions.placeKind))
  return db
    .select({ id: suggestions.id, problem: suggestions.problem, features: suggestions.features, place: suggestions.place, placeKind: suggestions.placeKind, category: suggestions.category, buildingId: suggestions.buildingId })
    .from(suggestions)
    .where(and(eq(suggestions.communityId, p.communityId), eq(suggestions.category, p.category), eq(suggestions.status, 'open'), where))
    .limit(2000)
}

export async function addSupport(db: Db, p: Omit<typeof suggestionSupports.$inferInsert, 'id'>): Promise<void> {
  await db.insert(suggestionSupports).values(p)
}

/** How many said "是同一件事" to the suggestion of the row (a correlated subquery, on its shard). */
export const supportCountSql = sql<number>`(select count(*)::int from ${suggestionSupports} s where s.community_id = ${suggestions.communityId} and s.suggestion_id = ${suggestions.id})`

/** The building of a suggestion, joined in its community (co-located). */
export const suggestionBuilding = and(eq(buildings.communityId, suggestions.communityId), eq(buildings.id, suggestions.buildingId))!

/** A person's own suggestions (and those they +1'd) in a community, newest first, with support counts. */
export async function suggestionsOf(db: Db, p: { communityId: number; personId: number }) {
  const own = await db
    .select({ s: suggestions, supports: supportCountSql, building: buildings.number })
    .from(suggestions)
    .leftJoin(buildings, suggestionBuilding)
    .where(and(eq(suggestions.communityId, p.communityId), or(eq(suggestions.personId, p.personId), eq(suggestions.proxiedBy, p.personId))))
    .orderBy(desc(suggestions.id))
    .limit(30)
  const backed = await db
    .select({ s: suggestions, supports: supportCountSql, building: buildings.number })
    .from(suggestionSupports)
    .innerJoin(suggestions, and(eq(suggestions.communityId, suggestionSupports.communityId), eq(suggestions.id, suggestionSupports.suggestionId)))
    .leftJoin(buildings, suggestionBuilding)
    .where(and(eq(suggestionSupports.communityId, p.communityId), eq(suggestionSupports.personId, p.personId)))
    .orderBy(desc(suggestions.id))
    .limit(30)
  return { own, backed }
}

export async function updateSuggestion(db: Db, p: { id: number; communityId: number; set: Partial<typeof suggestions.$inferInsert> }): Promise<void> {
  await db
    .update(suggestions)
    .set(p.set)
    .where(and(eq(suggestions.id, p.id), eq(suggestions.communityId, p.communityId)))
}

/** Suggestions and +1s created after `since`, with their building and who made them. */
export async function suggestionsSince(db: Db, p: { communityId: number; since: Date }) {
  const fresh = await db
    .select({ s: suggestions, building: buildings.number, by: people.name })
    .from(suggestions)
    .leftJoin(buildings, suggestionBuilding)
    .leftJoin(people, eq(people.id, suggestions.personId))
    .where(and(eq(suggestions.communityId, p.communityId), gt(suggestions.createdAt, p.since), ne(suggestions.status, 'withdrawn')))
    .orderBy(suggestions.id)
  const supports = await db
    .select({ suggestionId: suggestionSupports.suggestionId })
    .from(suggestionSupports)
    .innerJoin(suggestions, and(eq(suggestions.communityId, suggestionSupports.communityId), eq(suggestions.id, suggestionSupports.suggestionId)))
    .where(and(eq(suggestionSupports.communityId, p.communityId), gt(suggestionSupports.createdAt, p.since)))
  return { fresh, supports }
}

export async function openSuggestionsIn(db: Db, p: { communityId: number; ids: number[] }) {
  if (!p.ids.length) return []
  return db.select().from(suggestions).where(and(eq(suggestions.communityId, p.communityId), inArray(suggestions.id, p.ids)))
}

export async function readCursor(db: Db, p: { communityId: number; name: string }): Promise<Date> {
  const [row] = await db.select().from(cursors).where(and(eq(cursors.communityId, p.communityId), eq(cursors.name, p.name)))
  return row?.at ?? new Date(0)
}

export async function moveCursor(db: Db, p: { communityId: number; name: string; at: Date }): Promise<void> {
  await db
    .insert(cursors)
    .values(p)
    .onConflictDoUpdate({ target: [cursors.communityId, cursors.name], set: { at: p.at } })
}

export async function saveDraft(db: Db, p: Omit<typeof drafts.$inferInsert, 'id'>): Promise<void> {
  await db
    .insert(drafts)
    .values(p)
    .onConflictDoUpdate({ target: [drafts.personId, drafts.name], set: { chatKey: p.chatKey, step: p.step, version: p.version, state: p.state, savedAt: p.savedAt } })
}

export async function takeDraft(db: Db, p: { personId: number; name: string }) {
  const [row] = await db.select().from(drafts).where(and(eq(drafts.personId, p.personId), eq(drafts.name, p.name)))
  return row
}

export async function dropDraft(db: Db, p: { personId: number; name: string }): Promise<void> {
  await db.delete(drafts).where(and(eq(drafts.personId, p.personId), eq(drafts.name, p.name)))
}
