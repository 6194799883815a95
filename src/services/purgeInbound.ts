import type { Db } from '../db/client.js'
import { purgeInboundTexts } from '../db/inbound.js'

/** Daily job: blank message texts older than the retention (store only what the process needs). */
export async function purgeInbound(p: { db: Db; now: Date; retentionDays: number }): Promise<{ blanked: number }> {
  const before = new Date(p.now.getTime() - p.retentionDays * 86_400_000)
  return { blanked: await purgeInboundTexts(p.db, { before }) }
}
