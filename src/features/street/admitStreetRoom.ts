import type { Db } from '../../db/client.js'
import type { Room, RoomChange } from '../../db/rooms.js'
import { bindStreetRoom, streetCommunities, streetRoomOf } from '../../db/street.js'
import { cut } from '../../domain/text.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { streetText as t } from './text.js'

/**
 * The street level's trust starts here, as the staff group's does: while there is no street group,
 * the first plain group with exactly the configured topic (GONGJIAN_STREET_ROOM) becomes it; after
 * that no topic or rename makes another, and a group that takes the name is reported to it.
 */
export async function admitStreetRoom(db: Db, p: { room: Room; change: RoomChange; streetTopic: string | undefined; now: Date }): Promise<{ room: Room; notes: string[] }> {
  const { room } = p
  if (!p.streetTopic || room.topic !== p.streetTopic || room.kind === 'street') return { room, notes: [] }
  const street = await streetRoomOf(db)
  if (!street) {
    // a community's staff, building or council group keeps its role
    if (room.kind !== 'other' || room.communityId !== null) return { room, notes: [] }
    const bound = await bindStreetRoom(db, { roomId: room.id })
    const count = (await streetCommunities(db)).length
    await enqueueMessage(db, { key: `street-bound:${room.id}`, body: t.bound(count), roomId: bound.id, now: p.now })
    return { room: bound, notes: [t.operator.bound(room.topic)] }
  }
  if (p.change === null) return { room, notes: [] }
  await enqueueMessage(db, {
    key: `street-topic:${room.id}:${cut(room.topic, 60)}`,
    body: t.topicTaken(p.change, room.topic),
    roomId: street.id,
    now: p.now,
    priority: 'background',
  })
  return { room, notes: [t.operator.topicTaken(room.topic)] }
}
