import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { rooms } from '../db/schema.js'
import { previousSession } from '../db/sessions.js'
import { formatClock } from '../domain/time.js'
import { enqueueMessage } from '../outbox/enqueue.js'

/** Shorter gaps (a quick restart) are not worth a message. */
export const OFFLINE_NOTICE_AFTER_MS = 5 * 60_000

/**
 * Messages sent while the bot was offline are gone: on return, the staff groups are told for how
 * long, so nobody believes they were answered.
 */
export async function announceReturn(db: Db, p: { sessionId: number; now: Date; timeZone: string }): Promise<number> {
  const prev = await previousSession(db, { beforeId: p.sessionId })
  if (!prev) return 0
  const away = prev.stoppedAt ?? prev.lastBeatAt
  if (p.now.getTime() - away.getTime() < OFFLINE_NOTICE_AFTER_MS) return 0
  const staffRooms = await db.select().from(rooms).where(and(eq(rooms.kind, 'staff'), eq(rooms.present, true)))
  const span = `${formatClock(away, p.timeZone)} 至 ${formatClock(p.now, p.timeZone)}`
  for (const room of staffRooms) {
    await enqueueMessage(db, {
      key: `back-online:${p.sessionId}:${room.id}`,
      body: `共建助手已重新上线。${span}离线，这段时间群里发给我的消息都没有收到。如有居民找过我，请提醒他们再发一次。`,
      roomId: room.id,
      communityId: room.communityId,
      now: p.now,
    })
  }
  return staffRooms.length
}
