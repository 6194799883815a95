import { AppError } from '../domain/errors.js'
import type { Ctx } from '../router/context.js'
import { collectStatus, statusLines } from '../status/report.js'

/** 状态: the bot's own state for the staff, in a few lines (the same as the status page). */
export async function showStatus(ctx: Ctx): Promise<void> {
  if (ctx.room && ctx.room.kind !== 'staff') throw new AppError('WRONG_ROOM', '请在居委工作群或私聊里问「状态」。')
  if (!ctx.isStaff) throw new AppError('FORBIDDEN', '只有居委工作人员可以查看机器人状态。')
  const report = await collectStatus(ctx.db, { state: ctx.runtime.state(), now: ctx.now, jobNames: ctx.runtime.jobNames })
  await ctx.reply(['共建助手状态', ...statusLines(report, ctx.config.timeZone).map((l) => `· ${l}`)].join('\n'))
}
