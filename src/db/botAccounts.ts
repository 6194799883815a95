import { asc, eq } from 'drizzle-orm'
import type { Db } from './client.js'
import { botAccounts } from './schema.js'

export type BotAccount = typeof botAccounts.$inferSelect

/** The account a process runs as exists before anything of it is written (rooms, people, outbox). */
export async function ensureBotAccount(db: Db, p: { name: string; now: Date }): Promise<void> {
  await db.insert(botAccounts).values({ name: p.name, createdAt: p.now }).onConflictDoNothing()
}

/** A login of the account: its own name and when, for 状态. */
export async function noteAccountLogin(db: Db, p: { name: string; selfName: string; now: Date }): Promise<void> {
  await db.update(botAccounts).set({ selfName: p.selfName, loggedInAt: p.now }).where(eq(botAccounts.name, p.name))
}

export async function listBotAccounts(db: Db): Promise<BotAccount[]> {
  return db.select().from(botAccounts).orderBy(asc(botAccounts.name))
}
