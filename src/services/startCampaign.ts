import { startCampaign as startCampaignRow } from '../db/campaigns.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../router/context.js'

/** 新建活动 <名称> — staff start a campaign; it becomes the community's current one. */
export async function startCampaign(ctx: Ctx, args: string): Promise<void> {
  if (ctx.room && ctx.room.kind !== 'staff') throw new AppError('WRONG_ROOM', '请在居委工作群或私聊里说「新建活动 名称」。')
  if (!ctx.isStaff || !ctx.community) throw new AppError('FORBIDDEN', '只有居委工作人员可以新建活动。')
  const name = args.trim()
  if (!name) throw new AppError('BAD_INPUT', '请带上活动名称，例如「新建活动 2026年冬季微更新」。')
  if (name.length > 40) throw new AppError('BAD_INPUT', '活动名称请短一些（40 字以内）。')
  const campaign = await startCampaignRow(ctx.db, { communityId: ctx.community.id, name, createdBy: ctx.person.id, now: ctx.now })
  await ctx.reply(`已开始新一期活动「${campaign.name}」。之后的公开信、建议和投票都归入这一期。\n下一步可以说「发布公开信」。`)
}
