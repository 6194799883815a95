import type { Ctx } from '../../kit/context.js'
import { collectStatus } from './report.js'
import { statusLines, statusReply } from './text.js'

/** 状态: the bot's own state for the staff, in a few lines (the same as the status page). */
export async function showStatus(ctx: Ctx): Promise<void> {
  const report = await collectStatus(ctx.db, { account: ctx.config.account, state: ctx.runtime.state(), now: ctx.now, jobNames: ctx.runtime.jobNames, ...(ctx.runtime.lease ? { lease: ctx.runtime.lease } : {}) })
  await ctx.reply(statusReply(statusLines(report, ctx.config.timeZone)))
}
