import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { Db } from './client.js'
import { communities, roomMembers, rooms } from './schema.js'
import type { Room } from './rooms.js'

/** The street's 推进办 group (at most one per deployment). */
export async function streetRoomOf(db: Db): Promise<Room | undefined> {
  const [row] = await db.select().from(rooms).where(eq(rooms.kind, 'street'))
  return row
}

export async function bindStreetRoom(db: Db, p: { roomId: number }): Promise<Room> {
  const [row] = await db.update(rooms).set({ kind: 'street', communityId: null, buildingId: null }).where(eq(rooms.id, p.roomId)).returning()
  return row!
}

/** A member of the (present) street group. */
export async function isInStreetRoom(db: Db, p: { personId: number }): Promise<boolean> {
  const [row] = await db
    .select({ id: rooms.id })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .where(and(eq(roomMembers.personId, p.personId), eq(rooms.kind, 'street'), eq(rooms.present, true)))
    .limit(1)
  return row !== undefined
}

/** Every community of the street, in the order they were made. */
export async function streetCommunities(db: Db) {
  return db.select({ id: communities.id, name: communities.name }).from(communities).orderBy(asc(communities.id))
}

/** How many of these rooms each bot account is in (a street notice goes out through all of them at once). */
export async function roomsPerAccount(db: Db, p: { roomIds: number[] }): Promise<{ account: string; rooms: number }[]> {
  if (!p.roomIds.length) return []
  const rows = await db
    .select({ account: rooms.account, rooms: count() })
    .from(rooms)
    .where(and(inArray(rooms.id, p.roomIds), eq(rooms.present, true)))
    .groupBy(rooms.account)
  return rows.map((r) => ({ account: r.account, rooms: Number(r.rooms) }))
}
