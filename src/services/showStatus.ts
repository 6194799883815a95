import type { Ctx } from '../kit/context.js'
import { collectStatus, statusLines } from '../features/status/index.js'

/** 状态: the bot's own state for the staff, in a few lines (the same as the status page). */
export async function showStatus(ctx: Ctx): Promise<void> {
  const report = await collectStatus(ctx.db, { state: ctx.runtime.state(), now: ctx.now, jobNames: ctx.runtime.jobNames })
  await ctx.reply(['共建助手状态', ...statusLines(report, ctx.config.timeZone).map((l) => `· ${l}`)].join('\n'))
}
