import { turnoutByBuilding } from '../../db/rounds.js'
import { AppError } from '../../domain/errors.js'
import { formatClock } from '../../domain/time/index.js'
import type { Ctx } from '../../kit/context.js'
import { postChart, resultChart } from './resultChart.js'
import { resultsText } from './results.js'
import { roundFrom } from './roundFrom.js'
import { roundText as t } from './text.js'

/** 结果 [T1] — the result once closed; while open only the turnout (no interim ranking). */
export async function showRoundResults(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.resultsWhere)
  const round = await roundFrom(ctx, args)
  if (round.status === 'open') {
    const turnout = await turnoutByBuilding(ctx.db, { round })
    const voted = turnout.reduce((n, x) => n + x.voted, 0)
    await ctx.reply(t.stillOpen({ round: round.id, kind: round.kind, per: round.per, closes: formatClock(round.closesAt, ctx.config.timeZone), voted }))
    return
  }
  await ctx.reply(await resultsText(ctx.db, { round, timeZone: ctx.config.timeZone }))
  const png = await resultChart(ctx.db, { round, timeZone: ctx.config.timeZone, fontFile: ctx.config.cjkFont })
  if (png && ctx.room) await postChart(ctx.db, { round, png, roomIds: [ctx.room.id], key: `reply:${ctx.inboundId}:chart`, now: ctx.now })
}
