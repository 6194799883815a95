import { and, desc, eq, lt } from 'drizzle-orm'
import type { Db } from './client.js'
import { botSessions } from './schema.js'

export type BotSession = typeof botSessions.$inferSelect

export async function openSession(db: Db, p: { account: string; now: Date }): Promise<BotSession> {
  const [row] = await db.insert(botSessions).values({ account: p.account, startedAt: p.now, lastBeatAt: p.now }).returning()
  return row!
}

export async function beat(db: Db, p: { id: number; now: Date }): Promise<void> {
  await db.update(botSessions).set({ lastBeatAt: p.now }).where(eq(botSessions.id, p.id))
}

export async function closeSession(db: Db, p: { id: number; now: Date }): Promise<void> {
  await db.update(botSessions).set({ lastBeatAt: p.now, stoppedAt: p.now }).where(eq(botSessions.id, p.id))
}

/** The account's run before this one (another account's runs are its own). */
export async function previousSession(db: Db, p: { account: string; beforeId: number }): Promise<BotSession | undefined> {
  const [row] = await db
    .select()
    .from(botSessions)
    .where(and(eq(botSessions.account, p.account), lt(botSessions.id, p.beforeId)))
    .orderBy(desc(botSessions.id))
    .limit(1)
  return row
}
