import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, Db } from '../../../src/db/client.js'
import { ensureCommunities } from '../../../src/db/communities.js'
import { balanceOf, saveItem, saveVolunteer } from '../../../src/db/points.js'
import { people, pointsAccounts, pointsItems, pointsLedger, pointsRedemptions } from '../../../src/db/schema.js'
import { isAppError } from '../../../src/domain/errors.js'
import { dayBounds, earn, monthBounds, redeemItem, reverseEntry } from '../../../src/features/points/ledger.js'
import { testDatabase } from '../../support/db.js'

const TZ = 'Asia/Shanghai'
/** the trigger's refusal, under drizzle's wrapper */
const refusedByTrigger = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message ?? (e as Error).message))
const PG = Boolean(process.env.DATABASE_URL)

/**
 * The ledger's rules on the real database (PGlite by default, Postgres with DATABASE_URL): two
 * redemptions racing for the last item, or for the last points, never both pass; the ledger
 * refuses edits and deletes; a reversal is a new entry; the daily cap holds.
 */
describe('the points ledger', () => {
  let database: Database
  let db: Db
  let communityId: number
  const now = new Date('2026-12-01T10:00:00+08:00')
  const person = async (name: string, points: number) => {
    const [p] = await db.insert(people).values({ name, account: 'default', createdAt: now }).returning()
    await saveVolunteer(db, { communityId, personId: p!.id, buildingId: null, boardName: null, now })
    if (points) await db.transaction((tx) => earn(tx, { communityId, personId: p!.id, points, kind: 'work', reason: '清理楼道', byPerson: null, now, timeZone: TZ, dailyCap: 0 }))
    return p!.id
  }

  beforeAll(async () => {
    database = await testDatabase()
    db = database.db
    communityId = (await ensureCommunities(db, { staffRoomTopics: ['居委工作群'], now }))[0]!.id
  })
  afterAll(async () => database?.close())

  /**
   * Both transactions read the item before either takes it (on Postgres they run at once: the
   * second waits for the first's row lock, then finds nothing left). PGlite has one connection:
   * its transactions take turns, and the outcome must be the same.
   */
  async function race(attempts: { personId: number; itemName: string }[]) {
    let arrived = 0
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    return Promise.allSettled(
      attempts.map((a) =>
        db.transaction(async (tx) => {
          const [item] = await tx.select().from(pointsItems).where(eq(pointsItems.name, a.itemName))
          if (PG) {
            if (++arrived === attempts.length) release()
            await gate
          }
          return redeemItem(tx, { communityId, personId: a.personId, item: item!, byPerson: a.personId, now })
        }),
      ),
    )
  }

  it('two redemptions racing for the last item: exactly one gets it, the stock ends at 0', async () => {
    const a = await person('甲', 50)
    const b = await person('乙', 50)
    await saveItem(db, { communityId, name: '洗衣液', cost: 20, stock: 1, active: true, personId: a, now })
    const results = await race([
      { personId: a, itemName: '洗衣液' },
      { personId: b, itemName: '洗衣液' },
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(isAppError(refused.reason) && refused.reason.message).toBe('洗衣液 已经兑完了，请等居委补货。')
    const [item] = await db.select().from(pointsItems).where(eq(pointsItems.name, '洗衣液'))
    expect(item!.stock).toBe(0)
    expect(await db.select().from(pointsRedemptions)).toHaveLength(1)
    // the one who lost keeps every point
    expect([await balanceOf(db, { communityId, personId: a }), await balanceOf(db, { communityId, personId: b })].sort((x, y) => x - y)).toEqual([30, 50])
  })

  it('two redemptions racing for the last points: one passes, the balance never goes below 0', async () => {
    const c = await person('丙', 30)
    await saveItem(db, { communityId, name: '毛巾', cost: 20, stock: 10, active: true, personId: c, now })
    await saveItem(db, { communityId, name: '香皂', cost: 20, stock: 10, active: true, personId: c, now })
    const results = await race([
      { personId: c, itemName: '毛巾' },
      { personId: c, itemName: '香皂' },
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect((refused.reason as Error).message).toMatch(/^(毛巾|香皂) 要 20 分，您现有 (30|10) 分，还不够。$/)
    expect(await balanceOf(db, { communityId, personId: c })).toBe(10)
    // the refused one's stock was given back with its rollback
    const stocks = (await db.select().from(pointsItems)).filter((i) => i.name !== '洗衣液').map((i) => i.stock).sort((x, y) => x - y)
    expect(stocks).toEqual([9, 10])
  })

  it('the database itself refuses a negative balance or stock', async () => {
    await expect(db.update(pointsAccounts).set({ balance: -1 })).rejects.toThrow()
    await expect(db.update(pointsItems).set({ stock: -1 })).rejects.toThrow()
  })

  it('entries are never edited or deleted; a reversal is a new entry, once', async () => {
    const d = await person('丁', 10)
    const [entry] = await db.select().from(pointsLedger).where(eq(pointsLedger.personId, d))
    await expect(db.update(pointsLedger).set({ points: 99 }).where(eq(pointsLedger.id, entry!.id))).rejects.toSatisfy(refusedByTrigger)
    await expect(db.update(pointsLedger).set({ reason: '改了' }).where(eq(pointsLedger.id, entry!.id))).resolves.toBeDefined()
    await expect(db.update(pointsLedger).set({ personId: d + 1000 }).where(eq(pointsLedger.id, entry!.id))).rejects.toSatisfy(refusedByTrigger)
    await expect(db.delete(pointsLedger).where(eq(pointsLedger.id, entry!.id))).rejects.toSatisfy(refusedByTrigger)
    const done = await db.transaction((tx) => reverseEntry(tx, { communityId, entryId: entry!.id, reason: '记错了', byPerson: d, now }))
    expect(done.reversal).toMatchObject({ points: -10, kind: 'reverse', reversesId: entry!.id, earning: true })
    expect(done.balance).toBe(0)
    await expect(db.transaction((tx) => reverseEntry(tx, { communityId, entryId: entry!.id, reason: '再来', byPerson: d, now }))).rejects.toThrow('已经冲正过了')
    await expect(db.transaction((tx) => reverseEntry(tx, { communityId, entryId: done.reversal.id, reason: '再来', byPerson: d, now }))).rejects.toThrow('本身就是冲正')
  })

  it('reversing a redemption not yet handed over cancels it and puts the item back', async () => {
    const e = await person('戊', 40)
    const item = await saveItem(db, { communityId, name: '雨伞', cost: 25, stock: 2, active: true, personId: e, now })
    const { redemption } = await db.transaction((tx) => redeemItem(tx, { communityId, personId: e, item, byPerson: e, now }))
    const done = await db.transaction((tx) => reverseEntry(tx, { communityId, entryId: redemption.ledgerId, reason: '不要了', byPerson: e, now }))
    expect(done.balance).toBe(40)
    const [after] = await db.select().from(pointsItems).where(eq(pointsItems.id, item.id))
    expect(after!.stock).toBe(2)
    const [r] = await db.select().from(pointsRedemptions).where(eq(pointsRedemptions.id, redemption.id))
    expect(r!.status).toBe('cancelled')
  })

  it('the daily cap: what is left of it today, nothing once reached; the next day starts again', async () => {
    const f = await person('己', 0)
    const award = (points: number, at: Date) =>
      db.transaction((tx) => earn(tx, { communityId, personId: f, points, kind: 'work', reason: '巡楼', byPerson: null, now: at, timeZone: TZ, dailyCap: 12 }))
    expect((await award(10, now)).awarded).toBe(10)
    expect(await award(10, now)).toMatchObject({ awarded: 2, capped: true })
    const none = await award(10, now)
    expect(none).toMatchObject({ awarded: 0, capped: true })
    expect(none.entry).toBeUndefined()
    expect((await award(10, new Date('2026-12-02T00:05:00+08:00'))).awarded).toBe(10)
    expect(await balanceOf(db, { communityId, personId: f })).toBe(22)
  })

  it('days and months are the community’s wall clock', () => {
    expect(dayBounds(new Date('2026-12-01T23:30:00+08:00'), TZ)).toEqual({ from: new Date('2026-12-01T00:00:00+08:00'), to: new Date('2026-12-02T00:00:00+08:00') })
    expect(monthBounds(new Date('2027-01-01T10:00:00+08:00'), TZ, 1)).toEqual({
      year: 2026,
      month: 12,
      from: new Date('2026-12-01T00:00:00+08:00'),
      to: new Date('2027-01-01T00:00:00+08:00'),
    })
  })
})
