import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { rooms } from '../../db/schema.js'
import { moveCursor, readCursor } from '../../db/suggestions.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { newSuggestionsReport } from './newSuggestionsReport.js'
import { reportText as t } from './text.js'

/** Job (mornings): the report of 建议列表 to each staff group, if anything is new since the last one. */
export async function digestSuggestions(db: Db, p: { now: Date; slot: Date; timeZone: string }): Promise<{ posted: number }> {
  const staffRooms = await db.select().from(rooms).where(and(eq(rooms.kind, 'staff'), eq(rooms.present, true)))
  let posted = 0
  for (const room of staffRooms) {
    if (room.communityId === null) continue
    const communityId = room.communityId
    await db.transaction(async (tx) => {
      const since = await readCursor(tx, { communityId, name: 'suggestion-digest' })
      const report = await newSuggestionsReport(tx, { communityId, since, timeZone: p.timeZone })
      await moveCursor(tx, { communityId, name: 'suggestion-digest', at: p.now })
      if (!report) return
      await enqueueMessage(tx, {
        key: `suggestion-digest:${communityId}:${p.slot.toISOString()}`,
        body: t.digest(report),
        roomId: room.id,
        communityId,
        now: p.now,
        priority: 'background',
      })
      posted++
    })
  }
  return { posted }
}
