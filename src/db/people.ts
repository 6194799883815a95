import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import type { ContactRef } from '../chat/types.js'
import type { Db } from './client.js'
import { people, roles, roomMembers, rooms } from './schema.js'

export type Person = typeof people.$inferSelect

/** a mapping from an earlier login, never one put on hold as ambiguous */
const staleMapping = (loginAt: Date) => and(isNull(people.identityHeldAt), or(isNull(people.puppetId), lt(people.puppetSeenAt, loginAt)))

/** whether a person record carries anything worth stealing: a household or a role */
async function carriesTrust(db: Db, person: Person): Promise<boolean> {
  if (person.householdId !== null) return true
  const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.personId, person.id)).limit(1)
  return role !== undefined
}

/** Puts look-alikes on hold: their records are never handed to anyone by name again. */
async function hold(db: Db, candidates: Person[], now: Date): Promise<Person[]> {
  const held: Person[] = []
  for (const c of candidates) {
    if (!(await carriesTrust(db, c))) continue
    const [row] = await db.update(people).set({ identityHeldAt: now, puppetId: null }).where(eq(people.id, c.id)).returning()
    held.push(row!)
  }
  return held
}

/**
 * The lasting person for a contact. Contact ids change on re-login: someone not known by id is
 * recognised by their group nickname in this room, or (private chat) by name plus a registered
 * household — only among people whose mapping predates this login.
 */
export async function resolvePerson(
  db: Db,
  p: {
    ref: ContactRef
    roomId?: number
    now: Date
    loginAt: Date
    /** nicknames that several members of this room have now: nobody inherits by them */
    ambiguous?: Set<string>
    /** filled with the records put on hold because two contacts matched them equally */
    held?: Person[]
  },
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
      const candidates = rows.map((r) => r.person)
      // one candidate and one contact with that nickname: the same person. Anything else is a
      // guess, and a guess must not hand a household or a role to a look-alike.
      if (candidates.length === 1 && !p.ambiguous?.has(nick)) match = candidates[0]
      else if (candidates.length) p.held?.push(...(await hold(db, candidates, p.now)))
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

/** What a person has put in, for 我的信息: counts only (the lists are 我的建议 / 我的报事 / 积分). */
export async function footprintOf(db: Db, p: { personId: number }): Promise<{ suggestions: number; reports: number; points: number; volunteer: boolean }> {
  const [row] = await db
    .select({
      suggestions: sql<number>`(select count(*) from suggestions where person_id = ${p.personId})`.mapWith(Number),
      reports: sql<number>`(select count(*) from reports where person_id = ${p.personId})`.mapWith(Number),
      points: sql<number>`(select coalesce(sum(balance), 0) from points_accounts where person_id = ${p.personId})`.mapWith(Number),
      volunteer: sql<boolean>`exists (select 1 from volunteers where person_id = ${p.personId})`,
    })
    .from(people)
    .where(eq(people.id, p.personId))
  return row ?? { suggestions: 0, reports: 0, points: 0, volunteer: false }
}
