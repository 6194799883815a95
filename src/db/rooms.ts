import { and, desc, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm'
import type { RoomRef } from '../chat/types.js'
import type { Db } from './client.js'
import { communities, roomMembers, rooms } from './schema.js'

export type Room = typeof rooms.$inferSelect

/** The staff room of a community is known by its topic, whatever the puppet id. */
async function staffCommunityFor(db: Db, topic: string): Promise<number | undefined> {
  const [c] = await db.select({ id: communities.id }).from(communities).where(eq(communities.staffRoomTopic, topic))
  return c?.id
}

/**
 * The lasting room row for a puppet room. Ids change on re-login: a room not known by its
 * puppet id is matched by topic among rows whose mapping predates this login.
 */
export async function resolveRoom(db: Db, p: { ref: RoomRef; now: Date; loginAt: Date }): Promise<Room> {
  const [known] = await db.select().from(rooms).where(eq(rooms.puppetId, p.ref.puppetId))
  if (known) {
    if (known.topic !== p.ref.topic || !known.present || !known.puppetSeenAt || known.puppetSeenAt < p.loginAt) {
      return updateRoomSeen(db, known, p)
    }
    return known
  }
  const [stale] = await db
    .select()
    .from(rooms)
    .where(and(eq(rooms.topic, p.ref.topic), or(isNull(rooms.puppetId), lt(rooms.puppetSeenAt, p.loginAt))))
    .orderBy(sql`${rooms.buildingId} is null`, desc(rooms.puppetSeenAt))
    .limit(1)
  if (stale) return updateRoomSeen(db, stale, p)

  const staffOf = await staffCommunityFor(db, p.ref.topic)
  const [created] = await db
    .insert(rooms)
    .values({
      topic: p.ref.topic,
      puppetId: p.ref.puppetId,
      puppetSeenAt: p.now,
      kind: staffOf ? 'staff' : 'other',
      communityId: staffOf ?? null,
      createdAt: p.now,
    })
    .onConflictDoUpdate({ target: rooms.puppetId, set: { topic: p.ref.topic } })
    .returning()
  return created!
}

async function updateRoomSeen(db: Db, room: Room, p: { ref: RoomRef; now: Date }): Promise<Room> {
  const patch: Partial<Room> = { puppetId: p.ref.puppetId, puppetSeenAt: p.now, topic: p.ref.topic, present: true }
  if (room.kind !== 'building' && room.kind !== 'council' && room.topic !== p.ref.topic) {
    // a renamed group may become (or stop being) a staff group
    const staffOf = await staffCommunityFor(db, p.ref.topic)
    patch.kind = staffOf ? 'staff' : 'other'
    patch.communityId = staffOf ?? (room.kind === 'staff' ? null : room.communityId)
  }
  const [row] = await db.update(rooms).set(patch).where(eq(rooms.id, room.id)).returning()
  return row!
}

export async function getRoom(db: Db, p: { id: number }): Promise<Room | undefined> {
  const [row] = await db.select().from(rooms).where(eq(rooms.id, p.id))
  return row
}

export async function bindRoomToBuilding(
  db: Db,
  p: { roomId: number; communityId: number; buildingId: number },
): Promise<Room> {
  const [row] = await db
    .update(rooms)
    .set({ kind: 'building', communityId: p.communityId, buildingId: p.buildingId })
    .where(eq(rooms.id, p.roomId))
    .returning()
  return row!
}

export async function roomsOfBuilding(db: Db, p: { buildingId: number }): Promise<Room[]> {
  return db.select().from(rooms).where(and(eq(rooms.buildingId, p.buildingId), eq(rooms.present, true)))
}

export async function markRoomsAbsent(db: Db, p: { keepPuppetIds: string[] }): Promise<void> {
  await db
    .update(rooms)
    .set({ present: false })
    .where(p.keepPuppetIds.length ? notInArray(rooms.puppetId, p.keepPuppetIds) : sql`true`)
}

export async function removeRoomMembers(db: Db, p: { roomId: number; keepPersonIds: number[] }): Promise<void> {
  await db
    .delete(roomMembers)
    .where(
      and(
        eq(roomMembers.roomId, p.roomId),
        p.keepPersonIds.length ? notInArray(roomMembers.personId, p.keepPersonIds) : sql`true`,
      ),
    )
}
