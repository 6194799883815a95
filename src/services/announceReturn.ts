import { and, count, eq, gte } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { outbox, rooms } from '../db/schema.js'
import { previousSession } from '../db/sessions.js'
import { formatClock } from '../domain/time.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import { outboxFigures } from '../features/status/index.js'

/** Shorter gaps (a quick restart) are not worth a message. */
export const OFFLINE_NOTICE_AFTER_MS = 5 * 60_000

/**
 * Messages sent while the bot was offline are gone: on return, the staff groups are told for how
 * long, that nothing said to the bot meanwhile reached it, and what piled up or failed to go out.
 * `awaySince`: a logout while this process ran; else the previous run's last sign of life.
 */
export async function announceReturn(db: Db, p: { sessionId: number; now: Date; timeZone: string; awaySince?: Date }): Promise<number> {
  let away = p.awaySince
  if (!away) {
    const prev = await previousSession(db, { beforeId: p.sessionId })
    if (!prev) return 0
    away = prev.stoppedAt ?? prev.lastBeatAt
  }
  if (p.now.getTime() - away.getTime() < OFFLINE_NOTICE_AFTER_MS) return 0
  const staffRooms = await db.select().from(rooms).where(and(eq(rooms.kind, 'staff'), eq(rooms.present, true)))
  if (!staffRooms.length) return 0
  const span = `${formatClock(away, p.timeZone)} 至 ${formatClock(p.now, p.timeZone)}`
  const { pending } = await outboxFigures(db, p.now)
  // a failed row's not_before is the time of its last try
  const [failed] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.status, 'failed'), gte(outbox.notBefore, away)))
  const lines = [
    `共建助手已重新上线。${span}离线，这段时间群里和私聊发给我的消息我都没有看到，微信也不会补发。如有居民找过我，请提醒他们再发一次。`,
  ]
  if (pending) lines.push(`离线期间积压了 ${pending} 条要发的消息，现在开始补发。`)
  if (failed?.n) lines.push(`离线期间有 ${failed.n} 条消息发送失败，没有发出去。`)
  for (const room of staffRooms) {
    await enqueueMessage(db, {
      key: `back-online:${p.sessionId}:${p.awaySince ? `${p.awaySince.getTime()}:` : ''}${room.id}`,
      body: lines.join('\n'),
      roomId: room.id,
      communityId: room.communityId,
      now: p.now,
    })
  }
  return staffRooms.length
}
