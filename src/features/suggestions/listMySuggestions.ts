import { suggestionsOf } from '../../db/suggestions.js'
import type { Ctx } from '../../kit/context.js'
import { mineText as t } from './text.js'

/** 我的建议 — mine (and those I said 是 to), with where each stands. */
export async function listMySuggestions(ctx: Ctx): Promise<void> {
  const { own, backed } = await suggestionsOf(ctx.db, { personId: ctx.person.id })
  if (!own.length && !backed.length) return ctx.reply(t.none)
  await ctx.reply(
    t.list({
      own: own.slice(0, 10).map(({ s, supports }) => ({ id: s.id, problem: s.problem, proxyFor: s.proxyFor, status: t.status(s), supports })),
      backed: backed.slice(0, 5).map(({ s }) => ({ id: s.id, problem: s.problem, status: t.status(s) })),
      open: own.find((x) => x.s.status === 'open')?.s.id,
    }),
  )
}
