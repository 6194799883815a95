import { and, eq } from 'drizzle-orm'
import type { Db } from './client.js'
import { buildings, roles } from './schema.js'

export type RoleName = 'building_head' | 'council' | 'representative'

export async function grantRole(
  db: Db,
  p: { communityId: number; personId: number; role: RoleName; buildingId: number | null; grantedBy: number; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(roles)
    .values({ ...p, createdAt: p.now })
    .onConflictDoNothing()
    .returning({ id: roles.id })
  return rows.length > 0
}

export async function isBuildingHead(db: Db, p: { communityId: number; personId: number; buildingId: number }): Promise<boolean> {
  const rows = await db
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.communityId, p.communityId), eq(roles.personId, p.personId), eq(roles.role, 'building_head'), eq(roles.buildingId, p.buildingId)))
  return rows.length > 0
}

/**
 * A person's roles: in one community, or (without one) in every community — a person is
 * deployment-wide, so that is a deliberate cross-community read (docs/scaling.md).
 */
export async function rolesOfPerson(db: Db, p: { personId: number; communityId?: number }) {
  return db
    .select({ role: roles.role, communityId: roles.communityId, buildingNumber: buildings.number, buildingId: roles.buildingId })
    .from(roles)
    .leftJoin(buildings, and(eq(buildings.communityId, roles.communityId), eq(buildings.id, roles.buildingId)))
    .where(and(eq(roles.personId, p.personId), p.communityId === undefined ? undefined : eq(roles.communityId, p.communityId)))
}

export async function isCouncilMember(db: Db, p: { personId: number; communityId: number }): Promise<boolean> {
  const rows = await db
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.personId, p.personId), eq(roles.role, 'council'), eq(roles.communityId, p.communityId)))
  return rows.length > 0
}
