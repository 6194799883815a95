import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from './client.js'
import { buildings, councilCandidates, councilDraws, roomMembers, rooms } from './schema.js'

export type CouncilDraw = typeof councilDraws.$inferSelect
export type CouncilCandidate = typeof councilCandidates.$inferSelect

/** The community's newest pool, if any. */
export async function latestDraw(db: Db, p: { communityId: number }): Promise<CouncilDraw | undefined> {
  const [row] = await db.select().from(councilDraws).where(eq(councilDraws.communityId, p.communityId)).orderBy(desc(councilDraws.id)).limit(1)
  return row
}

/** The newest pool, locked for this transaction (two staff saying 开奖 at once draw once). */
export async function lockLatestDraw(db: Db, p: { communityId: number }): Promise<CouncilDraw | undefined> {
  const [row] = await db
    .select()
    .from(councilDraws)
    .where(eq(councilDraws.communityId, p.communityId))
    .orderBy(desc(councilDraws.id))
    .limit(1)
    .for('update')
  return row
}

export async function getDraw(db: Db, p: { id: number; communityId: number }): Promise<CouncilDraw | undefined> {
  const [row] = await db
    .select()
    .from(councilDraws)
    .where(and(eq(councilDraws.id, p.id), eq(councilDraws.communityId, p.communityId)))
  return row
}

/** The open pool, created on first use. */
export async function ensureOpenDraw(db: Db, p: { communityId: number; campaignId: number | null; now: Date }): Promise<CouncilDraw> {
  const latest = await latestDraw(db, p)
  if (latest) return latest
  const [row] = await db.insert(councilDraws).values({ communityId: p.communityId, campaignId: p.campaignId, createdAt: p.now }).returning()
  return row!
}

export async function updateDraw(db: Db, p: { id: number; communityId: number; patch: Partial<Omit<CouncilDraw, 'id' | 'communityId'>> }): Promise<CouncilDraw> {
  const [row] = await db
    .update(councilDraws)
    .set(p.patch)
    .where(and(eq(councilDraws.id, p.id), eq(councilDraws.communityId, p.communityId)))
    .returning()
  return row!
}

/** Stores a computation only if no newer 议事会 replaced it meanwhile. */
export async function storeComputed(db: Db, p: { id: number; communityId: number; token: number; computed: Record<string, unknown> }): Promise<boolean> {
  const rows = await db
    .update(councilDraws)
    .set({ computed: p.computed })
    .where(and(eq(councilDraws.id, p.id), eq(councilDraws.communityId, p.communityId), eq(councilDraws.computeToken, p.token), inArray(councilDraws.status, ['open', 'frozen'])))
    .returning({ id: councilDraws.id })
  return rows.length > 0
}

export async function candidateOf(db: Db, p: { communityId: number; drawId: number; personId: number }): Promise<CouncilCandidate | undefined> {
  const [row] = await db
    .select()
    .from(councilCandidates)
    .where(and(eq(councilCandidates.communityId, p.communityId), eq(councilCandidates.drawId, p.drawId), eq(councilCandidates.personId, p.personId)))
  return row
}

export async function getCandidate(db: Db, p: { id: number; communityId: number }): Promise<CouncilCandidate | undefined> {
  const [row] = await db
    .select()
    .from(councilCandidates)
    .where(and(eq(councilCandidates.id, p.id), eq(councilCandidates.communityId, p.communityId)))
  return row
}

export async function insertCandidate(db: Db, p: Omit<typeof councilCandidates.$inferInsert, 'id'>): Promise<CouncilCandidate> {
  const [row] = await db.insert(councilCandidates).values(p).returning()
  return row!
}

export async function updateCandidate(db: Db, p: { id: number; communityId: number; patch: Partial<Omit<CouncilCandidate, 'id' | 'communityId'>> }): Promise<void> {
  await db
    .update(councilCandidates)
    .set(p.patch)
    .where(and(eq(councilCandidates.id, p.id), eq(councilCandidates.communityId, p.communityId)))
}

/** Everyone in the pool (any status), oldest first. */
export async function poolOf(db: Db, p: { communityId: number; drawId: number }): Promise<CouncilCandidate[]> {
  return db
    .select()
    .from(councilCandidates)
    .where(and(eq(councilCandidates.communityId, p.communityId), eq(councilCandidates.drawId, p.drawId)))
    .orderBy(asc(councilCandidates.id))
}

/** Withdraws a person's applications in pools not yet published (PIPL erase). */
export async function withdrawUnpublished(db: Db, p: { personId: number }): Promise<void> {
  const rows = await db
    .select({ id: councilCandidates.id })
    .from(councilCandidates)
    .innerJoin(councilDraws, eq(councilDraws.id, councilCandidates.drawId))
    .where(and(eq(councilCandidates.personId, p.personId), inArray(councilDraws.status, ['open', 'frozen'])))
  if (rows.length) await db.delete(councilCandidates).where(inArray(councilCandidates.id, rows.map((r) => r.id)))
}

/** Building numbers of the community (whether or not anyone signed up there). */
export async function buildingNumbers(db: Db, p: { communityId: number }): Promise<number[]> {
  const rows = await db.select({ number: buildings.number }).from(buildings).where(eq(buildings.communityId, p.communityId)).orderBy(asc(buildings.number))
  return rows.map((r) => r.number)
}

/** The community's staff groups the bot is in. */
export async function staffRooms(db: Db, p: { communityId: number }) {
  return db.select().from(rooms).where(and(eq(rooms.communityId, p.communityId), eq(rooms.kind, 'staff'), eq(rooms.present, true)))
}

export async function councilRooms(db: Db, p: { communityId: number }) {
  return db.select().from(rooms).where(and(eq(rooms.communityId, p.communityId), eq(rooms.kind, 'council'), eq(rooms.present, true)))
}

export async function bindRoomAsCouncil(db: Db, p: { roomId: number; communityId: number }): Promise<void> {
  await db.update(rooms).set({ kind: 'council', communityId: p.communityId, buildingId: null }).where(eq(rooms.id, p.roomId))
}

export async function pendingRecommendation(db: Db, p: { communityId: number; drawId: number; personId: number }): Promise<CouncilCandidate | undefined> {
  const [row] = await db
    .select()
    .from(councilCandidates)
    .where(and(eq(councilCandidates.communityId, p.communityId), eq(councilCandidates.drawId, p.drawId), eq(councilCandidates.personId, p.personId), eq(councilCandidates.status, 'pending')))
    .orderBy(desc(councilCandidates.id))
  return row
}

/** The group nickname (群昵称) someone has in a room. */
export async function nicknameIn(db: Db, p: { roomId: number; personId: number }): Promise<string | undefined> {
  const [row] = await db
    .select({ nickname: roomMembers.nickname })
    .from(roomMembers)
    .where(and(eq(roomMembers.roomId, p.roomId), eq(roomMembers.personId, p.personId)))
  return row?.nickname || undefined
}
