import { currentCampaign } from '../../db/campaigns.js'
import { addResource, ensurePartner, findPartner } from '../../db/partners.js'
import { AppError } from '../../domain/errors.js'
import { parseResource } from '../../domain/implementation/commands.js'
import type { Ctx } from '../../kit/context.js'
import { ledgerLines } from './actionPlan.js'
import { mayActFor, partnerActor } from './partnerAccess.js'
import { reasonText } from './reasons.text.js'
import { resourceText as t } from './text.js'

/** 资源 绿化所 绿化改造 预算5万 — a department or partner offers what it can do; 资源 alone lists them. */
export async function offerResource(ctx: Ctx, args: string): Promise<void> {
  const actor = await partnerActor(ctx)
  const communityId = actor.community.id
  if (!args.trim()) return ctx.reply(t.ledger(await ledgerLines(ctx.db, { communityId })))
  const parsed = parseResource(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', reasonText.resource(parsed.reason))
  const { partner: name, what, budget } = parsed.value
  // a liaison offers for their own department only
  if (actor.liaisonOf) mayActFor(actor, (await findPartner(ctx.db, { communityId, name }))?.id, t.notYours(name))
  const partner = await ensurePartner(ctx.db, { communityId, name, now: ctx.now })
  const campaign = await currentCampaign(ctx.db, { communityId })
  await addResource(ctx.db, { communityId, campaignId: campaign?.id ?? null, partnerId: partner.id, what, budget, createdBy: ctx.person.id, createdAt: ctx.now })
  await ctx.reply(t.offered({ name, what, budget }))
}
