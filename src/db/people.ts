import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import type { ContactRef } from '../chat/types.js'
import type { Db } from './client.js'
import { people, roles, roomMembers, rooms } from './schema.js'
import { rowsOf } from './scrub.js'

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
    /** the bot account whose login the contact id belongs to */
    account: string
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
  const [known] = await db.select().from(people).where(and(eq(people.account, p.account), eq(people.puppetId, ref.puppetId)))
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
        .where(and(eq(roomMembers.roomId, p.roomId), eq(roomMembers.nickname, nick), eq(people.account, p.account), staleMapping(p.loginAt)))
      const candidates = rows.map((r) => r.person)
      // one candidate and one contact with that nickname: the same person. Anything else is a
      // guess, and a guess must not hand a household or a role to a look-alike.
      if (candidates.length === 1 && !p.ambiguous?.has(nick)) match = candidates[0]
      else if (candidates.length) p.held?.push(...(await hold(db, candidates, p.now)))
    } else {
      const rows = await db
        .select()
        .from(people)
        .where(and(eq(people.account, p.account), eq(people.name, ref.name), isNotNull(people.householdId), staleMapping(p.loginAt)))
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
        .values({ account: p.account, name: ref.name, puppetId: ref.puppetId, puppetSeenAt: p.now, createdAt: p.now })
        .onConflictDoUpdate({ target: [people.account, people.puppetId], set: { name: ref.name, puppetSeenAt: p.now } })
        .returning()
    }
  }
  if (p.roomId !== undefined) await noteMembership(db, { roomId: p.roomId, personId: person!.id, nickname: ref.nickname || ref.name, now: p.now })
  return person!
}

/** Rows per multi-row statement: well under Postgres' 65,535 parameters. */
const CHUNK = 1000

function chunks<T>(xs: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out
}

/**
 * People by contact id, read for many groups at once (a login's sync takes several groups per
 * transaction): resolveMembers keeps it true as it matches, creates and holds records.
 */
export type PeopleByPuppet = Map<string, Person>

export async function peopleByPuppet(db: Db, p: { account: string; puppetIds: string[] }): Promise<PeopleByPuppet> {
  const out: PeopleByPuppet = new Map()
  for (const part of chunks([...new Set(p.puppetIds)])) {
    for (const row of await db.select().from(people).where(and(eq(people.account, p.account), inArray(people.puppetId, part)))) out.set(row.puppetId!, row)
  }
  return out
}

/** A group's stored member list with each member's person record (for matching and for the diff). */
export type StoredMembers = { nickname: string; person: Person }[]

export async function storedMembers(db: Db, p: { roomId: number }): Promise<StoredMembers> {
  return db
    .select({ nickname: roomMembers.nickname, person: people })
    .from(roomMembers)
    .innerJoin(people, eq(people.id, roomMembers.personId))
    .where(eq(roomMembers.roomId, p.roomId))
}

/**
 * The lasting people of a group's members, all at once: what resolvePerson does member by member,
 * in a handful of statements whatever the group's size. Those known by contact id come first (their
 * records are then this login's, never a candidate for someone else); the others are matched by
 * nickname among this room's stale mappings, in the snapshot's order, exactly as one by one: one
 * candidate and a nickname nobody else has → that record; several → the ones carrying trust are
 * put on hold; none → a new person. `known` (contact id → person) must hold every member known by
 * id (peopleByPuppet); it is kept true. Returns the person ids in the members' order.
 */
export async function resolveMembers(
  db: Db,
  p: {
    account: string
    roomId: number
    members: ContactRef[]
    now: Date
    loginAt: Date
    ambiguous: Set<string>
    held: Person[]
    known: PeopleByPuppet
    /** this room's stored members (storedMembers), read before this call */
    stored: StoredMembers
  },
): Promise<number[]> {
  const nick = (m: ContactRef) => m.nickname || m.name
  const byPuppet = new Map<string, ContactRef>()
  for (const m of p.members) byPuppet.set(m.puppetId, m)
  const personOf = new Map<string, number>()

  // 1. known by contact id: refresh name and seen-at where they changed or predate this login
  const refresh: { id: number; name: string }[] = []
  const unknown: ContactRef[] = []
  for (const ref of byPuppet.values()) {
    const k = p.known.get(ref.puppetId)
    if (!k) {
      unknown.push(ref)
      continue
    }
    personOf.set(ref.puppetId, k.id)
    if (k.name !== ref.name || !k.puppetSeenAt || k.puppetSeenAt < p.loginAt) {
      refresh.push({ id: k.id, name: ref.name })
      p.known.set(ref.puppetId, { ...k, name: ref.name, puppetSeenAt: p.now })
    }
  }
  for (const part of chunks(refresh)) {
    const rows = sql.join(part.map((r) => sql`(${r.id}::integer, ${r.name}::text)`), sql`, `)
    await db.execute(sql`update ${people} set name = v.name, puppet_seen_at = ${p.now.toISOString()}::timestamptz from (values ${rows}) as v(id, name) where ${people.id} = v.id`)
  }

  // 2. the others, by nickname among this room's stale mappings (a record just refreshed is not one)
  const matched: { id: number; ref: ContactRef }[] = []
  const fresh: ContactRef[] = []
  if (unknown.length) {
    const mine = new Set(personOf.values())
    const candidates = new Map<string, Person[]>()
    for (const { nickname, person } of p.stored) {
      const stale = person.account === p.account && person.identityHeldAt === null && (person.puppetId === null || !person.puppetSeenAt || person.puppetSeenAt < p.loginAt)
      if (stale && !mine.has(person.id)) candidates.set(nickname, [...(candidates.get(nickname) ?? []), person])
    }
    // a record matched or put on hold is no longer a stale mapping for the members after it
    const taken = new Set<number>()
    for (const ref of unknown) {
      const left = (candidates.get(nick(ref)) ?? []).filter((c) => !taken.has(c.id))
      if (left.length === 1 && !p.ambiguous.has(nick(ref))) {
        taken.add(left[0]!.id)
        matched.push({ id: left[0]!.id, ref })
      } else {
        if (left.length) {
          const held = await hold(db, left, p.now)
          for (const h of held) {
            taken.add(h.id)
            forget(p.known, left.find((c) => c.id === h.id)!)
          }
          p.held.push(...held)
        }
        fresh.push(ref)
      }
    }
  }
  for (const part of chunks(matched)) {
    const rows = sql.join(part.map((m) => sql`(${m.id}::integer, ${m.ref.puppetId}::text, ${m.ref.name}::text)`), sql`, `)
    const updated = rowsOf<{ id: number }>(
      await db.execute(
        sql`update ${people} set puppet_id = v.puppet_id, name = v.name, puppet_seen_at = ${p.now.toISOString()}::timestamptz from (values ${rows}) as v(id, puppet_id, name) where ${people.id} = v.id returning ${people.id}`,
      ),
    )
    if (updated.length !== part.length) throw new Error(`matched ${part.length} people, updated ${updated.length}`)
    for (const m of part) {
      const was = p.stored.find((s) => s.person.id === m.id)!.person
      forget(p.known, was)
      personOf.set(m.ref.puppetId, m.id)
      p.known.set(m.ref.puppetId, { ...was, puppetId: m.ref.puppetId, name: m.ref.name, puppetSeenAt: p.now })
    }
  }
  for (const part of chunks(fresh)) {
    const rows = await db
      .insert(people)
      .values(part.map((ref) => ({ account: p.account, name: ref.name, puppetId: ref.puppetId, puppetSeenAt: p.now, createdAt: p.now })))
      .onConflictDoUpdate({ target: [people.account, people.puppetId], set: { name: sql`excluded.name`, puppetSeenAt: sql`excluded.puppet_seen_at` } })
      .returning()
    for (const r of rows) {
      personOf.set(r.puppetId!, r.id)
      p.known.set(r.puppetId!, r)
    }
  }
  return p.members.map((m) => personOf.get(m.puppetId)!)
}

/** drops a person's old mapping from the contact-id map (handed on, or put on hold) */
function forget(known: PeopleByPuppet, was: Person): void {
  if (was.puppetId !== null && known.get(was.puppetId)?.id === was.id) known.delete(was.puppetId)
}

/**
 * A group's member list as it is now: new rows added, changed nicknames updated, the departed
 * removed — the difference computed in memory against the stored list, then written in bulk.
 */
export async function setRoomMembers(
  db: Db,
  p: { roomId: number; members: { personId: number; nickname: string }[]; now: Date; stored: { nickname: string; person: { id: number } }[] },
): Promise<void> {
  const before = new Map(p.stored.map((r) => [r.person.id, r.nickname]))
  const now = new Map<number, string>()
  for (const m of p.members) now.set(m.personId, m.nickname)
  const write = [...now].filter(([id, nickname]) => before.get(id) !== nickname)
  const gone = [...before.keys()].filter((id) => !now.has(id))
  for (const part of chunks(write)) {
    await db
      .insert(roomMembers)
      .values(part.map(([personId, nickname]) => ({ roomId: p.roomId, personId, nickname, updatedAt: p.now })))
      .onConflictDoUpdate({ target: [roomMembers.roomId, roomMembers.personId], set: { nickname: sql`excluded.nickname`, updatedAt: sql`excluded.updated_at` } })
  }
  for (const part of chunks(gone)) await db.delete(roomMembers).where(and(eq(roomMembers.roomId, p.roomId), inArray(roomMembers.personId, part)))
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
    // contact ids are the room's account's
    const account = sql`(select ${rooms.account} from ${rooms} where ${rooms.id} = ${p.roomId})`
    const [byId] = await db.select().from(people).where(and(eq(people.account, account), eq(people.puppetId, p.ref.puppetId)))
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
