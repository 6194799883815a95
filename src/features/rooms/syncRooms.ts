import { and, eq, inArray } from 'drizzle-orm'
import type { ContactRef, RoomRef, RoomSnapshot } from '../../chat/types.js'
import type { Db } from '../../db/client.js'
import type { Community } from '../../db/communities.js'
import { resolvePerson, type Person } from '../../db/people.js'
import { markRoomsAbsent, removeRoomMembers, staffRoomOf, type MemberEvidence, type Room } from '../../db/rooms.js'
import { people, roles, roomMembers, rooms } from '../../db/schema.js'
import { cut } from '../../domain/text.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { admitRoom } from '../staff/index.js'
import { roomsText as t } from './text.js'

export interface SyncDeps {
  db: Db
  now: Date
  loginAt: Date
  communities: Community[]
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

/** Records a group and its members (on start, when the bot joins, after re-login). */
export async function syncRoom(deps: SyncDeps, snapshot: RoomSnapshot): Promise<Room> {
  const { room, notes } = await deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx }
    const admitted = await admitRoom(tx, { ref: snapshot, now: deps.now, loginAt: deps.loginAt, members: evidence(snapshot), communities: deps.communities })
    const room = admitted.room
    const ambiguous = sharedNicknames(snapshot.members)
    const held: Person[] = []
    const keep: number[] = []
    for (const member of snapshot.members) {
      const person = await resolvePerson(tx, { ref: member, roomId: room.id, now: deps.now, loginAt: deps.loginAt, ambiguous, held })
      keep.push(person.id)
    }
    await removeRoomMembers(tx, { roomId: room.id, keepPersonIds: keep })
    await announceHeld(txDeps, room, held)
    return admitted
  })
  notes.forEach(deps.tell)
  return room
}

/** On start: every group the bot is in; groups it is no longer in are marked absent. */
export async function syncAllRooms(deps: SyncDeps, snapshots: RoomSnapshot[]): Promise<Room[]> {
  const synced: Room[] = []
  for (const s of snapshots) synced.push(await syncRoom(deps, s))
  await markRoomsAbsent(deps.db, { keepPuppetIds: snapshots.map((s) => s.puppetId) })
  return synced
}

export async function membersJoined(deps: SyncDeps, room: RoomSnapshot, joined: ContactRef[]): Promise<void> {
  const notes = await deps.db.transaction(async (tx) => {
    const admitted = await admitRoom(tx, { ref: room, now: deps.now, loginAt: deps.loginAt, members: evidence(room), communities: deps.communities })
    const ambiguous = sharedNicknames(room.members)
    const held: Person[] = []
    for (const member of joined) {
      await resolvePerson(tx, { ref: member, roomId: admitted.room.id, now: deps.now, loginAt: deps.loginAt, ambiguous, held })
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
    const { room: row } = await admitRoom(tx, { ref: room, now: deps.now, loginAt: deps.loginAt, communities: deps.communities })
    const gone = await tx.select({ id: people.id }).from(people).where(inArray(people.puppetId, ids))
    if (!gone.length) return
    await tx
      .delete(roomMembers)
      .where(and(eq(roomMembers.roomId, row.id), inArray(roomMembers.personId, gone.map((g) => g.id))))
  })
}

/** The bot itself left (or was removed from) a group. */
export async function botLeftRoom(deps: SyncDeps, room: RoomRef): Promise<void> {
  await deps.db.update(rooms).set({ present: false }).where(eq(rooms.puppetId, room.puppetId))
}

/** A topic change: the lasting row follows; a group taking the staff topic is reported, never made staff. */
export async function roomRenamed(deps: SyncDeps, room: RoomRef): Promise<Room> {
  const { room: row, notes } = await deps.db.transaction((tx) => admitRoom(tx, { ref: room, now: deps.now, loginAt: deps.loginAt, communities: deps.communities }))
  notes.forEach(deps.tell)
  return row
}
