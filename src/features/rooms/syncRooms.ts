import { and, eq, inArray } from 'drizzle-orm'
import type { ContactRef, RoomRef, RoomSnapshot } from '../../chat/types.js'
import type { Db } from '../../db/client.js'
import type { Community } from '../../db/communities.js'
import { peopleByPuppet, resolveMembers, resolvePerson, setRoomMembers, storedMembers, type PeopleByPuppet, type Person } from '../../db/people.js'
import { markRoomsAbsent, staffRoomOf, type MemberEvidence, type Room } from '../../db/rooms.js'
import { people, roles, roomMembers, rooms } from '../../db/schema.js'
import { cut } from '../../domain/text.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { admitRoom } from '../staff/index.js'
import { roomsText as t } from './text.js'

export interface SyncDeps {
  db: Db
  /** the bot account of this login */
  account: string
  now: Date
  loginAt: Date
  communities: Community[]
  /** the street group's topic (GONGJIAN_STREET_ROOM), if there is a street level */
  streetTopic?: string
  /** a line for the operator's terminal (staff group bound, a group took its name, …) */
  tell: (line: string) => void
}

const nickOf = (c: ContactRef) => c.nickname || c.name

function evidence(snapshot: RoomSnapshot): MemberEvidence {
  const bot = snapshot.members.find((m) => m.puppetId === snapshot.selfId)
  return { nicknames: snapshot.members.filter((m) => m !== bot).map(nickOf), botNickname: bot ? nickOf(bot) : undefined }
}

/** Nicknames that two or more contacts of the group have now: nobody inherits a record by them. */
function sharedNicknames(members: ContactRef[]): Set<string> {
  const seen = new Map<string, number>()
  for (const m of members) seen.set(nickOf(m), (seen.get(nickOf(m)) ?? 0) + 1)
  return new Set([...seen].filter(([, n]) => n > 1).map(([nick]) => nick))
}

/**
 * Records put on hold after a re-login (two contacts matched one record equally): the group is
 * asked to register again and the staff hear which roles wait to be given again. No guessing.
 */
async function announceHeld(deps: SyncDeps, room: Room, held: Person[]): Promise<void> {
  if (!held.length || room.communityId === null) return
  const names = [...new Set(held.map((h) => h.name))]
  const key = `held:${room.id}:${deps.loginAt.getTime()}:${cut(names.join(','), 60)}`
  await enqueueMessage(deps.db, {
    key,
    body: t.heldGroup(names),
    roomId: room.id,
    communityId: room.communityId,
    now: deps.now,
  })
  const lost = await deps.db
    .select({ role: roles.role, buildingId: roles.buildingId, personId: roles.personId })
    .from(roles)
    .where(inArray(roles.personId, held.map((h) => h.id)))
  const staff = await staffRoomOf(deps.db, { communityId: room.communityId })
  if (!staff) return
  const what = lost.map((r) => t.heldRole(held.find((h) => h.id === r.personId)?.name ?? '', r.role))
  await enqueueMessage(deps.db, {
    key: `${key}:staff`,
    body: t.heldStaff({ topic: room.topic, who: [...new Set(what.length ? what : names)], hadHead: lost.some((r) => r.role === 'building_head') }),
    roomId: staff.id,
    communityId: room.communityId,
    now: deps.now,
  })
}

/** One group and its members, inside the caller's transaction; the operator's lines are returned. */
async function recordRoom(deps: SyncDeps, tx: Db, snapshot: RoomSnapshot, known: PeopleByPuppet): Promise<{ room: Room; notes: string[] }> {
  const admitted = await admitRoom(tx, { account: deps.account, ref: snapshot, now: deps.now, loginAt: deps.loginAt, members: evidence(snapshot), communities: deps.communities, streetTopic: deps.streetTopic })
  const room = admitted.room
  const held: Person[] = []
  const stored = await storedMembers(tx, { roomId: room.id })
  const ambiguous = sharedNicknames(snapshot.members)
  const ids = await resolveMembers(tx, { account: deps.account, roomId: room.id, members: snapshot.members, now: deps.now, loginAt: deps.loginAt, ambiguous, held, known, stored })
  await setRoomMembers(tx, { roomId: room.id, members: snapshot.members.map((m, i) => ({ personId: ids[i]!, nickname: nickOf(m) })), now: deps.now, stored })
  await announceHeld({ ...deps, db: tx }, room, held)
  return admitted
}

/**
 * Records a group and its members (when the bot joins, and each group of a login's sync): the
 * members in bulk (db/people.ts resolveMembers, setRoomMembers), a few statements per group
 * whatever its size.
 */
export async function syncRoom(deps: SyncDeps, snapshot: RoomSnapshot): Promise<Room> {
  const { room, notes } = await deps.db.transaction(async (tx) => recordRoom(deps, tx, snapshot, await peopleByPuppet(tx, { account: deps.account, puppetIds: snapshot.members.map((m) => m.puppetId) })))
  notes.forEach(deps.tell)
  return room
}

/** Members per transaction of a login's sync: groups are taken together up to about this many. */
const BATCH_MEMBERS = 1000

/**
 * On start: every group the bot is in, in the order the chat lists them (a stream: no need to hold
 * every group's members at once), several small groups per transaction; groups it is no longer in
 * are marked absent. One group after the other, as the identity rules need: a contact matched by
 * nickname in one group is known by id in the next.
 */
export async function syncAllRooms(deps: SyncDeps, snapshots: Iterable<RoomSnapshot> | AsyncIterable<RoomSnapshot>): Promise<Room[]> {
  const synced: Room[] = []
  const seen: string[] = []
  let batch: RoomSnapshot[] = []
  let size = 0
  const flush = async () => {
    if (!batch.length) return
    const taken = batch
    batch = []
    size = 0
    const done = await deps.db.transaction(async (tx) => {
      const out: { room: Room; notes: string[] }[] = []
      // who is known by contact id, for the whole batch in one read (kept true room after room)
      const known = await peopleByPuppet(tx, { account: deps.account, puppetIds: taken.flatMap((s) => s.members.map((m) => m.puppetId)) })
      for (const s of taken) out.push(await recordRoom(deps, tx, s, known))
      return out
    })
    for (const d of done) {
      d.notes.forEach(deps.tell)
      synced.push(d.room)
    }
  }
  for await (const s of snapshots) {
    seen.push(s.puppetId)
    batch.push(s)
    size += s.members.length
    if (size >= BATCH_MEMBERS) await flush()
  }
  await flush()
  await markRoomsAbsent(deps.db, { account: deps.account, keepPuppetIds: seen })
  return synced
}

export async function membersJoined(deps: SyncDeps, room: RoomSnapshot, joined: ContactRef[]): Promise<void> {
  const notes = await deps.db.transaction(async (tx) => {
    const admitted = await admitRoom(tx, { account: deps.account, ref: room, now: deps.now, loginAt: deps.loginAt, members: evidence(room), communities: deps.communities, streetTopic: deps.streetTopic })
    const ambiguous = sharedNicknames(room.members)
    const held: Person[] = []
    for (const member of joined) {
      await resolvePerson(tx, { account: deps.account, ref: member, roomId: admitted.room.id, now: deps.now, loginAt: deps.loginAt, ambiguous, held })
    }
    await announceHeld({ ...deps, db: tx }, admitted.room, held)
    return admitted.notes
  })
  notes.forEach(deps.tell)
}

export async function membersLeft(deps: SyncDeps, room: RoomRef, left: ContactRef[]): Promise<void> {
  const ids = left.map((c) => c.puppetId)
  if (!ids.length) return
  await deps.db.transaction(async (tx) => {
    const { room: row } = await admitRoom(tx, { account: deps.account, ref: room, now: deps.now, loginAt: deps.loginAt, communities: deps.communities, streetTopic: deps.streetTopic })
    const gone = await tx.select({ id: people.id }).from(people).where(and(eq(people.account, deps.account), inArray(people.puppetId, ids)))
    if (!gone.length) return
    await tx
      .delete(roomMembers)
      .where(and(eq(roomMembers.roomId, row.id), inArray(roomMembers.personId, gone.map((g) => g.id))))
  })
}

/** The bot itself left (or was removed from) a group. */
export async function botLeftRoom(deps: SyncDeps, room: RoomRef): Promise<void> {
  await deps.db.update(rooms).set({ present: false }).where(and(eq(rooms.account, deps.account), eq(rooms.puppetId, room.puppetId)))
}

/** A topic change: the lasting row follows; a group taking the staff topic is reported, never made staff. */
export async function roomRenamed(deps: SyncDeps, room: RoomRef): Promise<Room> {
  const { room: row, notes } = await deps.db.transaction((tx) => admitRoom(tx, { account: deps.account, ref: room, now: deps.now, loginAt: deps.loginAt, communities: deps.communities, streetTopic: deps.streetTopic }))
  notes.forEach(deps.tell)
  return row
}
