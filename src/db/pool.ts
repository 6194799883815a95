import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from './client.js'
import { buildings, poolEvents, projects, suggestionSupports, suggestions } from './schema.js'
import { suggestionBuilding, supportCountSql } from './suggestions.js'

export type Project = typeof projects.$inferSelect
export type PoolEvent = typeof poolEvents.$inferSelect

export async function createProject(db: Db, p: { communityId: number; campaignId: number | null; name: string; createdBy: number; now: Date }): Promise<Project> {
  const [row] = await db.insert(projects).values({ ...p, createdAt: p.now }).returning()
  return row!
}

export async function getProject(db: Db, p: { id: number; communityId: number }): Promise<Project | undefined> {
  const [row] = await db.select().from(projects).where(and(eq(projects.id, p.id), eq(projects.communityId, p.communityId)))
  return row
}

export async function renameProjectRow(db: Db, p: { id: number; communityId: number; name: string }): Promise<void> {
  await db
    .update(projects)
    .set({ name: p.name })
    .where(and(eq(projects.id, p.id), eq(projects.communityId, p.communityId)))
}

export async function suggestionsByIds(db: Db, p: { communityId: number; ids: number[] }) {
  if (!p.ids.length) return []
  return db.select().from(suggestions).where(and(eq(suggestions.communityId, p.communityId), inArray(suggestions.id, p.ids)))
}

/** Moves suggestions into a project (merged) or back out of it (open). */
export async function setProjectOf(db: Db, p: { communityId: number; ids: number[]; projectId: number | null; now: Date }): Promise<void> {
  if (!p.ids.length) return
  await db
    .update(suggestions)
    .set({ projectId: p.projectId, status: p.projectId === null ? 'open' : 'merged', updatedAt: p.now })
    .where(and(eq(suggestions.communityId, p.communityId), inArray(suggestions.id, p.ids)))
}

export async function recordPoolEvent(db: Db, p: Omit<typeof poolEvents.$inferInsert, 'id'>): Promise<void> {
  await db.insert(poolEvents).values(p)
}

export async function lastPoolEvent(db: Db, p: { communityId: number }): Promise<PoolEvent | undefined> {
  const [row] = await db
    .select()
    .from(poolEvents)
    .where(and(eq(poolEvents.communityId, p.communityId), isNull(poolEvents.undoneAt)))
    .orderBy(desc(poolEvents.id))
    .limit(1)
  return row
}

export async function markUndone(db: Db, p: { id: number; communityId: number; now: Date }): Promise<void> {
  await db
    .update(poolEvents)
    .set({ undoneAt: p.now })
    .where(and(eq(poolEvents.id, p.id), eq(poolEvents.communityId, p.communityId)))
}

export async function projectHistory(db: Db, p: { communityId: number; projectId: number }) {
  return db
    .select()
    .from(poolEvents)
    .where(and(eq(poolEvents.communityId, p.communityId), eq(poolEvents.projectId, p.projectId)))
    .orderBy(poolEvents.id)
}

/** Projects with their suggestions, supporters (suggesters + 是) and buildings. */
export async function projectsWithMembers(db: Db, p: { communityId: number; ids?: number[] }) {
  const list = await db
    .select()
    .from(projects)
    .where(and(eq(projects.communityId, p.communityId), p.ids ? inArray(projects.id, p.ids) : undefined))
    .orderBy(projects.id)
  if (!list.length) return []
  const members = await db
    .select({
      projectId: suggestions.projectId,
      id: suggestions.id,
      problem: suggestions.problem,
      place: suggestions.place,
      building: buildings.number,
      supports: supportCountSql,
    })
    .from(suggestions)
    .leftJoin(buildings, suggestionBuilding)
    .where(and(eq(suggestions.communityId, p.communityId), inArray(suggestions.projectId, list.map((x) => x.id))))
    .orderBy(suggestions.id)
  return list.map((project) => {
    const mine = members.filter((m) => m.projectId === project.id)
    return {
      project,
      suggestions: mine,
      supporters: mine.reduce((n, m) => n + 1 + m.supports, 0),
      buildings: [...new Set(mine.map((m) => m.building).filter((b): b is number => b !== null))].sort((a, b) => a - b),
    }
  })
}

/**
 * The people who asked for a project: its suggesters, those who said "是同一件事", and the
 * building heads who typed one in for a neighbour (they pass the news on).
 */
export async function projectPeople(db: Db, p: { communityId: number; projectIds: number[] }): Promise<{ projectId: number; personId: number }[]> {
  if (!p.projectIds.length) return []
  const inProjects = and(eq(suggestions.communityId, p.communityId), inArray(suggestions.projectId, p.projectIds), eq(suggestions.status, 'merged'))
  const own = await db
    .select({ projectId: suggestions.projectId, personId: sql<number | null>`coalesce(${suggestions.personId}, ${suggestions.proxiedBy})` })
    .from(suggestions)
    .where(inProjects)
  const supports = await db
    .select({ projectId: suggestions.projectId, personId: sql<number | null>`coalesce(${suggestionSupports.personId}, ${suggestionSupports.proxiedBy})` })
    .from(suggestionSupports)
    .innerJoin(suggestions, and(eq(suggestions.communityId, suggestionSupports.communityId), eq(suggestions.id, suggestionSupports.suggestionId)))
    .where(inProjects)
  const seen = new Set<string>()
  return [...own, ...supports].flatMap((r) => {
    if (r.personId === null || r.projectId === null || seen.has(`${r.projectId}:${r.personId}`)) return []
    seen.add(`${r.projectId}:${r.personId}`)
    return [{ projectId: r.projectId, personId: Number(r.personId) }]
  })
}
