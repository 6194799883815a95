import { lt } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { purgeInboundTexts } from '../../db/inbound.js'
import { jobRuns } from '../../db/schema.js'

/** the per-minute jobs leave a row per slot; a month of them is plenty to look back on */
const JOB_RUNS_KEPT_DAYS = 30

/**
 * Daily housekeeping: blank message texts older than the retention (store only what the
 * process needs) and forget old job-slot claims.
 */
export async function purgeInbound(p: { db: Db; now: Date; retentionDays: number }): Promise<{ blanked: number; jobRunsDeleted: number }> {
  const before = new Date(p.now.getTime() - p.retentionDays * 86_400_000)
  const blanked = await purgeInboundTexts(p.db, { before })
  const runs = await p.db
    .delete(jobRuns)
    .where(lt(jobRuns.slot, new Date(p.now.getTime() - JOB_RUNS_KEPT_DAYS * 86_400_000)))
    .returning({ job: jobRuns.job })
  return { blanked, jobRunsDeleted: runs.length }
}
