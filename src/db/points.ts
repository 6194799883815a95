import { and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.js'
import { buildings, people, pointsAccounts, pointsItems, pointsLedger, pointsRedemptions, roomMembers, volunteers } from './schema.js'

export type LedgerEntry = typeof pointsLedger.$inferSelect
export type Item = typeof pointsItems.$inferSelect
export type Redemption = typeof pointsRedemptions.$inferSelect
export type Volunteer = typeof volunteers.$inferSelect
export type EntryKind = 'report' | 'work' | 'redeem' | 'reverse'

// --- volunteers -----------------------------------------------------------------------------

export async function getVolunteer(db: Db, p: { communityId: number; personId: number }): Promise<Volunteer | undefined> {
  const [row] = await db.select().from(volunteers).where(and(eq(volunteers.communityId, p.communityId), eq(volunteers.personId, p.personId)))
  return row
}

export async function saveVolunteer(db: Db, p: { communityId: number; personId: number; buildingId: number | null; boardName: string | null; now: Date }): Promise<void> {
  await db
    .insert(volunteers)
    .values({ ...p, createdAt: p.now, updatedAt: p.now })
    .onConflictDoUpdate({ target: [volunteers.communityId, volunteers.personId], set: { buildingId: p.buildingId, boardName: p.boardName, updatedAt: p.now } })
}

// --- accounts and the ledger ----------------------------------------------------------------

/**
 * The person's account, created at 0 if new — and locked until the transaction ends, so that
 * everything that reads and changes one person's points runs one after the other.
 */
export async function lockAccount(db: Db, p: { communityId: number; personId: number; now: Date }): Promise<number> {
  const [row] = await db
    .insert(pointsAccounts)
    .values({ communityId: p.communityId, personId: p.personId, balance: 0, updatedAt: p.now })
    .onConflictDoUpdate({ target: [pointsAccounts.communityId, pointsAccounts.personId], set: { updatedAt: sql`${pointsAccounts.updatedAt}` } })
    .returning({ balance: pointsAccounts.balance })
  return row!.balance
}

export async function balanceOf(db: Db, p: { communityId: number; personId: number }): Promise<number> {
  const [row] = await db
    .select({ balance: pointsAccounts.balance })
    .from(pointsAccounts)
    .where(and(eq(pointsAccounts.communityId, p.communityId), eq(pointsAccounts.personId, p.personId)))
  return row?.balance ?? 0
}

/**
 * Adds `points` (negative: takes) to the balance, only if it stays ≥ 0: one statement, so two
 * debits racing cannot both pass. Returns the new balance, or undefined when it would go below 0.
 */
export async function changeBalance(db: Db, p: { communityId: number; personId: number; points: number; now: Date }): Promise<number | undefined> {
  const [row] = await db
    .update(pointsAccounts)
    .set({ balance: sql`${pointsAccounts.balance} + ${p.points}`, updatedAt: p.now })
    .where(and(eq(pointsAccounts.communityId, p.communityId), eq(pointsAccounts.personId, p.personId), gte(sql`${pointsAccounts.balance} + ${p.points}`, 0)))
    .returning({ balance: pointsAccounts.balance })
  return row?.balance
}

export async function appendEntry(db: Db, p: Omit<typeof pointsLedger.$inferInsert, 'id'>): Promise<LedgerEntry> {
  const [row] = await db.insert(pointsLedger).values(p).returning()
  return row!
}

/** Points earned (positive earning entries) in [from, to): the daily cap reads it. */
export async function earnedBetween(db: Db, p: { communityId: number; personId: number; from: Date; to: Date }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${pointsLedger.points}), 0)::int` })
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.communityId, p.communityId),
        eq(pointsLedger.personId, p.personId),
        eq(pointsLedger.earning, true),
        gte(pointsLedger.points, 1),
        gte(pointsLedger.createdAt, p.from),
        lt(pointsLedger.createdAt, p.to),
      ),
    )
  return row?.n ?? 0
}

export async function getEntry(db: Db, p: { id: number; communityId: number }): Promise<(LedgerEntry & { reversed: boolean }) | undefined> {
  const [row] = await db.select().from(pointsLedger).where(and(eq(pointsLedger.id, p.id), eq(pointsLedger.communityId, p.communityId)))
  if (!row) return undefined
  const [reversal] = await db
    .select({ id: pointsLedger.id })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.communityId, p.communityId), eq(pointsLedger.reversesId, p.id)))
    .limit(1)
  return { ...row, reversed: reversal !== undefined }
}

export async function entriesOf(db: Db, p: { communityId: number; personId: number; limit: number }): Promise<LedgerEntry[]> {
  return db
    .select()
    .from(pointsLedger)
    .where(and(eq(pointsLedger.communityId, p.communityId), eq(pointsLedger.personId, p.personId)))
    .orderBy(desc(pointsLedger.id))
    .limit(p.limit)
}

/** Per volunteer of the community: points earned in [from, to), with their building and board name. */
export async function earnedByVolunteer(db: Db, p: { communityId: number; from: Date; to: Date }) {
  const earned = sql<number>`coalesce(sum(${pointsLedger.points}), 0)::int`
  return db
    .select({ personId: volunteers.personId, buildingId: volunteers.buildingId, boardName: volunteers.boardName, earned })
    .from(volunteers)
    .innerJoin(
      pointsLedger,
      and(
        eq(pointsLedger.personId, volunteers.personId),
        eq(pointsLedger.communityId, volunteers.communityId),
        eq(pointsLedger.earning, true),
        gte(pointsLedger.createdAt, p.from),
        lt(pointsLedger.createdAt, p.to),
      ),
    )
    .where(eq(volunteers.communityId, p.communityId))
    .groupBy(volunteers.personId, volunteers.buildingId, volunteers.boardName)
}

/** The whole ledger of a community, oldest first, for the export. */
export async function ledgerForExport(db: Db, p: { communityId: number }) {
  const owner = alias(people, 'owner')
  const maker = alias(people, 'maker')
  return db
    .select({ e: pointsLedger, who: owner.name, by: maker.name })
    .from(pointsLedger)
    .leftJoin(owner, eq(owner.id, pointsLedger.personId))
    .leftJoin(maker, eq(maker.id, pointsLedger.byPerson))
    .where(eq(pointsLedger.communityId, p.communityId))
    .orderBy(asc(pointsLedger.id))
}

// --- the catalogue --------------------------------------------------------------------------

export async function catalogue(db: Db, p: { communityId: number }): Promise<Item[]> {
  return db
    .select()
    .from(pointsItems)
    .where(and(eq(pointsItems.communityId, p.communityId), eq(pointsItems.active, true)))
    .orderBy(asc(pointsItems.cost), asc(pointsItems.id))
}

export async function findItem(db: Db, p: { communityId: number; name: string }): Promise<Item | undefined> {
  const [row] = await db.select().from(pointsItems).where(and(eq(pointsItems.communityId, p.communityId), eq(pointsItems.name, p.name)))
  return row
}

export async function saveItem(
  db: Db,
  p: { communityId: number; name: string; cost: number; stock: number; active: boolean; personId: number; now: Date },
): Promise<Item> {
  const [row] = await db
    .insert(pointsItems)
    .values({ communityId: p.communityId, name: p.name, cost: p.cost, stock: p.stock, active: p.active, createdBy: p.personId, createdAt: p.now, updatedAt: p.now })
    .onConflictDoUpdate({ target: [pointsItems.communityId, pointsItems.name], set: { cost: p.cost, stock: p.stock, active: p.active, updatedAt: p.now } })
    .returning()
  return row!
}

/** Takes one from the stock, only if there is one left (one statement: two racing cannot both get the last). */
export async function takeOne(db: Db, p: { communityId: number; itemId: number; now: Date }): Promise<Item | undefined> {
  const [row] = await db
    .update(pointsItems)
    .set({ stock: sql`${pointsItems.stock} - 1`, updatedAt: p.now })
    .where(and(eq(pointsItems.id, p.itemId), eq(pointsItems.communityId, p.communityId), eq(pointsItems.active, true), gte(pointsItems.stock, 1)))
    .returning()
  return row
}

export async function returnOne(db: Db, p: { communityId: number; itemId: number; now: Date }): Promise<void> {
  await db
    .update(pointsItems)
    .set({ stock: sql`${pointsItems.stock} + 1`, updatedAt: p.now })
    .where(and(eq(pointsItems.id, p.itemId), eq(pointsItems.communityId, p.communityId)))
}

// --- redemptions ----------------------------------------------------------------------------

export async function createRedemption(db: Db, p: Omit<typeof pointsRedemptions.$inferInsert, 'id'>): Promise<Redemption> {
  const [row] = await db.insert(pointsRedemptions).values(p).returning()
  return row!
}

export async function getRedemption(db: Db, p: { id: number; communityId: number }) {
  const [row] = await db
    .select({ d: pointsRedemptions, item: pointsItems.name, who: people.name })
    .from(pointsRedemptions)
    .innerJoin(pointsItems, and(eq(pointsItems.communityId, pointsRedemptions.communityId), eq(pointsItems.id, pointsRedemptions.itemId)))
    .leftJoin(people, eq(people.id, pointsRedemptions.personId))
    .where(and(eq(pointsRedemptions.id, p.id), eq(pointsRedemptions.communityId, p.communityId)))
  return row
}

export async function pendingRedemptionOf(db: Db, p: { communityId: number; personId: number; itemId: number }): Promise<Redemption | undefined> {
  const [row] = await db
    .select()
    .from(pointsRedemptions)
    .where(
      and(
        eq(pointsRedemptions.communityId, p.communityId),
        eq(pointsRedemptions.personId, p.personId),
        eq(pointsRedemptions.itemId, p.itemId),
        eq(pointsRedemptions.status, 'pending'),
      ),
    )
    .orderBy(asc(pointsRedemptions.id))
    .limit(1)
  return row
}

export async function redemptionOfEntry(db: Db, p: { communityId: number; ledgerId: number }): Promise<Redemption | undefined> {
  const [row] = await db
    .select()
    .from(pointsRedemptions)
    .where(and(eq(pointsRedemptions.communityId, p.communityId), eq(pointsRedemptions.ledgerId, p.ledgerId)))
  return row
}

/** pending → handed or cancelled, once (two staff at the counter: one wins). */
export async function closeRedemption(
  db: Db,
  p: { id: number; communityId: number; status: 'handed' | 'cancelled'; byPerson: number | null; now: Date },
): Promise<Redemption | undefined> {
  const [row] = await db
    .update(pointsRedemptions)
    .set({ status: p.status, handedBy: p.byPerson, handedAt: p.now })
    .where(and(eq(pointsRedemptions.id, p.id), eq(pointsRedemptions.communityId, p.communityId), eq(pointsRedemptions.status, 'pending')))
    .returning()
  return row
}

export async function pendingRedemptionsOf(db: Db, p: { communityId: number; personId: number }) {
  return db
    .select({ d: pointsRedemptions, item: pointsItems.name })
    .from(pointsRedemptions)
    .innerJoin(pointsItems, and(eq(pointsItems.communityId, pointsRedemptions.communityId), eq(pointsItems.id, pointsRedemptions.itemId)))
    .where(and(eq(pointsRedemptions.communityId, p.communityId), eq(pointsRedemptions.personId, p.personId), eq(pointsRedemptions.status, 'pending')))
    .orderBy(asc(pointsRedemptions.id))
}

export async function volunteersOfBuildings(db: Db, p: { communityId: number; buildingIds: number[] }) {
  if (!p.buildingIds.length) return []
  return db
    .select({ personId: volunteers.personId, buildingId: volunteers.buildingId, boardName: volunteers.boardName, number: buildings.number })
    .from(volunteers)
    .innerJoin(buildings, and(eq(buildings.communityId, volunteers.communityId), eq(buildings.id, volunteers.buildingId)))
    .where(and(eq(volunteers.communityId, p.communityId), inArray(volunteers.buildingId, p.buildingIds)))
}

/** The community's volunteers called `name` (WeChat name, group nickname or 积分榜 称呼). */
export async function volunteersNamed(db: Db, p: { communityId: number; name: string }): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectDistinct({ id: people.id, name: people.name })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .leftJoin(roomMembers, eq(roomMembers.personId, people.id))
    .where(and(eq(volunteers.communityId, p.communityId), or(eq(people.name, p.name), eq(roomMembers.nickname, p.name), eq(volunteers.boardName, p.name))))
  return rows
}
