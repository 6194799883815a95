import { addResource, ensurePartner, findPartner } from '../db/partners.js'
import { currentCampaign } from '../db/campaigns.js'
import { AppError } from '../domain/errors.js'
import { parseResource } from '../domain/implementation/commands.js'
import { formatMoney } from '../domain/implementation/money.js'
import type { Ctx } from '../kit/context.js'
import { ledgerLines } from './actionPlan.js'
import { mayActFor, partnerActor } from './partnerAccess.js'

/** 资源 绿化所 绿化改造 预算5万 — a department or partner offers what it can do; 资源 alone lists them. */
export async function offerResource(ctx: Ctx, args: string): Promise<void> {
  const actor = await partnerActor(ctx)
  const communityId = actor.community.id
  if (!args.trim()) {
    const lines = await ledgerLines(ctx.db, { communityId })
    return ctx.reply(lines.length ? ['各单位资源：', ...lines.map((l) => `· ${l}`)].join('\n') : '还没有单位登记资源。例如「资源 绿化所 绿化改造 预算5万」。')
  }
  const parsed = parseResource(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)
  const { partner: name, what, budget } = parsed.value
  // a liaison offers for their own department only
  if (actor.liaisonOf) mayActFor(actor, (await findPartner(ctx.db, { communityId, name }))?.id, `您是其他单位的联络员，不能替「${name}」登记资源。`)
  const partner = await ensurePartner(ctx.db, { communityId, name, now: ctx.now })
  const campaign = await currentCampaign(ctx.db, { communityId })
  await addResource(ctx.db, { communityId, campaignId: campaign?.id ?? null, partnerId: partner.id, what, budget, createdBy: ctx.person.id, createdAt: ctx.now })
  await ctx.reply(`已登记：${name} 提供「${what}」${budget === null ? '' : `，预算${formatMoney(budget)}`}。派单请说「派单 P3 ${name} 预计12月底」。`)
}
