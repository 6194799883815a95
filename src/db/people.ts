import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import type { ContactRef } from '../chat/types.js'
import type { Db } from './client.js'
import { people, roles, roomMembers, rooms } from './schema.js'

export type Person = typeof people.$inferSelect

const staleMapping = (loginAt: Date) => or(isNull(people.puppetId), lt(people.puppetSeenAt, loginAt))

/** Of several look-alikes, only a unique one is trusted; a registered household breaks ties. */
function pickUnique(candidates: Person[]): Person | undefined {
  if (candidates.length === 1) return candidates[0]
  const registered = candidates.filter((c) => c.householdId !== null)
  return registered.length === 1 ? registered[0] : undefined
}

/**
 * The lasting person for a contact. Contact ids change on re-login: someone not known by id is
 * recognised by their group nickname in this room, or (private chat) by name plus a registered
 * household — only among people whose mapping predates this login.
 */
export async function resolvePerson(
  db: Db,
  p: { ref: ContactRef; roomId?: number; now: Date; loginAt: Date },
): Promise<Person> {
  const { ref } = p
  const [known] = await db.select().from(people).where(eq(people.puppetId, ref.puppetId))
  let person: Person | undefined = known
  if (person) {
    if (person.name !== ref.name || !person.puppetSeenAt || person.puppetSeenAt < p.loginAt) {
      ;[person] = await db
        .update(people)
        .set({ name: ref.name, puppetSeenAt: p.now })
        .where(eq(people.id, person.id))
        .returning()
    }
  } else {
    let match: Person | undefined
    if (p.roomId !== undefined) {
      const nick = ref.nickname || ref.name
      const rows = await db
        .select({ person: people })
        .from(roomMembers)
        .innerJoin(people, eq(people.id, roomMembers.personId))
        .where(and(eq(roomMembers.roomId, p.roomId), eq(roomMembers.nickname, nick), staleMapping(p.loginAt)))
      match = pickUnique(rows.map((r) => r.person))
    } else {
      const rows = await db
        .select()
        .from(people)
        .where(and(eq(people.name, ref.name), isNotNull(people.householdId), staleMapping(p.loginAt)))
      match = rows.length === 1 ? rows[0] : undefined
    }
    if (match) {
      ;[person] = await db
        .update(people)
        .set({ puppetId: ref.puppetId, puppetSeenAt: p.now, name: ref.name })
        .where(eq(people.id, match.id))
        .returning()
    } else {
      ;[person] = await db
        .insert(people)
        .values({ name: ref.name, puppetId: ref.puppetId, puppetSeenAt: p.now, createdAt: p.now })
        .onConflictDoUpdate({ target: people.puppetId, set: { name: ref.name, puppetSeenAt: p.now } })
        .returning()
    }
  }
  if (p.roomId !== undefined) await noteMembership(db, { roomId: p.roomId, personId: person!.id, nickname: ref.nickname || ref.name, now: p.now })
  return person!
}

export async function noteMembership(db: Db, p: { roomId: number; personId: number; nickname: string; now: Date }): Promise<void> {
  await db
    .insert(roomMembers)
    .values({ roomId: p.roomId, personId: p.personId, nickname: p.nickname, updatedAt: p.now })
    .onConflictDoUpdate({
      target: [roomMembers.roomId, roomMembers.personId],
      set: { nickname: p.nickname, updatedAt: p.now },
      setWhere: sql`${roomMembers.nickname} <> excluded.nickname`,
    })
}

export async function getPerson(db: Db, p: { id: number }): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, p.id))
  return row
}

/** Communities whose staff group this person is in. */
export async function staffCommunityIds(db: Db, p: { personId: number }): Promise<number[]> {
  const rows = await db
    .select({ communityId: rooms.communityId })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .where(and(eq(roomMembers.personId, p.personId), eq(rooms.kind, 'staff'), eq(rooms.present, true)))
  // a department's liaison sits in the staff group but acts on their own assignments only
  const liaison = await db
    .select({ communityId: roles.communityId })
    .from(roles)
    .where(and(eq(roles.personId, p.personId), eq(roles.role, 'liaison')))
  const excluded = new Set(liaison.map((r) => r.communityId))
  return [...new Set(rows.map((r) => r.communityId).filter((c): c is number => c !== null && !excluded.has(c)))]
}

/** Communities a person belongs to through the groups they are in. */
export async function memberCommunityIds(db: Db, p: { personId: number }): Promise<number[]> {
  const rows = await db
    .select({ communityId: rooms.communityId })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .where(and(eq(roomMembers.personId, p.personId), isNotNull(rooms.communityId)))
  return [...new Set(rows.map((r) => r.communityId!))]
}

export async function roomsOfPerson(db: Db, p: { personId: number }) {
  return db
    .select({ room: rooms, nickname: roomMembers.nickname })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .where(eq(roomMembers.personId, p.personId))
}

/** Someone @-mentioned: by contact id, else by nickname in the room. */
export async function findMentioned(db: Db, p: { ref: ContactRef; roomId: number }): Promise<Person | undefined> {
  if (p.ref.puppetId) {
    const [byId] = await db.select().from(people).where(eq(people.puppetId, p.ref.puppetId))
    if (byId) return byId
  }
  const rows = await db
    .select({ person: people })
    .from(roomMembers)
    .innerJoin(people, eq(people.id, roomMembers.personId))
    .where(and(eq(roomMembers.roomId, p.roomId), eq(roomMembers.nickname, p.ref.nickname || p.ref.name)))
  return rows.length === 1 ? rows[0]!.person : undefined
}
