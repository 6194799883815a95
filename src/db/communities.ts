import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from './client.js'
import { buildings, communities } from './schema.js'

export type Community = typeof communities.$inferSelect
export type Building = typeof buildings.$inferSelect

export async function ensureCommunities(db: Db, p: { staffRoomTopics: string[]; now: Date }): Promise<Community[]> {
  if (p.staffRoomTopics.length === 0) return []
  await db
    .insert(communities)
    .values(p.staffRoomTopics.map((t) => ({ name: t, staffRoomTopic: t, createdAt: p.now })))
    .onConflictDoNothing()
  return db.select().from(communities).where(inArray(communities.staffRoomTopic, p.staffRoomTopics))
}

export async function getCommunity(db: Db, p: { id: number }): Promise<Community | undefined> {
  const [row] = await db.select().from(communities).where(eq(communities.id, p.id))
  return row
}

export async function findBuilding(db: Db, p: { communityId: number; number: number }): Promise<Building | undefined> {
  const [row] = await db
    .select()
    .from(buildings)
    .where(and(eq(buildings.communityId, p.communityId), eq(buildings.number, p.number)))
  return row
}

export async function ensureBuilding(db: Db, p: { communityId: number; number: number; now: Date }): Promise<Building> {
  await db
    .insert(buildings)
    .values({ communityId: p.communityId, number: p.number, createdAt: p.now })
    .onConflictDoNothing()
  const row = await findBuilding(db, p)
  if (!row) throw new Error(`building ${p.number} vanished`)
  return row
}

export async function getBuilding(db: Db, p: { id: number; communityId: number }): Promise<Building | undefined> {
  const [row] = await db
    .select()
    .from(buildings)
    .where(and(eq(buildings.id, p.id), eq(buildings.communityId, p.communityId)))
  return row
}

/** The building a group is bound to (in the group's community), if any. */
export async function buildingOfRoom(db: Db, room: { buildingId: number | null; communityId: number | null }): Promise<Building | undefined> {
  if (room.buildingId === null || room.communityId === null) return undefined
  return getBuilding(db, { id: room.buildingId, communityId: room.communityId })
}
