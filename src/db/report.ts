import { and, asc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from './client.js'
import { suggestionBuilding, supportCountSql } from './suggestions.js'
import {
  assignments,
  ballots,
  buildings,
  households,
  partners,
  people,
  progressUpdates,
  projects,
  rounds,
  suggestions,
} from './schema.js'

// Read-only queries for the staff export (导出). Door numbers (households.unit) are never selected.

export async function reportBuildings(db: Db, p: { communityId: number }) {
  return db
    .select({ id: buildings.id, number: buildings.number })
    .from(buildings)
    .where(eq(buildings.communityId, p.communityId))
    .orderBy(asc(buildings.number))
}

/** Every suggestion with its building, support count and who gave it (names only). */
export async function reportSuggestions(db: Db, p: { communityId: number }) {
  const author = alias(people, 'author')
  const proxier = alias(people, 'proxier')
  return db
    .select({
      id: suggestions.id,
      createdAt: suggestions.createdAt,
      building: buildings.number,
      place: suggestions.place,
      category: suggestions.category,
      problem: suggestions.problem,
      status: suggestions.status,
      projectId: suggestions.projectId,
      supports: supportCountSql,
      author: author.name,
      proxier: proxier.name,
      proxyFor: suggestions.proxyFor,
      voiceFileId: suggestions.voiceFileId,
      heardAt: suggestions.heardAt,
      latitude: suggestions.latitude,
      longitude: suggestions.longitude,
    })
    .from(suggestions)
    .leftJoin(buildings, suggestionBuilding)
    .leftJoin(author, eq(author.id, suggestions.personId))
    .leftJoin(proxier, eq(proxier.id, suggestions.proxiedBy))
    .where(eq(suggestions.communityId, p.communityId))
    .orderBy(asc(suggestions.id))
}

/**
 * Projects with their member suggestions (count, supports, buildings), the current assignment
 * (active, or done once accepted: a replaced one is history) and the latest progress time.
 */
export async function reportProjects(db: Db, p: { communityId: number }) {
  const list = await db.select().from(projects).where(eq(projects.communityId, p.communityId)).orderBy(asc(projects.id))
  if (!list.length) return []
  const ids = list.map((x) => x.id)
  const members = await db
    .select({
      projectId: suggestions.projectId,
      building: buildings.number,
      supports: supportCountSql,
    })
    .from(suggestions)
    .leftJoin(buildings, suggestionBuilding)
    .where(and(eq(suggestions.communityId, p.communityId), inArray(suggestions.projectId, ids)))
  const works = await db
    .select({ projectId: assignments.projectId, partner: partners.name, startsAt: assignments.startsAt, dueAt: assignments.dueAt, cost: assignments.cost })
    .from(assignments)
    .innerJoin(partners, and(eq(partners.communityId, assignments.communityId), eq(partners.id, assignments.partnerId)))
    .where(and(eq(assignments.communityId, p.communityId), inArray(assignments.projectId, ids), inArray(assignments.status, ['active', 'done'])))
    .orderBy(sql`${assignments.id} desc`)
  const latest = await db
    .select({ projectId: progressUpdates.projectId, at: max(progressUpdates.at) })
    .from(progressUpdates)
    .where(and(eq(progressUpdates.communityId, p.communityId), inArray(progressUpdates.projectId, ids)))
    .groupBy(progressUpdates.projectId)
  return list.map((project) => {
    const mine = members.filter((m) => m.projectId === project.id)
    return {
      project,
      suggestions: mine.length,
      mentioned: mine.reduce((n, m) => n + 1 + Number(m.supports), 0),
      buildings: [...new Set(mine.map((m) => m.building).filter((b): b is number => b !== null))].sort((a, b) => a - b),
      work: works.find((w) => w.projectId === project.id),
      lastProgressAt: latest.find((l) => l.projectId === project.id)?.at ?? null,
    }
  })
}

/** campaignId: only that campaign's (the closing report); without it, all of the community's */
const ofCampaign = (column: typeof rounds.campaignId | typeof suggestions.campaignId | typeof projects.campaignId, campaignId?: number) =>
  campaignId === undefined ? undefined : eq(column, campaignId)

export async function reportRounds(db: Db, p: { communityId: number; campaignId?: number }) {
  return db.select().from(rounds).where(and(eq(rounds.communityId, p.communityId), ofCampaign(rounds.campaignId, p.campaignId))).orderBy(asc(rounds.id))
}

/**
 * Every ballot of the community's rounds, with the household a 'person:N' voter belongs to
 * (their current one), for aggregation only — the export never lists voters.
 */
export async function reportBallots(db: Db, p: { communityId: number; campaignId?: number }) {
  const voter = alias(people, 'voter')
  const home = alias(households, 'home')
  return db
    .select({
      roundId: ballots.roundId,
      voterKey: ballots.voterKey,
      buildingId: ballots.buildingId,
      personHouseholdKey: home.key,
      personBuildingId: home.buildingId,
      dots: ballots.dots,
      scores: ballots.scores,
      comment: ballots.comment,
      castAt: ballots.castAt,
    })
    .from(ballots)
    .innerJoin(rounds, and(eq(rounds.communityId, ballots.communityId), eq(rounds.id, ballots.roundId)))
    // a text key, not a foreign key: only 'person:N' keys are cast, so the primary key can be used
    .leftJoin(voter, sql`${voter.id} = case when ${ballots.voterKey} ~ '^person:[0-9]{1,9}$' then substring(${ballots.voterKey} from 8)::int end`)
    .leftJoin(home, and(eq(home.communityId, ballots.communityId), eq(home.id, voter.householdId)))
    .where(and(eq(ballots.communityId, p.communityId), ofCampaign(rounds.campaignId, p.campaignId)))
    .orderBy(asc(ballots.roundId), asc(ballots.castAt), asc(ballots.id))
}

export async function reportProgress(db: Db, p: { communityId: number }) {
  const updater = alias(people, 'updater')
  return db
    .select({
      projectId: progressUpdates.projectId,
      project: projects.name,
      at: progressUpdates.at,
      percent: progressUpdates.percent,
      note: progressUpdates.note,
      photos: sql<number>`jsonb_array_length(${progressUpdates.fileIds})::int`,
      by: updater.name,
    })
    .from(progressUpdates)
    .innerJoin(projects, and(eq(projects.communityId, progressUpdates.communityId), eq(projects.id, progressUpdates.projectId)))
    .leftJoin(updater, eq(updater.id, progressUpdates.byPerson))
    .where(eq(progressUpdates.communityId, p.communityId))
    .orderBy(asc(progressUpdates.projectId), asc(progressUpdates.at), asc(progressUpdates.id))
}

/** Households with at least one person bound, and whether one of them is confirmed. */
export async function reportHouseholds(db: Db, p: { communityId: number }) {
  return db
    .select({
      id: households.id,
      buildingId: households.buildingId,
      confirmed: sql<boolean>`bool_or(${people.householdConfirmedAt} is not null)`,
    })
    .from(households)
    .innerJoin(people, eq(people.householdId, households.id))
    .where(eq(households.communityId, p.communityId))
    .groupBy(households.id, households.buildingId)
}

/** Households (with their building) of people who submitted a suggestion here; 代提 counts for nobody's household. */
export async function suggesterHouseholds(db: Db, p: { communityId: number; campaignId?: number }) {
  return db
    .selectDistinct({ householdId: households.id, buildingId: households.buildingId })
    .from(suggestions)
    .innerJoin(people, eq(people.id, suggestions.personId))
    .innerJoin(households, and(eq(households.communityId, suggestions.communityId), eq(households.id, people.householdId)))
    .where(and(eq(suggestions.communityId, p.communityId), isNotNull(suggestions.personId), ofCampaign(suggestions.campaignId, p.campaignId)))
}

/** A campaign's projects with the time their first (not withdrawn) suggestion was made. */
export async function campaignProjects(db: Db, p: { communityId: number; campaignId?: number }) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      stage: projects.stage,
      firstSuggestedAt: sql<Date | null>`(select min(s.created_at) from ${suggestions} s where s.community_id = ${projects.communityId} and s.project_id = ${projects.id} and s.status <> 'withdrawn')`.mapWith(suggestions.createdAt),
    })
    .from(projects)
    .where(and(eq(projects.communityId, p.communityId), ofCampaign(projects.campaignId, p.campaignId)))
    .orderBy(asc(projects.id))
}
