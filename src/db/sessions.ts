import { desc, eq, lt } from 'drizzle-orm'
import type { Db } from './client.js'
import { botSessions } from './schema.js'

export type BotSession = typeof botSessions.$inferSelect

export async function openSession(db: Db, p: { now: Date }): Promise<BotSession> {
  const [row] = await db.insert(botSessions).values({ startedAt: p.now, lastBeatAt: p.now }).returning()
  return row!
}

export async function beat(db: Db, p: { id: number; now: Date }): Promise<void> {
  await db.update(botSessions).set({ lastBeatAt: p.now }).where(eq(botSessions.id, p.id))
}

export async function closeSession(db: Db, p: { id: number; now: Date }): Promise<void> {
  await db.update(botSessions).set({ lastBeatAt: p.now, stoppedAt: p.now }).where(eq(botSessions.id, p.id))
}

export async function previousSession(db: Db, p: { beforeId: number }): Promise<BotSession | undefined> {
  const [row] = await db.select().from(botSessions).where(lt(botSessions.id, p.beforeId)).orderBy(desc(botSessions.id)).limit(1)
  return row
}
