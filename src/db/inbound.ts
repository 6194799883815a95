import { and, eq, isNotNull, lt } from 'drizzle-orm'
import type { InboundMessage } from '../chat/types.js'
import type { Db } from './client.js'
import { inboundMessages } from './schema.js'
import { cut } from '../domain/text.js'

export type InboundStatus = 'handled' | 'ignored' | 'stale' | 'failed'

/** Logs a message once; undefined when this message id was seen before (a duplicate event). */
export async function logInbound(
  db: Db,
  p: { msg: InboundMessage; roomId: number | null; personId: number | null; status: InboundStatus; command?: string | null; now: Date },
): Promise<number | undefined> {
  const [row] = await db
    .insert(inboundMessages)
    .values({
      messageId: p.msg.id,
      roomId: p.roomId,
      personId: p.personId,
      type: p.msg.type,
      text: cut(p.msg.text, 10_000),
      sentAt: p.msg.sentAt,
      receivedAt: p.now,
      status: p.status,
      command: p.command ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: inboundMessages.id })
  return row?.id
}

export async function inboundIdOf(db: Db, messageId: string): Promise<number | undefined> {
  const [row] = await db.select({ id: inboundMessages.id }).from(inboundMessages).where(eq(inboundMessages.messageId, messageId))
  return row?.id
}

export async function markInbound(
  db: Db,
  p: { id: number; status: InboundStatus; command?: string | null; error?: string | null; text?: string },
): Promise<void> {
  await db
    .update(inboundMessages)
    .set({ status: p.status, command: p.command ?? null, error: p.error ?? null, ...(p.text !== undefined ? { text: cut(p.text, 10_000) } : {}) })
    .where(eq(inboundMessages.id, p.id))
}

/** Keep what the process needs (PIPL): message texts older than the retention are blanked. */
export async function purgeInboundTexts(db: Db, p: { before: Date }): Promise<number> {
  const rows = await db
    .update(inboundMessages)
    .set({ text: null })
    .where(and(lt(inboundMessages.receivedAt, p.before), isNotNull(inboundMessages.text)))
    .returning({ id: inboundMessages.id })
  return rows.length
}
