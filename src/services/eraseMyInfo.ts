import { eq } from 'drizzle-orm'
import type { Conversation } from '../conversations/store.js'
import { withdrawUnpublished } from '../db/council.js'
import { householdMemberCount } from '../db/households.js'
import { erasures, households, inboundMessages, people, poolEvents, projects, roles } from '../db/schema.js'
import { normalizeInput } from '../domain/text.js'
import type { Ctx, DialogHandler } from '../router/context.js'

export const ERASE_DIALOG = 'erase-my-info'
const YES = new Set(['确认删除', '确认', '删除', '是', '是的', '好', '好的', '确定', '对', 'yes', 'y'])
const NO = new Set(['不', '不要', '不删', '不删了', '否', '没有', '不用', '不了', 'no', 'n'])

/** 删除我的信息 — asks for a confirmation first (PIPL: the person may erase what is stored). */
export async function askEraseMyInfo(ctx: Ctx): Promise<void> {
  await ctx.startDialog({ name: ERASE_DIALOG, version: 1, step: 'confirm', state: {} })
  await ctx.reply('将删除您的住户登记、身份、群昵称和消息记录，不能恢复。\n确认请回复「确认删除」，不删请回复「取消」。')
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
    await ctx.reply('已删除您的信息，只留下不记名的统计数字。以后再和我说话，我就当初次见面。')
    await eraseMyInfo(ctx)
  },
}

/** Erases the person, keeping only anonymous counts (their messages stay counted, unlinked). */
export async function eraseMyInfo(ctx: Ctx): Promise<void> {
  const { db, person } = ctx
  await db.update(inboundMessages).set({ text: null, personId: null }).where(eq(inboundMessages.personId, person.id))
  await db.update(people).set({ householdConfirmedBy: null }).where(eq(people.householdConfirmedBy, person.id))
  await db.update(roles).set({ grantedBy: null }).where(eq(roles.grantedBy, person.id))
  await db.update(poolEvents).set({ byPerson: null }).where(eq(poolEvents.byPerson, person.id))
  await db.update(projects).set({ createdBy: null }).where(eq(projects.createdBy, person.id))
  // an application not yet committed to goes; a published lottery's list cannot change
  await withdrawUnpublished(db, { personId: person.id })
  await db.insert(erasures).values({ communityId: ctx.community?.id ?? null, hadHousehold: person.householdId !== null, erasedAt: ctx.now })
  // room memberships, roles and open dialogs go with the person (on delete cascade)
  await db.delete(people).where(eq(people.id, person.id))
  if (person.householdId !== null && (await householdMemberCount(db, { householdId: person.householdId })) === 0) {
    await db.delete(households).where(eq(households.id, person.householdId))
  }
}
