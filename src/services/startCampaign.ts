import { staffCommunity } from '../kit/access.js'
import { startCampaign as startCampaignRow } from '../db/campaigns.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'

/** 新建活动 <名称> — staff start a campaign; it becomes the community's current one. */
export async function startCampaign(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const name = args.trim()
  if (!name) throw new AppError('BAD_INPUT', '请带上活动名称，例如「新建活动 2026年冬季微更新」。')
  if (name.length > 40) throw new AppError('BAD_INPUT', '活动名称请短一些（40 字以内）。')
  const campaign = await startCampaignRow(ctx.db, { communityId: community.id, name, createdBy: ctx.person.id, now: ctx.now })
  await ctx.reply(`已开始新一期活动「${campaign.name}」。之后的公开信、建议和投票都归入这一期。\n下一步可以说「发布公开信」。`)
}
