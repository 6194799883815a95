import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { reportSupports, reports } from '../../db/schema.js'
import { scrubNumber } from '../../db/scrub.js'
import { featuresOf } from '../../domain/suggestions/similarity.js'

/**
 * 删除我的信息, for reports: the reports stay (they are about shared places, and others may have
 * backed them) but no longer name the person — reporter, +1s, who took or closed them — and the
 * person's door number is taken out of their own words. Call it in the erasure's transaction
 * before the person row is deleted; names in texts are left to the erasure's scrub of every column.
 */
export async function eraseFromReports(db: Db, p: { personId: number; door?: string; replacement?: string }): Promise<void> {
  if (p.door) {
    const replacement = p.replacement ?? '***'
    await scrubNumber(db, { table: 'reports', columns: ['problem', 'place'], where: sql`${reports.personId} = ${p.personId}`, number: p.door, replacement })
    await scrubNumber(db, { table: 'report_supports', columns: ['words'], where: sql`${reportSupports.personId} = ${p.personId}`, number: p.door, replacement })
    // the duplicate check's words follow the scrubbed text
    for (const r of await db.select({ id: reports.id, problem: reports.problem }).from(reports).where(eq(reports.personId, p.personId))) {
      await db.update(reports).set({ features: featuresOf(r.problem) }).where(eq(reports.id, r.id))
    }
  }
  // where they pinned may be near their home
  await db.update(reports).set({ personId: null, latitude: null, longitude: null }).where(eq(reports.personId, p.personId))
  await db.update(reports).set({ takenBy: null }).where(eq(reports.takenBy, p.personId))
  await db.update(reports).set({ closedBy: null }).where(eq(reports.closedBy, p.personId))
  await db.update(reportSupports).set({ personId: null }).where(eq(reportSupports.personId, p.personId))
}
