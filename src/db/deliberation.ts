import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import type { Db } from './client.js'
import type { RoleName } from './roles.js'
import { buildings, consultations, households, partners, people, questionChoices, questionNotes, questions, roles } from './schema.js'

export type Question = typeof questions.$inferSelect

// --- questions (议题) -------------------------------------------------------------------------

export async function createQuestion(db: Db, p: Omit<typeof questions.$inferInsert, 'id'>): Promise<Question> {
  const [row] = await db.insert(questions).values(p).returning()
  return row!
}

export async function getQuestion(db: Db, p: { id: number; communityId: number }): Promise<Question | undefined> {
  const [row] = await db.select().from(questions).where(and(eq(questions.id, p.id), eq(questions.communityId, p.communityId)))
  return row
}

/** The community's open questions, newest first. */
export async function openQuestions(db: Db, p: { communityId: number }): Promise<Question[]> {
  return db.select().from(questions).where(and(eq(questions.communityId, p.communityId), eq(questions.status, 'open'))).orderBy(desc(questions.id))
}

export async function latestQuestion(db: Db, p: { communityId: number }): Promise<Question | undefined> {
  const [row] = await db.select().from(questions).where(eq(questions.communityId, p.communityId)).orderBy(desc(questions.id)).limit(1)
  return row
}

export async function allQuestions(db: Db, p: { communityId: number }): Promise<Question[]> {
  return db.select().from(questions).where(eq(questions.communityId, p.communityId)).orderBy(asc(questions.id))
}

/** A household's choice: a second one replaces the first. */
export async function saveChoice(
  db: Db,
  p: { communityId: number; questionId: number; voterKey: string; personId: number; buildingId: number; option: number; reason: string | null; now: Date },
): Promise<{ replaced: boolean }> {
  const [before] = await db
    .select({ id: questionChoices.id })
    .from(questionChoices)
    .where(and(eq(questionChoices.communityId, p.communityId), eq(questionChoices.questionId, p.questionId), eq(questionChoices.voterKey, p.voterKey)))
  await db
    .insert(questionChoices)
    .values({ communityId: p.communityId, questionId: p.questionId, voterKey: p.voterKey, personId: p.personId, buildingId: p.buildingId, option: p.option, reason: p.reason, castAt: p.now })
    .onConflictDoUpdate({
      target: [questionChoices.questionId, questionChoices.voterKey],
      set: { personId: p.personId, buildingId: p.buildingId, option: p.option, reason: p.reason, castAt: p.now },
    })
  return { replaced: before !== undefined }
}

/** Every choice of a question, oldest first, with its building's number (never who chose). */
export async function choicesOf(db: Db, p: { communityId: number; questionIds: number[] }) {
  if (!p.questionIds.length) return []
  return db
    .select({ questionId: questionChoices.questionId, option: questionChoices.option, reason: questionChoices.reason, building: buildings.number, castAt: questionChoices.castAt })
    .from(questionChoices)
    .leftJoin(buildings, and(eq(buildings.communityId, questionChoices.communityId), eq(buildings.id, questionChoices.buildingId)))
    .where(and(eq(questionChoices.communityId, p.communityId), inArray(questionChoices.questionId, p.questionIds)))
    .orderBy(asc(questionChoices.castAt), asc(questionChoices.id))
}

/** Across communities (the scheduler's scan): on the small index of open questions. */
export async function questionsDueToClose(db: Db, p: { now: Date }): Promise<Question[]> {
  return db.select().from(questions).where(and(eq(questions.status, 'open'), lte(questions.closesAt, p.now)))
}

/** Closes a question once (false if it was already closed). */
export async function closeQuestion(db: Db, p: { id: number; communityId: number; now: Date }): Promise<boolean> {
  const rows = await db
    .update(questions)
    .set({ status: 'closed', closedAt: p.now })
    .where(and(eq(questions.id, p.id), eq(questions.communityId, p.communityId), eq(questions.status, 'open')))
    .returning({ id: questions.id })
  return rows.length > 0
}

export async function concludeQuestion(db: Db, p: { id: number; communityId: number; outcome: string; reason: string | null; now: Date }): Promise<void> {
  await db
    .update(questions)
    .set({ outcome: p.outcome, outcomeReason: p.reason, concludedAt: p.now })
    .where(and(eq(questions.id, p.id), eq(questions.communityId, p.communityId)))
}

export async function addQuestionNote(db: Db, p: { communityId: number; questionId: number; body: string; byPerson: number; now: Date }): Promise<number> {
  const [row] = await db.insert(questionNotes).values({ communityId: p.communityId, questionId: p.questionId, body: p.body, fileIds: [], byPerson: p.byPerson, at: p.now }).returning({ id: questionNotes.id })
  return row!.id
}

export async function attachNoteFile(db: Db, p: { id: number; communityId: number; fileId: number }): Promise<void> {
  await db
    .update(questionNotes)
    .set({ fileIds: sql`${questionNotes.fileIds} || ${JSON.stringify([p.fileId])}::jsonb` })
    .where(and(eq(questionNotes.id, p.id), eq(questionNotes.communityId, p.communityId)))
}

export async function notesOf(db: Db, p: { communityId: number; questionIds: number[] }) {
  if (!p.questionIds.length) return []
  return db
    .select()
    .from(questionNotes)
    .where(and(eq(questionNotes.communityId, p.communityId), inArray(questionNotes.questionId, p.questionIds))).orderBy(asc(questionNotes.at), asc(questionNotes.id))
}

/** The ids of a community's buildings by number (those that exist). */
export async function buildingsByNumber(db: Db, p: { communityId: number; numbers: number[] }): Promise<{ id: number; number: number }[]> {
  if (!p.numbers.length) return []
  return db.select({ id: buildings.id, number: buildings.number }).from(buildings).where(and(eq(buildings.communityId, p.communityId), inArray(buildings.number, p.numbers)))
}

// --- residents' representatives (居民代表) -------------------------------------------------------

export const REPRESENTATIVE_ROLE = 'representative' satisfies RoleName

export async function revokeRepresentative(db: Db, p: { communityId: number; personId: number }): Promise<number> {
  const rows = await db
    .delete(roles)
    .where(and(eq(roles.communityId, p.communityId), eq(roles.personId, p.personId), eq(roles.role, REPRESENTATIVE_ROLE)))
    .returning({ id: roles.id })
  return rows.length
}

/** The community's representatives, one row per person and building. */
export async function representativesOf(db: Db, p: { communityId: number }) {
  return db
    .select({ personId: people.id, name: people.name, buildingId: roles.buildingId, building: buildings.number })
    .from(roles)
    .innerJoin(people, eq(people.id, roles.personId))
    .leftJoin(buildings, and(eq(buildings.communityId, roles.communityId), eq(buildings.id, roles.buildingId)))
    .where(and(eq(roles.communityId, p.communityId), eq(roles.role, REPRESENTATIVE_ROLE)))
    .orderBy(asc(buildings.number), asc(roles.id))
}

/** The building a representative speaks for (the first), or undefined if they are none. */
export async function representativeBuilding(db: Db, p: { communityId: number; personId: number }): Promise<number | null | undefined> {
  const [row] = await db
    .select({ buildingId: roles.buildingId })
    .from(roles)
    .where(and(eq(roles.communityId, p.communityId), eq(roles.personId, p.personId), eq(roles.role, REPRESENTATIVE_ROLE)))
    .orderBy(asc(roles.id))
    .limit(1)
  return row ? row.buildingId : undefined
}

// --- 商议 --------------------------------------------------------------------------------------

export async function addConsultation(db: Db, p: Omit<typeof consultations.$inferInsert, 'id'>): Promise<void> {
  await db.insert(consultations).values(p)
}

/** The consultations on these projects, oldest first, with the department's name. */
export async function consultationsOf(db: Db, p: { communityId: number; projectIds?: number[] }) {
  if (p.projectIds && !p.projectIds.length) return []
  return db
    .select({ projectId: consultations.projectId, partner: partners.name, words: consultations.words, at: consultations.at, by: people.name, byPerson: consultations.byPerson })
    .from(consultations)
    .innerJoin(partners, and(eq(partners.communityId, consultations.communityId), eq(partners.id, consultations.partnerId)))
    .leftJoin(people, eq(people.id, consultations.byPerson))
    .where(and(eq(consultations.communityId, p.communityId), ...(p.projectIds ? [inArray(consultations.projectId, p.projectIds)] : [])))
    .orderBy(asc(consultations.at), asc(consultations.id))
}

/** Confirmed households in these buildings (null: every building) — who may choose on a question. */
export async function confirmedHouseholdCount(db: Db, p: { communityId: number; buildingIds: number[] | null }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${households.id})::int` })
    .from(people)
    .innerJoin(households, eq(households.id, people.householdId))
    .where(and(eq(households.communityId, p.communityId), isNotNull(people.householdConfirmedAt), ...(p.buildingIds ? [inArray(households.buildingId, p.buildingIds.length ? p.buildingIds : [-1])] : [])))
  return row?.n ?? 0
}

/** The numbers of these buildings, in order. */
export async function buildingNumbersOf(db: Db, p: { communityId: number; ids: number[] }): Promise<number[]> {
  if (!p.ids.length) return []
  const rows = await db
    .select({ number: buildings.number })
    .from(buildings)
    .where(and(eq(buildings.communityId, p.communityId), inArray(buildings.id, p.ids)))
  return rows.map((r) => r.number).sort((a, b) => a - b)
}
