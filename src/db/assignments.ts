import { and, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm'
import type { Db } from './client.js'
import { assignments, partners, progressUpdates, projects } from './schema.js'

export type Assignment = typeof assignments.$inferSelect

/** An assignment's partner, joined in its community (co-located). */
const assignmentPartner = and(eq(partners.communityId, assignments.communityId), eq(partners.id, assignments.partnerId))!

/** Each project's current assignment (active, or done once accepted) with its partner's name. */
export async function currentAssignments(db: Db, p: { communityId: number; projectIds: number[] }) {
  const out = new Map<number, { assignment: Assignment; partner: string }>()
  if (!p.projectIds.length) return out
  const rows = await db
    .select({ assignment: assignments, partner: partners.name })
    .from(assignments)
    .innerJoin(partners, assignmentPartner)
    .where(and(eq(assignments.communityId, p.communityId), inArray(assignments.projectId, p.projectIds), inArray(assignments.status, ['active', 'done'])))
    .orderBy(desc(assignments.id))
  for (const r of rows) if (!out.has(r.assignment.projectId)) out.set(r.assignment.projectId, r)
  return out
}

export async function currentAssignment(db: Db, p: { communityId: number; projectId: number }) {
  return (await currentAssignments(db, { communityId: p.communityId, projectIds: [p.projectId] })).get(p.projectId)
}

export async function createAssignment(db: Db, p: Omit<typeof assignments.$inferInsert, 'id'>): Promise<Assignment> {
  const [row] = await db.insert(assignments).values(p).returning()
  return row!
}

export async function endAssignment(db: Db, p: { id: number; communityId: number; status: 'replaced' | 'done'; now: Date }): Promise<void> {
  await db
    .update(assignments)
    .set({ status: p.status, endedAt: p.now })
    .where(and(eq(assignments.id, p.id), eq(assignments.communityId, p.communityId)))
}

/** Active assignments of a community with project and partner names (conflicts, overdue, plan). */
export async function activeWorks(db: Db, p: { communityId: number; exceptProject?: number }) {
  return db
    .select({ assignment: assignments, partner: partners.name, project: projects.name, stage: projects.stage, percent: projects.percent })
    .from(assignments)
    .innerJoin(partners, assignmentPartner)
    .innerJoin(projects, and(eq(projects.communityId, assignments.communityId), eq(projects.id, assignments.projectId)))
    .where(
      and(
        eq(assignments.communityId, p.communityId),
        eq(assignments.status, 'active'),
        p.exceptProject === undefined ? undefined : ne(assignments.projectId, p.exceptProject),
      ),
    )
    .orderBy(assignments.dueAt)
}

export async function addProgress(db: Db, p: Omit<typeof progressUpdates.$inferInsert, 'id'>) {
  const [row] = await db.insert(progressUpdates).values(p).returning()
  return row!
}

export async function attachProgressFile(db: Db, p: { id: number; communityId: number; fileId: number }): Promise<void> {
  await db
    .update(progressUpdates)
    .set({ fileIds: sql`${progressUpdates.fileIds} || ${JSON.stringify([p.fileId])}::jsonb` })
    .where(and(eq(progressUpdates.id, p.id), eq(progressUpdates.communityId, p.communityId)))
}

/** Each project's latest progress update. */
export async function latestProgressOf(db: Db, p: { communityId: number; projectIds: number[] }) {
  const out = new Map<number, typeof progressUpdates.$inferSelect>()
  if (!p.projectIds.length) return out
  const rows = await db
    .select()
    .from(progressUpdates)
    .where(and(eq(progressUpdates.communityId, p.communityId), inArray(progressUpdates.projectId, p.projectIds)))
    .orderBy(desc(progressUpdates.id))
  for (const r of rows) if (!out.has(r.projectId)) out.set(r.projectId, r)
  return out
}

/** Sets a project's stage and/or percent, and marks it changed (the weekly digest). */
export async function setProjectState(db: Db, p: { id: number; communityId: number; stage?: string; percent?: number; now: Date }): Promise<void> {
  await db
    .update(projects)
    .set({ ...(p.stage === undefined ? {} : { stage: p.stage }), ...(p.percent === undefined ? {} : { percent: p.percent }), changedAt: p.now })
    .where(and(eq(projects.id, p.id), eq(projects.communityId, p.communityId)))
}

/** Projects changed since a time, with their latest progress note. */
export async function projectsChangedSince(db: Db, p: { communityId: number; since: Date }) {
  const rows = await db
    .select()
    .from(projects)
    .where(and(eq(projects.communityId, p.communityId), gte(projects.changedAt, p.since)))
    .orderBy(projects.id)
  return rows
}
