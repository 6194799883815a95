import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { buildingGroups } from '../db/notices.js'
import { rooms } from '../db/schema.js'
import { enqueueMessage } from './enqueue.js'

/** The same announcement to every building group (and the staff and council groups), behind replies. */
/** Returns the rooms it posted to. */
export async function postToAllGroups(db: Db, p: { communityId: number; key: string; body: string; now: Date; staffToo?: boolean }): Promise<number[]> {
  const targets = (await buildingGroups(db, { communityId: p.communityId })).flatMap((b) => b.roomIds)
  if (p.staffToo) {
    const staff = await db
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.communityId, p.communityId), inArray(rooms.kind, ['staff', 'council']), eq(rooms.present, true)))
    targets.push(...staff.map((r) => r.id))
  }
  for (const roomId of targets) {
    await enqueueMessage(db, { key: `${p.key}:room:${roomId}`, body: p.body, roomId, communityId: p.communityId, now: p.now, priority: 'background' })
  }
  return targets
}
