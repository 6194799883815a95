import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from './client.js'
import { REPRESENTATIVE_ROLE } from './deliberation.js'
import { ballots, buildings, households, people, projects, roles, rounds } from './schema.js'

export type Round = typeof rounds.$inferSelect

export async function createRound(db: Db, p: Omit<typeof rounds.$inferInsert, 'id'>): Promise<Round> {
  const [row] = await db.insert(rounds).values(p).returning()
  return row!
}

export async function getRound(db: Db, p: { id: number; communityId: number }): Promise<Round | undefined> {
  const [row] = await db.select().from(rounds).where(and(eq(rounds.id, p.id), eq(rounds.communityId, p.communityId)))
  return row
}

export type RoundKind = 'resident' | 'council' | 'resolution' | 'acceptance'

export async function openRounds(db: Db, p: { communityId: number; kind: RoundKind }): Promise<Round[]> {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.communityId, p.communityId), eq(rounds.kind, p.kind), eq(rounds.status, 'open')))
    .orderBy(asc(rounds.id))
}

/** A council member's scores so far in a round (their one ballot). */
export async function scoresOf(db: Db, p: { communityId: number; roundId: number; voterKey: string }) {
  const [row] = await db
    .select({ scores: ballots.scores })
    .from(ballots)
    .where(and(eq(ballots.communityId, p.communityId), eq(ballots.roundId, p.roundId), eq(ballots.voterKey, p.voterKey)))
  return row?.scores ?? []
}

export async function saveScores(
  db: Db,
  p: { communityId: number; roundId: number; voterKey: string; personId: number; scores: { project: number; urgency: number; importance: number }[]; now: Date },
): Promise<void> {
  await db
    .insert(ballots)
    .values({ communityId: p.communityId, roundId: p.roundId, voterKey: p.voterKey, personId: p.personId, dots: [], scores: p.scores, castAt: p.now })
    .onConflictDoUpdate({ target: [ballots.roundId, ballots.voterKey], set: { scores: p.scores, castAt: p.now } })
}

/** The latest round of a community (any status), of the given kinds (default: all but acceptance). */
export async function latestRound(db: Db, p: { communityId: number; kinds?: RoundKind[] }): Promise<Round | undefined> {
  const kinds = p.kinds ?? ['resident', 'council', 'resolution']
  const [row] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.communityId, p.communityId), inArray(rounds.kind, kinds)))
    .orderBy(sql`${rounds.id} desc`)
    .limit(1)
  return row
}

/** The latest closed round of each kind that ranks projects (for the priority order). */
export async function latestClosedRounds(db: Db, p: { communityId: number }): Promise<Round[]> {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.communityId, p.communityId), eq(rounds.status, 'closed'), inArray(rounds.kind, ['resident', 'council', 'resolution'])))
    .orderBy(sql`${rounds.id} desc`)
}

/** A voter's ballot: a second one replaces the first. */
export async function castBallot(
  db: Db,
  p: { communityId: number; roundId: number; voterKey: string; personId: number; buildingId: number | null; dots: number[]; comment?: string | null; now: Date },
): Promise<void> {
  const comment = p.comment ?? null
  await db
    .insert(ballots)
    .values({ communityId: p.communityId, roundId: p.roundId, voterKey: p.voterKey, personId: p.personId, buildingId: p.buildingId, dots: p.dots, comment, castAt: p.now })
    .onConflictDoUpdate({ target: [ballots.roundId, ballots.voterKey], set: { personId: p.personId, dots: p.dots, comment, castAt: p.now } })
}

export async function ballotsOf(db: Db, p: { communityId: number; roundId: number }) {
  return db
    .select({ voterKey: ballots.voterKey, dots: ballots.dots, scores: ballots.scores, castAt: ballots.castAt, building: buildings.number })
    .from(ballots)
    .leftJoin(buildings, and(eq(buildings.communityId, ballots.communityId), eq(buildings.id, ballots.buildingId)))
    .where(and(eq(ballots.communityId, p.communityId), eq(ballots.roundId, p.roundId)))
}

/** Closes a round once (false if it was already closed). */
export async function closeRound(db: Db, p: { id: number; communityId: number; now: Date }): Promise<boolean> {
  const rows = await db
    .update(rounds)
    .set({ status: 'closed', closedAt: p.now })
    .where(and(eq(rounds.id, p.id), eq(rounds.communityId, p.communityId), eq(rounds.status, 'open')))
    .returning({ id: rounds.id })
  return rows.length > 0
}

/** Across communities (the scheduler's scan): on the small index of open rounds. */
export async function roundsDueToClose(db: Db, p: { now: Date }): Promise<Round[]> {
  return db.select().from(rounds).where(and(eq(rounds.status, 'open'), lte(rounds.closesAt, p.now)))
}

/** Households' rounds only: council members are reminded by the council group. Across communities, like roundsDueToClose. */
export async function roundsDueForReminder(db: Db, p: { before: Date }): Promise<Round[]> {
  return db
    .select()
    .from(rounds)
    .where(and(inArray(rounds.kind, ['resident', 'resolution', 'acceptance']), eq(rounds.status, 'open'), isNull(rounds.remindedAt), lte(rounds.closesAt, p.before)))
}

export async function markRoundReminded(db: Db, p: { id: number; communityId: number; now: Date }): Promise<boolean> {
  const rows = await db
    .update(rounds)
    .set({ remindedAt: p.now })
    .where(and(eq(rounds.id, p.id), eq(rounds.communityId, p.communityId), isNull(rounds.remindedAt)))
    .returning({ id: rounds.id })
  return rows.length > 0
}

/** Per building: how many confirmed households (or registered people) and how many voted. */
export async function turnoutByBuilding(db: Db, p: { round: Round }) {
  const eligible = p.round.per === 'representative' ? await representativesByBuilding(db, { communityId: p.round.communityId }) : await db
    .select({ buildingId: households.buildingId, number: buildings.number, n: sql<number>`count(distinct ${p.round.per === 'household' ? households.id : people.id})::int` })
    .from(people)
    .innerJoin(households, eq(households.id, people.householdId))
    .innerJoin(buildings, and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)))
    .where(and(eq(households.communityId, p.round.communityId), isNotNull(people.householdConfirmedAt)))
    .groupBy(households.buildingId, buildings.number)
  const voted = await db
    .select({ buildingId: ballots.buildingId, n: sql<number>`count(*)::int` })
    .from(ballots)
    .where(and(eq(ballots.communityId, p.round.communityId), eq(ballots.roundId, p.round.id)))
    .groupBy(ballots.buildingId)
  return eligible
    .map((e) => ({ buildingId: e.buildingId, number: e.number, eligible: e.n, voted: voted.find((v) => v.buildingId === e.buildingId)?.n ?? 0 }))
    .sort((a, b) => a.number - b.number)
}

export async function projectNames(db: Db, p: { communityId: number; ids: number[] }): Promise<Map<number, string>> {
  if (!p.ids.length) return new Map()
  const rows = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.communityId, p.communityId), inArray(projects.id, p.ids)))
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** The latest acceptance round of each project (open or closed), with its ratings. */
export async function acceptanceRounds(db: Db, p: { communityId: number; projectIds: number[] }): Promise<Map<number, { round: Round; ratings: { score: number; comment: string | null; building: number | null }[] }>> {
  const out = new Map<number, { round: Round; ratings: { score: number; comment: string | null; building: number | null }[] }>()
  if (!p.projectIds.length) return out
  const list = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.communityId, p.communityId), eq(rounds.kind, 'acceptance')))
    .orderBy(sql`${rounds.id} desc`)
  for (const round of list) {
    const project = round.projectIds[0]!
    if (!out.has(project) && p.projectIds.includes(project)) out.set(project, { round, ratings: [] })
  }
  const roundIds = [...out.values()].map((x) => x.round.id)
  if (!roundIds.length) return out
  const cast = await db
    .select({ roundId: ballots.roundId, dots: ballots.dots, comment: ballots.comment, building: buildings.number })
    .from(ballots)
    .leftJoin(buildings, and(eq(buildings.communityId, ballots.communityId), eq(buildings.id, ballots.buildingId)))
    .where(and(eq(ballots.communityId, p.communityId), inArray(ballots.roundId, roundIds)))
    .orderBy(ballots.castAt, ballots.id)
  const byRound = new Map([...out.values()].map((x) => [x.round.id, x.ratings]))
  for (const b of cast) byRound.get(b.roundId)!.push({ score: b.dots[0] ?? 0, comment: b.comment, building: b.building })
  return out
}

/** Per building: how many residents' representatives it has (who vote on a 居民代表 resolution). */
async function representativesByBuilding(db: Db, p: { communityId: number }) {
  return db
    .select({ buildingId: buildings.id, number: buildings.number, n: sql<number>`count(distinct ${roles.personId})::int` })
    .from(roles)
    .innerJoin(buildings, and(eq(buildings.communityId, roles.communityId), eq(buildings.id, roles.buildingId)))
    .where(and(eq(roles.communityId, p.communityId), eq(roles.role, REPRESENTATIVE_ROLE)))
    .groupBy(buildings.id, buildings.number)
}

/** How many people are representatives of the community (each counted once). */
export async function representativeCount(db: Db, p: { communityId: number }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(distinct ${roles.personId})::int` }).from(roles).where(and(eq(roles.communityId, p.communityId), eq(roles.role, REPRESENTATIVE_ROLE)))
  return row?.n ?? 0
}
