import { and, eq, inArray, or, sql } from 'drizzle-orm'
import { withdrawUnpublished } from '../../db/council.js'
import { householdMemberCount, householdOfPerson } from '../../db/households.js'
import {
  conversations,
  councilCandidates,
  drafts,
  erasures,
  files,
  households,
  inboundMessages,
  outbox,
  people,
  poolEvents,
  projects,
  roles,
  roomMembers,
  suggestions,
  suggestionSupports,
} from '../../db/schema.js'
import { scrubEverywhere, scrubNumber } from '../../db/scrub.js'
import { buildingLabel, doorNumber } from '../../domain/address.js'
import type { Ctx } from '../../kit/context.js'
import { eraseFromDeliberation } from '../deliberation/index.js'
import { XLSX_TYPE } from '../export/index.js'
import { eraseFromPoints } from '../points/index.js'
import { eraseFromReports } from '../reports/index.js'
import { ADDRESS_ONLY } from './lexicon.js'
import { privacyText as t } from './text.js'

/** what a name or door becomes where it was written */
export const ERASED_NAME = t.erasedName
export const ERASED_DOOR = '***'

/** A name worth searching for: long enough not to hit ordinary words, not just a number or a building. */
function searchable(s: string | null | undefined): s is string {
  const name = (s ?? '').trim()
  return [...name].length >= 2 && !ADDRESS_ONLY.test(name) && name !== ERASED_NAME
}

/**
 * Erases the person: their rows go, and their name, nicknames and door number are taken out of
 * every text the bot keeps — messages sent and unsent, others' logged messages, suggestions,
 * dialog states, draw files — while anonymous counts (ballots, suggestions without a door) stay.
 * Export files are snapshots with names in them: they are deleted.
 */
export async function eraseMyInfo(ctx: Ctx): Promise<void> {
  const { db, person } = ctx
  const nicknames = await db.select({ nickname: roomMembers.nickname }).from(roomMembers).where(eq(roomMembers.personId, person.id))
  const home = await householdOfPerson(db, { personId: person.id })
  const names = [...new Set([person.name, ctx.msg.talker.name, ctx.msg.talker.nickname, ...nicknames.map((n) => n.nickname)].filter(searchable))]
    // longest first: "张三丰" before "张三"
    .sort((a, b) => b.length - a.length)
  const replacements: [string, string][] = names.map((n) => [n, ERASED_NAME])
  let door: string | undefined
  if (home) {
    const b = buildingLabel(home.building.number)
    const unit = home.household.unit
    door = doorNumber(unit)
    replacements.unshift([`${b} ${unit}`, `${b} ${ERASED_DOOR}`], [`${b}${unit}`, `${b}${ERASED_DOOR}`])
    // 2单元502 is a door on its own; a bare 502 is not
    if (door !== unit) replacements.unshift([unit, ERASED_DOOR])
  }

  // their own words go; the bare door number also from what was said to them and what they suggested
  await db.update(inboundMessages).set({ text: null, personId: null }).where(eq(inboundMessages.personId, person.id))
  if (door) {
    const mentioning = names.length ? or(...names.map((n) => sql`strpos(${outbox.body}, ${n}) > 0`)) : undefined
    await scrubNumber(db, { table: 'outbox', columns: ['body'], where: mentioning ? sql`(${outbox.personId} = ${person.id} or ${mentioning})` : sql`${outbox.personId} = ${person.id}`, number: door, replacement: ERASED_DOOR })
    await scrubNumber(db, { table: 'suggestions', columns: ['problem', 'place'], where: sql`${suggestions.personId} = ${person.id}`, number: door, replacement: ERASED_DOOR })
    await scrubNumber(db, { table: 'suggestion_supports', columns: ['words'], where: sql`${suggestionSupports.personId} = ${person.id}`, number: door, replacement: ERASED_DOOR })
  }
  // their own entry in a published lottery keeps its place (the draw stays verifiable), not their name
  await db.update(councilCandidates).set({ name: ERASED_NAME }).where(eq(councilCandidates.personId, person.id))
  // a neighbour they typed in for (代提) is reachable only through them
  await db.update(suggestions).set({ proxyFor: null }).where(eq(suggestions.proxiedBy, person.id))
  await db.update(suggestionSupports).set({ proxyFor: null }).where(eq(suggestionSupports.proxiedBy, person.id))
  // their voice is them: the recordings go; and where they pinned (near a home, maybe)
  await deleteVoices(db, person.id)
  await db.update(suggestions).set({ latitude: null, longitude: null }).where(eq(suggestions.personId, person.id))
  // unsent messages to them would only fail; sent ones stay as history, scrubbed below
  await db.delete(outbox).where(and(eq(outbox.personId, person.id), inArray(outbox.status, ['pending', 'sending'])))
  // reports stay (shared places) without their name; the ledger keeps anonymous sums
  await eraseFromReports(db, { personId: person.id, door, replacement: ERASED_DOOR })
  await eraseFromPoints(db, { personId: person.id, now: ctx.now })
  // a household's choice on a question stays as a count; the person's link and reason go
  await eraseFromDeliberation(db, { personId: person.id })
  await scrubEverywhere(db, { replacements })
  await deleteExports(db)

  await db.update(people).set({ householdConfirmedBy: null }).where(eq(people.householdConfirmedBy, person.id))
  await db.update(roles).set({ grantedBy: null }).where(eq(roles.grantedBy, person.id))
  await db.update(poolEvents).set({ byPerson: null }).where(eq(poolEvents.byPerson, person.id))
  await db.update(projects).set({ createdBy: null }).where(eq(projects.createdBy, person.id))
  // an application not yet committed to goes; a published lottery keeps its (now nameless) entry
  await withdrawUnpublished(db, { personId: person.id })
  await db.insert(erasures).values({ communityId: ctx.community?.id ?? null, hadHousehold: person.householdId !== null, erasedAt: ctx.now })
  // room memberships, roles and open dialogs go with the person (on delete cascade)
  await db.delete(people).where(eq(people.id, person.id))
  // the door goes when nobody lives there any more; ballots keep only its one-way key
  if (person.householdId !== null && (await householdMemberCount(db, { householdId: person.householdId })) === 0) {
    await db.delete(households).where(eq(households.id, person.householdId))
  }
}

/** The person's voice recordings: of their suggestions, and of a dialog or draft not finished. */
async function deleteVoices(db: Ctx['db'], personId: number): Promise<void> {
  const said = await db.select({ id: suggestions.voiceFileId }).from(suggestions).where(and(eq(suggestions.personId, personId), sql`${suggestions.voiceFileId} is not null`))
  const voiceOf = (state: typeof drafts.state | typeof conversations.state) => sql<number | null>`(${state} -> 'voice' ->> 'fileId')::int`
  const pending = [
    ...(await db.select({ id: voiceOf(drafts.state) }).from(drafts).where(eq(drafts.personId, personId))),
    ...(await db.select({ id: voiceOf(conversations.state) }).from(conversations).where(eq(conversations.personId, personId))),
  ]
  const ids = [...new Set([...said, ...pending].map((r) => r.id).filter((id): id is number => typeof id === 'number'))]
  if (!ids.length) return
  await deleteFiles(db, ids)
}

/** Files deleted, with the unsent messages that would carry them; sent ones keep their words only. */
async function deleteFiles(db: Ctx['db'], ids: number[]): Promise<void> {
  await db.delete(outbox).where(and(inArray(outbox.fileId, ids), inArray(outbox.status, ['pending', 'sending'])))
  await db.update(outbox).set({ fileId: null }).where(inArray(outbox.fileId, ids))
  await db.update(suggestions).set({ voiceFileId: null }).where(inArray(suggestions.voiceFileId, ids))
  await db.delete(files).where(inArray(files.id, ids))
}

/** Export files are snapshots with names: deleted (staff can export again). */
async function deleteExports(db: Ctx['db']): Promise<void> {
  const old = await db.select({ id: files.id }).from(files).where(eq(files.mediaType, XLSX_TYPE))
  if (!old.length) return
  await deleteFiles(db, old.map((f) => f.id))
}
