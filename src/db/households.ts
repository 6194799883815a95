import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.js'
import { buildings, households, people } from './schema.js'

export type Household = typeof households.$inferSelect

/**
 * The lasting key of a door, computed by the database from the deployment's salt: the same
 * building and unit always give the same key, and the key does not show the door.
 */
export function householdKeySql(buildingId: number, unit: string): SQL<string> {
  return sql<string>`encode(sha256(convert_to((select value from app_settings where name = 'household_salt') || ':' || ${buildingId}::int || ':' || ${unit}::text, 'UTF8')), 'hex')`
}

export async function ensureHousehold(
  db: Db,
  p: { communityId: number; buildingId: number; unit: string; now: Date },
): Promise<Household> {
  await db
    .insert(households)
    .values({ communityId: p.communityId, buildingId: p.buildingId, unit: p.unit, key: householdKeySql(p.buildingId, p.unit), createdAt: p.now })
    .onConflictDoNothing()
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.communityId, p.communityId), eq(households.buildingId, p.buildingId), eq(households.unit, p.unit)))
  return row!
}

/**
 * The person's household with its building number, if registered: a person has one household in
 * the deployment, whichever community it is in (a deliberate cross-community read, docs/scaling.md).
 */
export async function householdOfPerson(db: Db, p: { personId: number }) {
  const [row] = await db
    .select({ household: households, building: buildings, confirmedAt: people.householdConfirmedAt })
    .from(people)
    .innerJoin(households, eq(households.id, people.householdId))
    .innerJoin(buildings, and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)))
    .where(eq(people.id, p.personId))
  return row
}

export async function setHousehold(db: Db, p: { personId: number; householdId: number }): Promise<void> {
  await db
    .update(people)
    .set({ householdId: p.householdId, householdConfirmedAt: null, householdConfirmedBy: null })
    .where(eq(people.id, p.personId))
}

export async function confirmHousehold(db: Db, p: { personId: number; byPersonId: number; now: Date }): Promise<void> {
  await db
    .update(people)
    .set({ householdConfirmedAt: p.now, householdConfirmedBy: p.byPersonId })
    .where(eq(people.id, p.personId))
}

export async function householdMemberCount(db: Db, p: { householdId: number }): Promise<number> {
  const rows = await db.select({ id: people.id }).from(people).where(eq(people.householdId, p.householdId))
  return rows.length
}

/** Others registered at the same door whose registration a head already confirmed. */
export async function confirmedHousemates(db: Db, p: { householdId: number; exceptPersonId: number }) {
  const rows = await db
    .select({ id: people.id, name: people.name, confirmedAt: people.householdConfirmedAt })
    .from(people)
    .where(eq(people.householdId, p.householdId))
  return rows.filter((r) => r.id !== p.exceptPersonId && r.confirmedAt !== null)
}
