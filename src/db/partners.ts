import { and, eq, sql } from 'drizzle-orm'
import type { Db } from './client.js'
import { assignments, partners, people, resources, roles } from './schema.js'

export type Partner = typeof partners.$inferSelect

export async function findPartner(db: Db, p: { communityId: number; name: string }): Promise<Partner | undefined> {
  const [row] = await db.select().from(partners).where(and(eq(partners.communityId, p.communityId), eq(partners.name, p.name)))
  return row
}

export async function ensurePartner(db: Db, p: { communityId: number; name: string; now: Date }): Promise<Partner> {
  await db.insert(partners).values({ communityId: p.communityId, name: p.name, createdAt: p.now }).onConflictDoNothing()
  return (await findPartner(db, p))!
}

export async function addResource(db: Db, p: Omit<typeof resources.$inferInsert, 'id'>) {
  const [row] = await db.insert(resources).values(p).returning()
  return row!
}

/** Every partner with what it offered and what is assigned to it (active or done). */
export async function partnerLedger(db: Db, p: { communityId: number }) {
  const list = await db.select().from(partners).where(eq(partners.communityId, p.communityId)).orderBy(partners.id)
  const offered = await db
    .select({ partnerId: resources.partnerId, what: sql<string>`string_agg(${resources.what}, '、' order by ${resources.id})`, budget: sql<number | null>`sum(${resources.budget})::int` })
    .from(resources)
    .where(eq(resources.communityId, p.communityId))
    .groupBy(resources.partnerId)
  const assigned = await db
    .select({ partnerId: assignments.partnerId, cost: sql<number>`coalesce(sum(${assignments.cost}), 0)::int`, n: sql<number>`count(*)::int` })
    .from(assignments)
    .where(and(eq(assignments.communityId, p.communityId), sql`${assignments.status} in ('active', 'done')`))
    .groupBy(assignments.partnerId)
  const contacts = await db
    .select({ partnerId: roles.partnerId, name: people.name })
    .from(roles)
    .innerJoin(people, eq(people.id, roles.personId))
    .where(and(eq(roles.communityId, p.communityId), eq(roles.role, 'liaison')))
    .orderBy(roles.id)
  return list.map((partner) => {
    const o = offered.find((x) => x.partnerId === partner.id)
    const a = assigned.find((x) => x.partnerId === partner.id)
    return { partner, what: o?.what ?? '', budget: o?.budget ?? null, assignedCost: a?.cost ?? 0, assignedCount: a?.n ?? 0, liaisons: contacts.filter((c) => c.partnerId === partner.id).map((c) => c.name) }
  })
}

/** The partners a person is the liaison (联络员) of, in a community. */
export async function liaisonPartnerIds(db: Db, p: { personId: number; communityId: number }): Promise<number[]> {
  const rows = await db
    .select({ partnerId: roles.partnerId })
    .from(roles)
    .where(and(eq(roles.personId, p.personId), eq(roles.role, 'liaison'), eq(roles.communityId, p.communityId)))
  return rows.map((r) => r.partnerId).filter((id): id is number => id !== null)
}

/** false if they already were */
export async function grantLiaison(db: Db, p: { communityId: number; personId: number; partnerId: number; grantedBy: number; now: Date }): Promise<boolean> {
  if ((await liaisonPartnerIds(db, p)).includes(p.partnerId)) return false
  await db.insert(roles).values({ communityId: p.communityId, personId: p.personId, role: 'liaison', partnerId: p.partnerId, buildingId: null, grantedBy: p.grantedBy, createdAt: p.now })
  return true
}

/** Ends a person's liaison roles in a community; how many there were. */
export async function revokeLiaison(db: Db, p: { communityId: number; personId: number }): Promise<number> {
  const rows = await db
    .delete(roles)
    .where(and(eq(roles.personId, p.personId), eq(roles.role, 'liaison'), eq(roles.communityId, p.communityId)))
    .returning({ id: roles.id })
  return rows.length
}

export async function liaisonsOf(db: Db, p: { communityId: number; partnerId: number }) {
  return db
    .select({ personId: people.id, name: people.name })
    .from(roles)
    .innerJoin(people, eq(people.id, roles.personId))
    .where(and(eq(roles.communityId, p.communityId), eq(roles.role, 'liaison'), eq(roles.partnerId, p.partnerId)))
}
