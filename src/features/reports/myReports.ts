import { AppError } from '../../domain/errors.js'
import { reportsOf } from '../../db/reports.js'
import type { Ctx } from '../../kit/context.js'
import { suggestionCode } from './toSuggestion.js'
import { maskDoors, reportCode } from './parse.js'
import { reportText as t } from './text.js'

/** 我的报事 — mine and those I backed, newest first, with where each stands (no door numbers in a group). */
export async function myReports(ctx: Ctx): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.noCommunity)
  const { own, backed } = await reportsOf(ctx.db, { personId: ctx.person.id, communityId: ctx.community.id })
  if (!own.length && !backed.length) return ctx.reply(t.mineNone)
  const shown = (s: string) => (ctx.room ? maskDoors(s) : s)
  const line = ({ r }: (typeof own)[number]) =>
    t.mineLine({
      code: reportCode(r.id),
      problem: shown(r.problem),
      status: r.status,
      suggestion: r.suggestionId !== null ? suggestionCode(r.suggestionId) : null,
      closedAt: r.closedAt,
      outcome: r.outcome === null ? null : shown(r.outcome),
      timeZone: ctx.config.timeZone,
    })
  const lines = [...(own.length ? [t.mineHead, ...own.map(line)] : []), ...(backed.length ? [t.backedHead, ...backed.map(line)] : [])]
  await ctx.reply(lines.join('\n'))
}
