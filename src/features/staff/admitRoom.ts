import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import type { Community } from '../../db/communities.js'
import { bindStaffRoom, resolveRoomRow, staffRoomOf, type Room, type RoomLookup } from '../../db/rooms.js'
import { communities } from '../../db/schema.js'
import { cut } from '../../domain/text.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { admitStreetRoom } from '../street/index.js'
import { staffText as t } from './text.js'

/**
 * Trust starts here: the staff group is bound once, deliberately — by the one-time code shown
 * to the operator, or (while a community has none) by the configured topic. After that no topic
 * or rename makes another group staff; a group that takes the staff topic is reported.
 */

export interface AdmittedRoom {
  room: Room
  /** for the operator's terminal */
  notes: string[]
}

/**
 * Resolves a puppet room to its lasting row, then applies the staff rules: a group with exactly
 * the configured topic becomes the staff group only while the community has none; otherwise a
 * new or renamed group with that topic is reported to the real staff group and gains nothing.
 */
export async function admitRoom(
  db: Db,
  p: RoomLookup & { communities: Community[]; streetTopic?: string },
): Promise<AdmittedRoom> {
  const { room, change } = await resolveRoomRow(db, p)
  if (p.streetTopic !== undefined && room.topic === p.streetTopic) return admitStreetRoom(db, { room, change, streetTopic: p.streetTopic, now: p.now })
  const notes: string[] = []
  const community = p.communities.find((c) => c.staffRoomTopic === room.topic)
  if (!community || room.kind === 'staff' || room.kind === 'building' || room.kind === 'council') return { room, notes }
  const staff = await staffRoomOf(db, { communityId: community.id })
  if (!staff) {
    const bound = await bindStaffRoom(db, { communityId: community.id, roomId: room.id })
    await db.update(communities).set({ bindCodeHash: null, bindCodeMisses: 0 }).where(eq(communities.id, community.id))
    await enqueueMessage(db, {
      key: `staff-bound:${room.id}:${community.id}`,
      body: t.boundByTopic({ community: community.name, topic: room.topic }),
      roomId: bound.id,
      communityId: community.id,
      now: p.now,
    })
    notes.push(t.operator.boundByTopic(room.topic, community.name))
    return { room: bound, notes }
  }
  if (change !== null) {
    await enqueueMessage(db, {
      key: `staff-topic:${room.id}:${cut(room.topic, 60)}`,
      body: t.topicTaken(change, room.topic),
      roomId: staff.id,
      communityId: community.id,
      now: p.now,
      priority: 'background',
    })
    notes.push(t.operator.topicTaken(room.topic))
  }
  return { room, notes }
}

/** Rooms that may not become the staff group: a building's, the council's. */
export function bindableAsStaff(room: Room): boolean {
  return room.kind === 'other' || room.kind === 'staff'
}
