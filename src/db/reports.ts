import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.js'
import { buildings, people, reportSupports, reports, roles, roomMembers, rooms } from './schema.js'

export type Report = typeof reports.$inferSelect
export type ReportStatus = 'open' | 'taken' | 'handled' | 'suggested' | 'declined'

/** still waiting for someone to act on it */
export const OPEN_STATUSES: ReportStatus[] = ['open', 'taken']

/** the role a grid member (网格员) holds, once per building */
export const GRID_ROLE = 'grid_member'

/** The building of a report, joined in its community (co-located). */
const reportBuilding = and(eq(buildings.communityId, reports.communityId), eq(buildings.id, reports.buildingId))!

export async function createReport(db: Db, p: Omit<typeof reports.$inferInsert, 'id'>): Promise<Report> {
  const [row] = await db.insert(reports).values(p).returning()
  return row!
}

export async function getReport(db: Db, p: { id: number; communityId: number }): Promise<(Report & { building: number | null }) | undefined> {
  const [row] = await db
    .select({ r: reports, building: buildings.number })
    .from(reports)
    .leftJoin(buildings, reportBuilding)
    .where(and(eq(reports.id, p.id), eq(reports.communityId, p.communityId)))
  return row ? { ...row.r, building: row.building } : undefined
}

/** Open reports that could be the same thing: same building (or, without one, same kind of place) and category. */
export async function reportDuplicateCandidates(db: Db, p: { communityId: number; buildingId: number | null; placeKind: string | null; category: string }) {
  const where =
    p.buildingId !== null
      ? eq(reports.buildingId, p.buildingId)
      : and(isNull(reports.buildingId), p.placeKind ? eq(reports.placeKind, p.placeKind) : isNull(reports.placeKind))
  return db
    .select({ id: reports.id, problem: reports.problem, features: reports.features, place: reports.place, placeKind: reports.placeKind, category: reports.category })
    .from(reports)
    .where(and(eq(reports.communityId, p.communityId), eq(reports.category, p.category), inArray(reports.status, OPEN_STATUSES), where))
    .limit(2000)
}

/** A +1; false when this person already backed (or made) it. */
export async function addReportSupport(db: Db, p: Omit<typeof reportSupports.$inferInsert, 'id'>): Promise<boolean> {
  const rows = await db.insert(reportSupports).values(p).onConflictDoNothing().returning({ id: reportSupports.id })
  return rows.length > 0
}

export async function supportCount(db: Db, p: { communityId: number; reportId: number }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reportSupports)
    .where(and(eq(reportSupports.communityId, p.communityId), eq(reportSupports.reportId, p.reportId)))
  return row?.n ?? 0
}

/** Moves a report on, only from the given statuses (two grid members acting at once: one wins). */
export async function moveReport(
  db: Db,
  p: { id: number; communityId: number; from: ReportStatus[]; set: Partial<typeof reports.$inferInsert> },
): Promise<Report | undefined> {
  const [row] = await db
    .update(reports)
    .set(p.set)
    .where(and(eq(reports.id, p.id), eq(reports.communityId, p.communityId), inArray(reports.status, p.from)))
    .returning()
  return row
}

/** A photo added to a report (or to what was done about it). */
export async function attachReportFile(db: Db, p: { id: number; communityId: number; fileId: number; outcome: boolean }): Promise<void> {
  const column = p.outcome ? reports.outcomeFileIds : reports.fileIds
  const set = p.outcome ? { outcomeFileIds: sql`${column} || ${JSON.stringify([p.fileId])}::jsonb` } : { fileIds: sql`${column} || ${JSON.stringify([p.fileId])}::jsonb` }
  await db
    .update(reports)
    .set(set)
    .where(and(eq(reports.id, p.id), eq(reports.communityId, p.communityId)))
}

/** The person's own reports and those they backed, newest first. */
export async function reportsOf(db: Db, p: { personId: number; communityId: number }) {
  const own = await db
    .select({ r: reports, building: buildings.number })
    .from(reports)
    .leftJoin(buildings, reportBuilding)
    .where(and(eq(reports.personId, p.personId), eq(reports.communityId, p.communityId)))
    .orderBy(desc(reports.id))
    .limit(20)
  const backed = await db
    .select({ r: reports, building: buildings.number })
    .from(reportSupports)
    .innerJoin(reports, and(eq(reports.communityId, reportSupports.communityId), eq(reports.id, reportSupports.reportId)))
    .leftJoin(buildings, reportBuilding)
    .where(and(eq(reportSupports.personId, p.personId), eq(reportSupports.communityId, p.communityId)))
    .orderBy(desc(reports.id))
    .limit(20)
  return { own, backed }
}

/** Open reports, oldest first, with their building and who took them; only these buildings when given. */
export async function openReports(db: Db, p: { communityId: number; buildingIds?: number[] }) {
  if (p.buildingIds && !p.buildingIds.length) return []
  return db
    .select({ r: reports, building: buildings.number, taker: people.name })
    .from(reports)
    .leftJoin(buildings, reportBuilding)
    .leftJoin(people, eq(people.id, reports.takenBy))
    .where(and(eq(reports.communityId, p.communityId), inArray(reports.status, OPEN_STATUSES), p.buildingIds ? inArray(reports.buildingId, p.buildingIds) : undefined))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .limit(500)
}

/** Who hears back about a report: its reporter and those who backed it, each where they said it. */
export async function reportAudience(db: Db, p: { communityId: number; reportId: number }): Promise<{ personId: number; roomId: number | null }[]> {
  const [report] = await db
    .select({ personId: reports.personId, roomId: reports.roomId })
    .from(reports)
    .where(and(eq(reports.id, p.reportId), eq(reports.communityId, p.communityId)))
  const backers = await db
    .select({ personId: reportSupports.personId, roomId: reportSupports.roomId })
    .from(reportSupports)
    .where(and(eq(reportSupports.communityId, p.communityId), eq(reportSupports.reportId, p.reportId), isNotNull(reportSupports.personId)))
    .orderBy(asc(reportSupports.id))
  const all = [...(report ? [report] : []), ...backers].filter((x): x is { personId: number; roomId: number | null } => x.personId !== null)
  const roomIds = [...new Set(all.map((a) => a.roomId).filter((r): r is number => r !== null))]
  // still a group the bot is in, with the person still in it: else they are told privately
  const seats = roomIds.length
    ? await db
        .select({ roomId: roomMembers.roomId, personId: roomMembers.personId })
        .from(roomMembers)
        .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
        .where(and(inArray(roomMembers.roomId, roomIds), eq(rooms.present, true)))
    : []
  const seated = new Set(seats.map((s) => `${s.roomId}:${s.personId}`))
  const seen = new Set<number>()
  const out: { personId: number; roomId: number | null }[] = []
  for (const a of all) {
    if (seen.has(a.personId)) continue
    seen.add(a.personId)
    out.push({ personId: a.personId, roomId: a.roomId !== null && seated.has(`${a.roomId}:${a.personId}`) ? a.roomId : null })
  }
  return out
}

// --- grid members ---------------------------------------------------------------------------

export async function grantGridMember(db: Db, p: { communityId: number; personId: number; buildingId: number; grantedBy: number; now: Date }): Promise<boolean> {
  const rows = await db
    .insert(roles)
    .values({ communityId: p.communityId, personId: p.personId, role: GRID_ROLE, buildingId: p.buildingId, grantedBy: p.grantedBy, createdAt: p.now })
    .onConflictDoNothing()
    .returning({ id: roles.id })
  return rows.length > 0
}

/** Takes every grid building from the person; how many they had. */
export async function revokeGridMember(db: Db, p: { communityId: number; personId: number }): Promise<number> {
  const rows = await db
    .delete(roles)
    .where(and(eq(roles.communityId, p.communityId), eq(roles.personId, p.personId), eq(roles.role, GRID_ROLE)))
    .returning({ id: roles.id })
  return rows.length
}

/** The buildings this person is the grid member of. */
export async function gridBuildingsOf(db: Db, p: { communityId: number; personId: number }): Promise<{ id: number; number: number }[]> {
  return db
    .select({ id: buildings.id, number: buildings.number })
    .from(roles)
    .innerJoin(buildings, and(eq(buildings.communityId, roles.communityId), eq(buildings.id, roles.buildingId)))
    .where(and(eq(roles.communityId, p.communityId), eq(roles.personId, p.personId), eq(roles.role, GRID_ROLE)))
    .orderBy(asc(buildings.number))
}

export async function gridMembersOfBuilding(db: Db, p: { communityId: number; buildingId: number }): Promise<{ personId: number; name: string }[]> {
  return db
    .select({ personId: people.id, name: people.name })
    .from(roles)
    .innerJoin(people, eq(people.id, roles.personId))
    .where(and(eq(roles.communityId, p.communityId), eq(roles.buildingId, p.buildingId), eq(roles.role, GRID_ROLE)))
    .orderBy(asc(roles.id))
}

/** Every building of the community with its grid members (none: an empty list). */
export async function gridMap(db: Db, p: { communityId: number }) {
  const all = await db.select({ id: buildings.id, number: buildings.number }).from(buildings).where(eq(buildings.communityId, p.communityId)).orderBy(asc(buildings.number))
  const members = await db
    .select({ buildingId: roles.buildingId, name: people.name })
    .from(roles)
    .innerJoin(people, eq(people.id, roles.personId))
    .where(and(eq(roles.communityId, p.communityId), eq(roles.role, GRID_ROLE)))
    .orderBy(asc(roles.id))
  return all.map((b) => ({ ...b, members: members.filter((m) => m.buildingId === b.id).map((m) => m.name) }))
}

// --- timeliness -----------------------------------------------------------------------------

/**
 * Marks and returns the reports to escalate now: nobody took them by `takeBefore`, or nobody
 * closed them by `slaBefore`. Each mark is set once, so each report is escalated once per reason.
 */
export async function markEscalations(db: Db, p: { communityId: number; now: Date; takeBefore: Date; slaBefore: Date }) {
  const untaken = await db
    .update(reports)
    .set({ escalatedTakeAt: p.now })
    .where(and(eq(reports.communityId, p.communityId), eq(reports.status, 'open'), lte(reports.createdAt, p.takeBefore), isNull(reports.escalatedTakeAt)))
    .returning()
  const late = await db
    .update(reports)
    .set({ escalatedSlaAt: p.now })
    .where(and(eq(reports.communityId, p.communityId), inArray(reports.status, OPEN_STATUSES), lte(reports.createdAt, p.slaBefore), isNull(reports.escalatedSlaAt)))
    .returning()
  return { untaken, late }
}

export async function buildingNumbers(db: Db, p: { communityId: number; ids: number[] }): Promise<Map<number, number>> {
  if (!p.ids.length) return new Map()
  const rows = await db
    .select({ id: buildings.id, number: buildings.number })
    .from(buildings)
    .where(and(eq(buildings.communityId, p.communityId), inArray(buildings.id, p.ids)))
  return new Map(rows.map((r) => [r.id, r.number]))
}

/** Reports made, and reports closed, within [since, until): for the coordination summary. */
export async function reportsWithin(db: Db, p: { communityId: number; since: Date; until: Date }) {
  return db
    .select({ building: buildings.number, status: reports.status, createdAt: reports.createdAt, closedAt: reports.closedAt })
    .from(reports)
    .leftJoin(buildings, reportBuilding)
    .where(
      and(
        eq(reports.communityId, p.communityId),
        or(and(gte(reports.createdAt, p.since), lt(reports.createdAt, p.until)), and(gte(reports.closedAt, p.since), lt(reports.closedAt, p.until))),
      ),
    )
}

/** Every report of the community, for the export. */
export async function reportsForExport(db: Db, p: { communityId: number }) {
  const reporter = alias(people, 'reporter')
  const taker = alias(people, 'taker')
  const closer = alias(people, 'closer')
  const backers = sql<number>`(select count(*)::int from ${reportSupports} s where s.community_id = ${reports.communityId} and s.report_id = ${reports.id})`
  return db
    .select({ r: reports, building: buildings.number, reporter: reporter.name, taker: taker.name, closer: closer.name, backers })
    .from(reports)
    .leftJoin(buildings, reportBuilding)
    .leftJoin(reporter, eq(reporter.id, reports.personId))
    .leftJoin(taker, eq(taker.id, reports.takenBy))
    .leftJoin(closer, eq(closer.id, reports.closedBy))
    .where(eq(reports.communityId, p.communityId))
    .orderBy(asc(reports.id))
}
