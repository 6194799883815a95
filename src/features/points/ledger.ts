import type { Db } from '../../db/client.js'
import {
  appendEntry,
  changeBalance,
  closeRedemption,
  createRedemption,
  earnedBetween,
  getEntry,
  getVolunteer,
  lockAccount,
  redemptionOfEntry,
  returnOne,
  takeOne,
  type Item,
  type LedgerEntry,
  type Redemption,
} from '../../db/points.js'
import { AppError } from '../../domain/errors.js'
import { addDays, fromWallTime, wallTime } from '../../domain/time/index.js'
import { pointsText as t } from './text.js'

/**
 * The ledger's rules, in one place: entries are only appended; a balance never goes below 0; a
 * volunteer earns at most the daily cap; a mistake is undone by a reversing entry. Everything
 * runs in the caller's transaction, with the person's account locked first.
 */

/** what a handled report (or one turned into a suggestion) earns its reporter */
export const REPORT_POINTS = 5

/** [start, end) of the wall-clock day of `now` */
export function dayBounds(now: Date, timeZone: string): { from: Date; to: Date } {
  const w = wallTime(now, timeZone)
  const start = { year: w.year, month: w.month, day: w.day, hour: 0, minute: 0 }
  return { from: fromWallTime(start, timeZone), to: fromWallTime(addDays(start, 1), timeZone) }
}

/** [start, end) of the wall-clock month `monthsBack` months before the month of `now` */
export function monthBounds(now: Date, timeZone: string, monthsBack = 0): { from: Date; to: Date; year: number; month: number } {
  const w = wallTime(now, timeZone)
  const index = w.year * 12 + (w.month - 1) - monthsBack
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const next = index + 1
  return {
    year,
    month,
    from: fromWallTime({ year, month, day: 1, hour: 0, minute: 0 }, timeZone),
    to: fromWallTime({ year: Math.floor(next / 12), month: (next % 12) + 1, day: 1, hour: 0, minute: 0 }, timeZone),
  }
}

export interface Earned {
  /** the points written (0: the cap was already reached, nothing written) */
  awarded: number
  /** fewer than asked because of the daily cap */
  capped: boolean
  entry?: LedgerEntry
  balance: number
}

/** Points earned: appended and credited, within what the daily cap leaves for today. */
export async function earn(
  db: Db,
  p: { communityId: number; personId: number; points: number; kind: 'report' | 'work'; reason: string; reportId?: number; byPerson: number | null; now: Date; timeZone: string; dailyCap: number },
): Promise<Earned> {
  const balance = await lockAccount(db, p)
  let award = p.points
  if (p.dailyCap > 0) {
    const today = await earnedBetween(db, { communityId: p.communityId, personId: p.personId, ...dayBounds(p.now, p.timeZone) })
    award = Math.min(p.points, Math.max(0, p.dailyCap - today))
  }
  if (award <= 0) return { awarded: 0, capped: true, balance }
  const entry = await appendEntry(db, {
    communityId: p.communityId,
    personId: p.personId,
    points: award,
    kind: p.kind,
    earning: true,
    reason: p.reason,
    reportId: p.reportId ?? null,
    byPerson: p.byPerson,
    createdAt: p.now,
  })
  const after = await changeBalance(db, { communityId: p.communityId, personId: p.personId, points: award, now: p.now })
  return { awarded: award, capped: award < p.points, entry, balance: after! }
}

/**
 * A handled report (or one turned into a suggestion) earns its reporter points — if they are a
 * volunteer (the ledger is kept only for those who joined). Never for voting or rating.
 */
export async function awardReportPoints(
  db: Db,
  p: { communityId: number; personId: number | null; reportId: number; reportCode: string; now: Date; timeZone: string; dailyCap: number },
): Promise<Earned | null> {
  if (p.personId === null) return null
  if (!(await getVolunteer(db, { communityId: p.communityId, personId: p.personId }))) return null
  return earn(db, {
    communityId: p.communityId,
    personId: p.personId,
    points: REPORT_POINTS,
    kind: 'report',
    reason: t.reason.report(p.reportCode),
    reportId: p.reportId,
    byPerson: null,
    now: p.now,
    timeZone: p.timeZone,
    dailyCap: p.dailyCap,
  })
}

/**
 * 兑换: one of the item set aside and its cost debited, in this transaction. The stock is taken
 * first, then the balance: both are single conditional updates, so of two racing for the last
 * item (or the last points) exactly one passes; the other is refused and rolled back.
 */
export async function redeemItem(db: Db, p: { communityId: number; personId: number; item: Item; byPerson: number; now: Date }): Promise<{ redemption: Redemption; balance: number }> {
  const taken = await takeOne(db, { communityId: p.item.communityId, itemId: p.item.id, now: p.now })
  if (!taken) throw new AppError('CONFLICT', t.soldOut(p.item.name))
  const before = await lockAccount(db, p)
  const balance = await changeBalance(db, { communityId: p.communityId, personId: p.personId, points: -p.item.cost, now: p.now })
  if (balance === undefined) throw new AppError('CONFLICT', t.notEnough({ name: p.item.name, cost: p.item.cost, balance: before }))
  const entry = await appendEntry(db, {
    communityId: p.communityId,
    personId: p.personId,
    points: -p.item.cost,
    kind: 'redeem',
    earning: false,
    reason: t.reason.redeem(p.item.name),
    itemId: p.item.id,
    byPerson: p.byPerson,
    createdAt: p.now,
  })
  const redemption = await createRedemption(db, { communityId: p.communityId, personId: p.personId, itemId: p.item.id, cost: p.item.cost, ledgerId: entry.id, status: 'pending', createdAt: p.now })
  return { redemption, balance }
}

/**
 * 冲正: the entry undone by a new one of the opposite sign. A redemption not yet handed over is
 * cancelled and its item goes back to the stock (the item first, in the same order as 兑换).
 */
export async function reverseEntry(
  db: Db,
  p: { communityId: number; entryId: number; reason: string; byPerson: number; now: Date },
): Promise<{ original: LedgerEntry; reversal: LedgerEntry; balance: number }> {
  const original = await getEntry(db, { id: p.entryId, communityId: p.communityId })
  if (!original) throw new AppError('NOT_FOUND', t.entryNotFound(p.entryId))
  if (original.kind === 'reverse') throw new AppError('CONFLICT', t.cannotReverseReversal)
  if (original.reversed) throw new AppError('CONFLICT', t.alreadyReversed(p.entryId))
  if (original.personId === null) throw new AppError('CONFLICT', t.ownerErased)
  if (original.kind === 'redeem') {
    const redemption = await redemptionOfEntry(db, { communityId: original.communityId, ledgerId: original.id })
    if (!redemption || !(await closeRedemption(db, { id: redemption.id, communityId: redemption.communityId, status: 'cancelled', byPerson: p.byPerson, now: p.now }))) {
      throw new AppError('CONFLICT', t.handedCannotReverse)
    }
    await returnOne(db, { communityId: redemption.communityId, itemId: redemption.itemId, now: p.now })
  }
  const before = await lockAccount(db, { communityId: p.communityId, personId: original.personId, now: p.now })
  const balance = await changeBalance(db, { communityId: p.communityId, personId: original.personId, points: -original.points, now: p.now })
  if (balance === undefined) throw new AppError('CONFLICT', t.tooLittleToReverse({ id: original.id, balance: before }))
  const reversal = await appendEntry(db, {
    communityId: p.communityId,
    personId: original.personId,
    points: -original.points,
    kind: 'reverse',
    earning: original.earning,
    reason: p.reason,
    reportId: original.reportId,
    itemId: original.itemId,
    reversesId: original.id,
    byPerson: p.byPerson,
    createdAt: p.now,
  })
  return { original, reversal, balance }
}
