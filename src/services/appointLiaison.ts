import { ensurePartner, grantLiaison, revokeLiaison } from '../db/partners.js'
import { AppError } from '../domain/errors.js'
import { normalizeWidth } from '../domain/text.js'
import type { Ctx } from '../kit/context.js'
import { mentionedPeople } from './mentioned.js'
import { staffCommunity } from '../kit/access.js'

const EXAMPLE = '联络员 @张三 绿化所'

/**
 * 联络员 @张三 绿化所 — staff name a department's liaison. In the staff group the liaison then
 * acts on their own department's projects only (资源, 进度, 完成), not as staff.
 */
export async function appointLiaison(ctx: Ctx, args: string): Promise<void> {
  if (/取消|撤销|撤掉|不再/.test(args)) return revokeLiaisonRole(ctx)
  const community = staffCommunity(ctx)
  if (ctx.room?.kind !== 'staff') throw new AppError('WRONG_ROOM', `请在居委工作群里 @ 对方，例如「${EXAMPLE}」。`)
  const people = await mentionedPeople(ctx, EXAMPLE)
  const name = normalizeWidth(args).replace(/@\S+/g, ' ').replace(/\u2005/g, ' ').trim().split(/\s+/)[0] ?? ''
  if (!name) throw new AppError('BAD_INPUT', `请写单位名称，例如「${EXAMPLE}」。`)
  if ([...name].length > 20) throw new AppError('BAD_INPUT', '单位名称太长了，请写简称，例如「绿化所」。')
  if (people.some((p) => p.id === ctx.person.id)) throw new AppError('BAD_INPUT', '不能把自己设为联络员：联络员只能办本单位的事。')
  const partner = await ensurePartner(ctx.db, { communityId: community.id, name, now: ctx.now })
  const added: string[] = []
  for (const person of people) {
    if (await grantLiaison(ctx.db, { communityId: community.id, personId: person.id, partnerId: partner.id, grantedBy: ctx.person.id, now: ctx.now })) added.push(person.name)
  }
  if (!added.length) return ctx.reply(`${people.map((p) => p.name).join('、')} 已经是${name}的联络员了。`)
  await ctx.reply(`已设 ${added.join('、')} 为${name}联络员：可登记资源，更新本单位项目的进度（进度 P3 60% 说明），完工后说「完成 P3」。`)
}

/** 撤销联络员 @李工 (or 联络员 @李工 取消) — the person is no longer a liaison; in the staff group they are staff again. */
export async function revokeLiaisonRole(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const people = await mentionedPeople(ctx, '撤销联络员 @李工')
  const done: string[] = []
  for (const person of people) if (await revokeLiaison(ctx.db, { communityId: community.id, personId: person.id })) done.push(person.name)
  if (!done.length) return ctx.reply(`${people.map((p) => p.name).join('、')} 不是联络员。`)
  await ctx.reply(`${done.join('、')} 不再是联络员了。`)
}
