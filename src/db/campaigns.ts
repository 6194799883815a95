import { and, desc, eq } from 'drizzle-orm'
import type { Db } from './client.js'
import { campaigns } from './schema.js'

export type Campaign = typeof campaigns.$inferSelect

export async function currentCampaign(db: Db, p: { communityId: number }): Promise<Campaign | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.communityId, p.communityId), eq(campaigns.status, 'active')))
    .orderBy(desc(campaigns.id))
    .limit(1)
  return row
}

/** The new campaign becomes current; earlier ones are closed. */
export async function startCampaign(db: Db, p: { communityId: number; name: string; createdBy: number; now: Date }): Promise<Campaign> {
  await db
    .update(campaigns)
    .set({ status: 'closed' })
    .where(and(eq(campaigns.communityId, p.communityId), eq(campaigns.status, 'active')))
  const [row] = await db.insert(campaigns).values({ ...p, status: 'active', createdAt: p.now }).returning()
  return row!
}
