import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { consultations, questionChoices, questionNotes, questions } from '../../db/schema.js'

/**
 * 删除我的信息, for deliberation: a household's choice stays (an anonymous count, keyed by the
 * door's one-way key), but the person's link and their reason go — a reason is their own words
 * and may tell who they are. Notes and consultations they wrote stay (the committee's and a
 * department's record) without their name. Call it in the erasure's transaction.
 */
export async function eraseFromDeliberation(db: Db, p: { personId: number }): Promise<void> {
  await db.update(questionChoices).set({ personId: null, reason: null }).where(eq(questionChoices.personId, p.personId))
  await db.update(questionNotes).set({ byPerson: null }).where(eq(questionNotes.byPerson, p.personId))
  await db.update(questions).set({ createdBy: null }).where(eq(questions.createdBy, p.personId))
  await db.update(consultations).set({ byPerson: null }).where(eq(consultations.byPerson, p.personId))
}
