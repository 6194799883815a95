import { and, eq } from 'drizzle-orm'
import type { Db } from './client.js'
import { conversations } from './schema.js'

export type Conversation = typeof conversations.$inferSelect

export const chatKeyOf = (roomId: number | null): string => (roomId === null ? 'private' : `room:${roomId}`)

export async function findConversation(db: Db, p: { chatKey: string; personId: number }): Promise<Conversation | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.chatKey, p.chatKey), eq(conversations.personId, p.personId)))
  return row
}

/** Starts (or restarts) this person's dialog in this chat. */
export async function saveConversation(
  db: Db,
  p: { chatKey: string; personId: number; name: string; version: number; step: string; state: Record<string, unknown>; now: Date; timeoutMs: number },
): Promise<void> {
  const values = {
    chatKey: p.chatKey,
    personId: p.personId,
    name: p.name,
    version: p.version,
    step: p.step,
    state: p.state,
    updatedAt: p.now,
    expiresAt: new Date(p.now.getTime() + p.timeoutMs),
  }
  await db
    .insert(conversations)
    .values(values)
    .onConflictDoUpdate({ target: [conversations.chatKey, conversations.personId], set: values })
}

export async function endConversation(db: Db, p: { id: number }): Promise<void> {
  await db.delete(conversations).where(eq(conversations.id, p.id))
}
