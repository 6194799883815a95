import { and, eq, inArray, or, sql } from 'drizzle-orm'
import type { Conversation } from '../db/conversations.js'
import { withdrawUnpublished } from '../db/council.js'
import { householdMemberCount, householdOfPerson } from '../db/households.js'
import {
  councilCandidates,
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
} from '../db/schema.js'
import { scrubEverywhere, scrubNumber } from '../db/scrub.js'
import { buildingLabel } from '../domain/address.js'
import { normalizeInput } from '../domain/text.js'
import type { Ctx, DialogHandler } from '../kit/context.js'
import { XLSX_TYPE } from './exportWorkbook.js'

export const ERASE_DIALOG = 'erase-my-info'
const YES = new Set(['确认删除', '确认', '删除', '是', '是的', '好', '好的', '确定', '对', 'yes', 'y'])
const NO = new Set(['不', '不要', '不删', '不删了', '否', '没有', '不用', '不了', 'no', 'n'])

/** what a name or door becomes where it was written */
export const ERASED_NAME = '某居民'
export const ERASED_DOOR = '***'

/** 删除我的信息 — asks for a confirmation first (PIPL: the person may erase what is stored). */
export async function askEraseMyInfo(ctx: Ctx): Promise<void> {
  await ctx.startDialog({ name: ERASE_DIALOG, version: 1, step: 'confirm', state: {} })
  await ctx.reply('将删除您的住户登记、身份、群昵称和消息记录，以及聊天和表格里出现的您的名字和门牌，不能恢复。\n确认请回复「确认删除」，不删请回复「取消」。')
}

export const eraseDialog: DialogHandler = {
  version: 1,
  async onMessage(ctx: Ctx, _c: Conversation) {
    const answer = normalizeInput(ctx.msg.text).replace(/[。.!！\s]/g, '').toLowerCase()
    if (NO.has(answer)) {
      await ctx.endDialog()
      await ctx.reply('好的，不删除，您的信息都还在。')
      return
    }
    if (!YES.has(answer)) {
      await ctx.reply('请回复「确认删除」删除，或「取消」保留。')
      return
    }
    await eraseMyInfo(ctx)
    // no name in it and no link to the erased person: said after they are gone
    await ctx.replyPlain('已删除您的信息：名字、门牌、群昵称和消息都已抹去，只留下不记名的统计数字（如投过的票）。以后再和我说话，我就当初次见面。')
  },
}

/** A name worth searching for: long enough not to hit ordinary words, not just a number or a building. */
function searchable(s: string | null | undefined): s is string {
  const t = (s ?? '').trim()
  return [...t].length >= 2 && !/^[\d\s#号楼栋幢座单元室层\-—]+$/.test(t) && t !== ERASED_NAME
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
    door = unit.replace(/^.*单元/, '')
    replacements.unshift([`${b} ${unit}`, `${b} ${ERASED_DOOR}`], [`${b}${unit}`, `${b}${ERASED_DOOR}`])
    if (unit.includes('单元')) replacements.unshift([unit, ERASED_DOOR])
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
  // unsent messages to them would only fail; sent ones stay as history, scrubbed below
  await db.delete(outbox).where(and(eq(outbox.personId, person.id), inArray(outbox.status, ['pending', 'sending'])))
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

/** Export files are snapshots with names: deleted (staff can export again). */
async function deleteExports(db: Ctx['db']): Promise<void> {
  const old = await db.select({ id: files.id }).from(files).where(eq(files.mediaType, XLSX_TYPE))
  if (!old.length) return
  const ids = old.map((f) => f.id)
  await db.delete(outbox).where(and(inArray(outbox.fileId, ids), inArray(outbox.status, ['pending', 'sending'])))
  await db.update(outbox).set({ fileId: null }).where(inArray(outbox.fileId, ids))
  await db.delete(files).where(inArray(files.id, ids))
}
