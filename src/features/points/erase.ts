import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { appendEntry, returnOne } from '../../db/points.js'
import { pointsAccounts, pointsItems, pointsLedger, pointsRedemptions, volunteers } from '../../db/schema.js'
import { pointsText as t } from './text.js'

/**
 * 删除我的信息, for points: the volunteer row and the account go; the ledger keeps its entries
 * without the person (balances stay as anonymous sums); what they redeemed and did not collect
 * is cancelled — the item back in stock, the debit reversed by an anonymous entry.
 * Call it in the erasure's transaction before the person row is deleted.
 */
export async function eraseFromPoints(db: Db, p: { personId: number; now: Date }): Promise<void> {
  const pending = await db
    .update(pointsRedemptions)
    .set({ status: 'cancelled', handedAt: p.now })
    .where(and(eq(pointsRedemptions.personId, p.personId), eq(pointsRedemptions.status, 'pending')))
    .returning()
  for (const r of pending) {
    await returnOne(db, { communityId: r.communityId, itemId: r.itemId, now: p.now })
    await appendEntry(db, {
      communityId: r.communityId,
      personId: null,
      points: r.cost,
      kind: 'reverse',
      earning: false,
      reason: t.reason.erasedCancel,
      itemId: r.itemId,
      reversesId: r.ledgerId,
      byPerson: null,
      createdAt: p.now,
    })
  }
  await db.update(pointsLedger).set({ personId: null }).where(eq(pointsLedger.personId, p.personId))
  await db.update(pointsLedger).set({ byPerson: null }).where(eq(pointsLedger.byPerson, p.personId))
  await db.update(pointsRedemptions).set({ personId: null }).where(eq(pointsRedemptions.personId, p.personId))
  await db.update(pointsRedemptions).set({ handedBy: null }).where(eq(pointsRedemptions.handedBy, p.personId))
  await db.update(pointsItems).set({ createdBy: null }).where(eq(pointsItems.createdBy, p.personId))
  await db.delete(pointsAccounts).where(eq(pointsAccounts.personId, p.personId))
  await db.delete(volunteers).where(inArray(volunteers.personId, [p.personId]))
}
