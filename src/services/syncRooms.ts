import { and, eq, inArray } from 'drizzle-orm'
import type { ContactRef, RoomRef, RoomSnapshot } from '../chat/types.js'
import type { Db } from '../db/client.js'
import { resolvePerson } from '../db/people.js'
import { markRoomsAbsent, removeRoomMembers, resolveRoom, type Room } from '../db/rooms.js'
import { people, roomMembers, rooms } from '../db/schema.js'

interface SyncDeps {
  db: Db
  now: Date
  loginAt: Date
}

/** Records a group and its members (on start, when the bot joins, after re-login). */
export async function syncRoom(deps: SyncDeps, snapshot: RoomSnapshot): Promise<Room> {
  return deps.db.transaction(async (tx) => {
    const room = await resolveRoom(tx, { ref: snapshot, now: deps.now, loginAt: deps.loginAt })
    const keep: number[] = []
    for (const member of snapshot.members) {
      const person = await resolvePerson(tx, { ref: member, roomId: room.id, now: deps.now, loginAt: deps.loginAt })
      keep.push(person.id)
    }
    await removeRoomMembers(tx, { roomId: room.id, keepPersonIds: keep })
    return room
  })
}

/** On start: every group the bot is in; groups it is no longer in are marked absent. */
export async function syncAllRooms(deps: SyncDeps, snapshots: RoomSnapshot[]): Promise<Room[]> {
  const synced: Room[] = []
  for (const s of snapshots) synced.push(await syncRoom(deps, s))
  await markRoomsAbsent(deps.db, { keepPuppetIds: snapshots.map((s) => s.puppetId) })
  return synced
}

export async function membersJoined(deps: SyncDeps, room: RoomRef, joined: ContactRef[]): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await resolveRoom(tx, { ref: room, now: deps.now, loginAt: deps.loginAt })
    for (const member of joined) {
      await resolvePerson(tx, { ref: member, roomId: row.id, now: deps.now, loginAt: deps.loginAt })
    }
  })
}

export async function membersLeft(deps: SyncDeps, room: RoomRef, left: ContactRef[]): Promise<void> {
  const ids = left.map((c) => c.puppetId)
  if (!ids.length) return
  await deps.db.transaction(async (tx) => {
    const row = await resolveRoom(tx, { ref: room, now: deps.now, loginAt: deps.loginAt })
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

/** A topic change: the lasting row follows; a group renamed to the staff topic becomes staff. */
export async function roomRenamed(deps: SyncDeps, room: RoomRef): Promise<Room> {
  return resolveRoom(deps.db, { ref: room, now: deps.now, loginAt: deps.loginAt })
}
