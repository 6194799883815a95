import { startCampaign as startCampaignRow } from '../../db/campaigns.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { campaignText as t } from './text.js'

const MAX_NAME = 40

/** 新建活动 <名称> — staff start a campaign; it becomes the community's current one. */
export async function startCampaign(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const name = args.trim()
  if (!name) throw new AppError('BAD_INPUT', t.noName)
  if (name.length > MAX_NAME) throw new AppError('BAD_INPUT', t.nameTooLong(MAX_NAME))
  const campaign = await startCampaignRow(ctx.db, { communityId: community.id, name, createdBy: ctx.person.id, now: ctx.now })
  await ctx.reply(t.started(campaign.name))
}
