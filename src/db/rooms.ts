import { and, desc, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm'
import type { RoomRef } from '../chat/types.js'
import type { Db } from './client.js'
import { roomMembers, rooms } from './schema.js'

export type Room = typeof rooms.$inferSelect

/** A puppet room as one account's login sees it. */
export interface RoomLookup {
  account: string
  ref: RoomRef
  now: Date
  loginAt: Date
  members?: MemberEvidence
}

/** What resolving did: a new row, a rename of a known one, or nothing worth telling. */
export type RoomChange = 'new' | 'renamed' | null

const privileged = (r: Room) => r.kind !== 'other' || r.buildingId !== null

/** The group's members as this login sees them (the bot's own nickname apart). */
export interface MemberEvidence {
  nicknames: string[]
  botNickname?: string
}

/**
 * Of several stale rows with this topic, the one whose members the snapshot shares. A room that
 * carries a role (staff, building, council) is handed over only on clear evidence: the unique
 * best overlap, covering at least half of its old members. Without a member list, only plain rows.
 */
async function pickStale(db: Db, candidates: Room[], members: MemberEvidence | undefined): Promise<Room | undefined> {
  if (!candidates.length) return undefined
  if (members === undefined) return candidates.find((c) => !privileged(c))
  const wanted = new Set(members.nicknames)
  const scored = []
  for (const c of candidates) {
    const rows = await db.select({ nickname: roomMembers.nickname }).from(roomMembers).where(eq(roomMembers.roomId, c.id))
    const old = rows.filter((m) => m.nickname !== members.botNickname)
    scored.push({ c, shared: old.filter((m) => wanted.has(m.nickname)).length, total: old.length })
  }
  const most = Math.max(...scored.map((x) => x.shared))
  const top = scored.filter((x) => x.shared === most)
  // two rooms look the same: never hand over one that carries a role
  if (top.length > 1) return top.find((x) => !privileged(x.c))?.c
  const best = top[0]!
  if (!privileged(best.c)) return best.c
  return best.shared > 0 && best.shared * 2 >= best.total ? best.c : undefined
}

/**
 * The lasting room row for a puppet room. Ids change on re-login: a room not known by its
 * puppet id is matched by topic (and, given, its members) among rows whose mapping predates
 * this login. A topic never makes a staff group here (see services/staffRoom).
 */
export async function resolveRoomRow(
  db: Db,
  p: RoomLookup,
): Promise<{ room: Room; change: RoomChange }> {
  const [known] = await db.select().from(rooms).where(and(eq(rooms.account, p.account), eq(rooms.puppetId, p.ref.puppetId)))
  // only this account's rows: another account's login has its own ids for its own groups
  const staleOf = (topic: string) =>
    db
      .select()
      .from(rooms)
      .where(and(eq(rooms.account, p.account), eq(rooms.topic, topic), or(isNull(rooms.puppetId), lt(rooms.puppetSeenAt, p.loginAt))))
      .orderBy(desc(rooms.puppetSeenAt))
  if (known) {
    // made during this login before its members were known (a message came first): a row with
    // a role may still be this room's, now that the members show it
    if (p.members && !privileged(known) && known.createdAt >= p.loginAt) {
      const claimed = await pickStale(db, (await staleOf(p.ref.topic)).filter(privileged), p.members)
      if (claimed) {
        await db.update(rooms).set({ puppetId: null, present: false }).where(eq(rooms.id, known.id))
        return { room: await updateRoomSeen(db, claimed, p), change: null }
      }
    }
    const renamed = known.topic !== p.ref.topic
    if (renamed || !known.present || !known.puppetSeenAt || known.puppetSeenAt < p.loginAt) {
      return { room: await updateRoomSeen(db, known, p), change: renamed ? 'renamed' : null }
    }
    return { room: known, change: null }
  }
  const stale = await pickStale(db, await staleOf(p.ref.topic), p.members)
  if (stale) return { room: await updateRoomSeen(db, stale, p), change: null }

  const [created] = await db
    .insert(rooms)
    .values({ account: p.account, topic: p.ref.topic, puppetId: p.ref.puppetId, puppetSeenAt: p.now, kind: 'other', communityId: null, createdAt: p.now })
    .onConflictDoUpdate({ target: [rooms.account, rooms.puppetId], set: { topic: p.ref.topic } })
    .returning()
  return { room: created!, change: 'new' }
}

export async function resolveRoom(db: Db, p: RoomLookup): Promise<Room> {
  return (await resolveRoomRow(db, p)).room
}

async function updateRoomSeen(db: Db, room: Room, p: { ref: RoomRef; now: Date }): Promise<Room> {
  const [row] = await db
    .update(rooms)
    .set({ puppetId: p.ref.puppetId, puppetSeenAt: p.now, topic: p.ref.topic, present: true })
    .where(eq(rooms.id, room.id))
    .returning()
  return row!
}

/** The community's staff group (bound once; at most one). */
export async function staffRoomOf(db: Db, p: { communityId: number }): Promise<Room | undefined> {
  const [row] = await db.select().from(rooms).where(and(eq(rooms.communityId, p.communityId), eq(rooms.kind, 'staff')))
  return row
}

/** Makes a room the community's staff group; the previous one (if any) becomes a plain group. */
export async function bindStaffRoom(db: Db, p: { communityId: number; roomId: number }): Promise<Room> {
  await db.update(rooms).set({ kind: 'other', communityId: null }).where(and(eq(rooms.communityId, p.communityId), eq(rooms.kind, 'staff')))
  const [row] = await db.update(rooms).set({ kind: 'staff', communityId: p.communityId, buildingId: null }).where(eq(rooms.id, p.roomId)).returning()
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

/** After a login's sync: the account's groups it no longer lists (other accounts' groups are theirs). */
export async function markRoomsAbsent(db: Db, p: { account: string; keepPuppetIds: string[] }): Promise<void> {
  await db
    .update(rooms)
    .set({ present: false })
    .where(and(eq(rooms.account, p.account), p.keepPuppetIds.length ? notInArray(rooms.puppetId, p.keepPuppetIds) : sql`true`))
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
