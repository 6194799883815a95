import { and, count, eq, gte } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { outbox, rooms } from '../../db/schema.js'
import { previousSession } from '../../db/sessions.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { outboxFigures } from './report.js'
import { returnNotice } from './text.js'

/** Shorter gaps (a quick restart) are not worth a message. */
export const OFFLINE_NOTICE_AFTER_MS = 5 * 60_000

/**
 * Messages sent while the bot was offline are gone: on return, the staff groups are told for how
 * long, that nothing said to the bot meanwhile reached it, and what piled up or failed to go out.
 * `awaySince`: a logout while this process ran; else the previous run's last sign of life.
 */
export async function announceReturn(db: Db, p: { account: string; sessionId: number; now: Date; timeZone: string; awaySince?: Date }): Promise<number> {
  let away = p.awaySince
  if (!away) {
    const prev = await previousSession(db, { account: p.account, beforeId: p.sessionId })
    if (!prev) return 0
    away = prev.stoppedAt ?? prev.lastBeatAt
  }
  if (p.now.getTime() - away.getTime() < OFFLINE_NOTICE_AFTER_MS) return 0
  // this account's staff groups: another account was not away
  const staffRooms = await db.select().from(rooms).where(and(eq(rooms.account, p.account), eq(rooms.kind, 'staff'), eq(rooms.present, true)))
  if (!staffRooms.length) return 0
  const { pending } = await outboxFigures(db, { now: p.now, account: p.account })
  // a failed row's not_before is the time of its last try
  const [failed] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.account, p.account), eq(outbox.status, 'failed'), gte(outbox.notBefore, away)))
  const body = returnNotice({ away, now: p.now, timeZone: p.timeZone, pending, failed: Number(failed?.n ?? 0) })
  for (const room of staffRooms) {
    await enqueueMessage(db, {
      key: `back-online:${p.sessionId}:${p.awaySince ? `${p.awaySince.getTime()}:` : ''}${room.id}`,
      body,
      roomId: room.id,
      communityId: room.communityId,
      now: p.now,
    })
  }
  return staffRooms.length
}
