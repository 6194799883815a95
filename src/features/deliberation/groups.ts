import type { Db } from '../../db/client.js'
import type { Question } from '../../db/deliberation.js'
import { buildingGroups } from '../../db/notices.js'
import { staffRoomOf } from '../../db/rooms.js'
import { enqueueMessage } from '../../outbox/enqueue.js'

/** The groups of a question's buildings, and the staff group: the announcement, minutes and conclusion go there. */
export async function questionRooms(db: Db, q: Question): Promise<number[]> {
  const groups = (await buildingGroups(db, { communityId: q.communityId })).filter((b) => !q.buildingIds || q.buildingIds.includes(b.buildingId))
  const ids = groups.flatMap((b) => b.roomIds)
  const staff = await staffRoomOf(db, { communityId: q.communityId })
  if (staff?.present && !ids.includes(staff.id)) ids.push(staff.id)
  return ids
}

/** Posts one text to every room of the question, behind replies; returns the rooms. */
export async function postToQuestionGroups(db: Db, p: { question: Question; key: string; body: string; now: Date }): Promise<number[]> {
  const rooms = await questionRooms(db, p.question)
  for (const roomId of rooms) {
    await enqueueMessage(db, { key: `${p.key}:room:${roomId}`, body: p.body, roomId, communityId: p.question.communityId, now: p.now, priority: 'background' })
  }
  return rooms
}
