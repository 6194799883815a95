import { and, asc, desc, eq, inArray, isNull, lte } from 'drizzle-orm'
import type { Db } from './client.js'
import { buildings, files, noticeBuildings, notices, people, roles, rooms } from './schema.js'

export type Notice = typeof notices.$inferSelect

/** A file belongs to the community whose record, dialog or export it is for. */
export async function saveFile(db: Db, p: { communityId: number; name: string; mediaType: string; base64: string; now: Date }): Promise<number> {
  const [row] = await db
    .insert(files)
    .values({ communityId: p.communityId, name: p.name, mediaType: p.mediaType, base64: p.base64, createdAt: p.now })
    .returning({ id: files.id })
  return row!.id
}

export async function createNotice(db: Db, p: Omit<typeof notices.$inferInsert, 'id'>): Promise<Notice> {
  const [row] = await db.insert(notices).values(p).returning()
  return row!
}

export async function getNotice(db: Db, p: { id: number; communityId: number }): Promise<Notice | undefined> {
  const [row] = await db.select().from(notices).where(and(eq(notices.id, p.id), eq(notices.communityId, p.communityId)))
  return row
}

export async function latestNotice(db: Db, p: { communityId: number }): Promise<Notice | undefined> {
  const [row] = await db.select().from(notices).where(eq(notices.communityId, p.communityId)).orderBy(desc(notices.id)).limit(1)
  return row
}

/** Buildings that have at least one group the bot is in, with those groups. */
export async function buildingGroups(db: Db, p: { communityId: number }) {
  const rows = await db
    .select({ buildingId: buildings.id, number: buildings.number, roomId: rooms.id })
    .from(buildings)
    .innerJoin(rooms, and(eq(rooms.buildingId, buildings.id), eq(rooms.present, true)))
    .where(eq(buildings.communityId, p.communityId))
    .orderBy(asc(buildings.number), asc(rooms.id))
  const byBuilding = new Map<number, { buildingId: number; number: number; roomIds: number[] }>()
  for (const r of rows) {
    const b = byBuilding.get(r.buildingId) ?? { buildingId: r.buildingId, number: r.number, roomIds: [] }
    b.roomIds.push(r.roomId)
    byBuilding.set(r.buildingId, b)
  }
  return [...byBuilding.values()]
}

export async function addNoticeBuildings(
  db: Db,
  p: { noticeId: number; communityId: number; targets: { buildingId: number; groups: number }[] },
): Promise<void> {
  if (!p.targets.length) return
  await db.insert(noticeBuildings).values(p.targets.map((t) => ({ noticeId: p.noticeId, communityId: p.communityId, ...t })))
}

/** Per building of a notice: number, groups, who confirmed when, whether reminded. */
export async function noticeStatus(db: Db, p: { communityId: number; noticeId: number }) {
  return db
    .select({
      buildingId: noticeBuildings.buildingId,
      number: buildings.number,
      groups: noticeBuildings.groups,
      confirmedAt: noticeBuildings.confirmedAt,
      confirmedBy: people.name,
      remindedAt: noticeBuildings.remindedAt,
    })
    .from(noticeBuildings)
    .innerJoin(buildings, and(eq(buildings.communityId, noticeBuildings.communityId), eq(buildings.id, noticeBuildings.buildingId)))
    .leftJoin(people, eq(people.id, noticeBuildings.confirmedBy))
    .where(and(eq(noticeBuildings.communityId, p.communityId), eq(noticeBuildings.noticeId, p.noticeId)))
    .orderBy(asc(buildings.number))
}

/** The building's most recent notice already due, preferring one not yet confirmed. */
export async function noticeToConfirm(db: Db, p: { communityId: number; buildingId: number; now: Date; noticeId?: number }) {
  const rows = await db
    .select({ notice: notices, confirmedAt: noticeBuildings.confirmedAt })
    .from(noticeBuildings)
    .innerJoin(notices, and(eq(notices.communityId, noticeBuildings.communityId), eq(notices.id, noticeBuildings.noticeId)))
    .where(
      and(
        eq(noticeBuildings.communityId, p.communityId),
        eq(noticeBuildings.buildingId, p.buildingId),
        lte(notices.sendAt, p.now),
        p.noticeId !== undefined ? eq(notices.id, p.noticeId) : undefined,
      ),
    )
    .orderBy(desc(notices.id))
    .limit(20)
  return rows.find((r) => r.confirmedAt === null) ?? rows[0]
}

export async function confirmNoticeBuilding(db: Db, p: { communityId: number; noticeId: number; buildingId: number; personId: number; now: Date }): Promise<void> {
  await db
    .update(noticeBuildings)
    .set({ confirmedAt: p.now, confirmedBy: p.personId })
    .where(and(eq(noticeBuildings.communityId, p.communityId), eq(noticeBuildings.noticeId, p.noticeId), eq(noticeBuildings.buildingId, p.buildingId), isNull(noticeBuildings.confirmedAt)))
}

/** Unconfirmed, never reminded buildings of notices sent at or before `sentBefore`: across communities (the scheduler's scan). */
export async function dueForwardReminders(db: Db, p: { sentBefore: Date }) {
  return db
    .select({ notice: notices, buildingId: noticeBuildings.buildingId, number: buildings.number })
    .from(noticeBuildings)
    .innerJoin(notices, and(eq(notices.communityId, noticeBuildings.communityId), eq(notices.id, noticeBuildings.noticeId)))
    .innerJoin(buildings, and(eq(buildings.communityId, noticeBuildings.communityId), eq(buildings.id, noticeBuildings.buildingId)))
    .where(and(isNull(noticeBuildings.confirmedAt), isNull(noticeBuildings.remindedAt), lte(notices.sendAt, p.sentBefore)))
    .orderBy(asc(notices.id), asc(buildings.number))
}

export async function markReminded(db: Db, p: { communityId: number; noticeId: number; buildingId: number; now: Date }): Promise<boolean> {
  const rows = await db
    .update(noticeBuildings)
    .set({ remindedAt: p.now })
    .where(and(eq(noticeBuildings.communityId, p.communityId), eq(noticeBuildings.noticeId, p.noticeId), eq(noticeBuildings.buildingId, p.buildingId), isNull(noticeBuildings.remindedAt)))
    .returning({ id: noticeBuildings.noticeId })
  return rows.length > 0
}

/** The heads of some buildings, with the nickname to @ them by in each building group. */
export async function headsOf(db: Db, p: { communityId: number; buildingIds: number[] }) {
  if (!p.buildingIds.length) return []
  return db
    .select({ buildingId: roles.buildingId, personId: people.id, name: people.name })
    .from(roles)
    .innerJoin(people, eq(people.id, roles.personId))
    .where(and(eq(roles.communityId, p.communityId), eq(roles.role, 'building_head'), inArray(roles.buildingId, p.buildingIds)))
}
