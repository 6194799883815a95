import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { dueForwardReminders, headsOf, markReminded } from '../../db/notices.js'
import { rooms } from '../../db/schema.js'
import { buildingLabel } from '../../domain/address.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { forwardText as t } from './text.js'

type Due = Awaited<ReturnType<typeof dueForwardReminders>>[number]

/**
 * Job: a building whose head has not said 已转发 some time after a notice went out is reminded
 * once, in its groups, @-naming its heads. Buildings without a head are reported to the staff.
 * One transaction: the marks and the messages they cause commit together.
 */
export function remindHeads(db: Db, p: { now: Date; afterMs: number }): Promise<{ reminded: number; headless: number }> {
  return db.transaction(async (tx) => {
    const due = await dueForwardReminders(tx, { sentBefore: new Date(p.now.getTime() - p.afterMs) })
    let reminded = 0
    const headless = new Map<number, { communityId: number; buildings: string[] }>()
    for (const d of due) {
      if (!(await markReminded(tx, { communityId: d.notice.communityId, noticeId: d.notice.id, buildingId: d.buildingId, now: p.now }))) continue
      if (await remindBuilding(tx, d, p.now)) reminded++
      else {
        const entry = headless.get(d.notice.id) ?? { communityId: d.notice.communityId, buildings: [] }
        entry.buildings.push(buildingLabel(d.number))
        headless.set(d.notice.id, entry)
      }
    }
    for (const [noticeId, entry] of headless) await reportHeadless(tx, noticeId, entry, p.now)
    return { reminded, headless: [...headless.values()].reduce((n, e) => n + e.buildings.length, 0) }
  })
}

/** false when the building has no head to remind */
async function remindBuilding(tx: Db, d: Due, now: Date): Promise<boolean> {
  const heads = await headsOf(tx, { communityId: d.notice.communityId, buildingIds: [d.buildingId] })
  if (!heads.length) return false
  const groups = await tx.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.buildingId, d.buildingId), eq(rooms.present, true)))
  for (const g of groups) {
    // each head @-mentioned for real (WeChat notifies them), by the name they have in that group
    await enqueueMessage(tx, {
      key: `remind-forward:${d.notice.id}:${d.buildingId}:${g.id}`,
      body: t.remind(d.notice),
      mentions: heads.map((h) => h.personId),
      roomId: g.id,
      communityId: d.notice.communityId,
      now,
      priority: 'background',
    })
  }
  return true
}

async function reportHeadless(tx: Db, noticeId: number, entry: { communityId: number; buildings: string[] }, now: Date): Promise<void> {
  const [staff] = await tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.communityId, entry.communityId), eq(rooms.kind, 'staff'), eq(rooms.present, true)))
  if (!staff) return
  await enqueueMessage(tx, {
    key: `remind-forward:${noticeId}:headless:${now.toISOString()}`,
    body: t.headless(noticeId, entry.buildings),
    roomId: staff.id,
    communityId: entry.communityId,
    now,
  })
}
