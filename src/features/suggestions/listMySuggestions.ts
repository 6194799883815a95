import { suggestionsOf } from '../../db/suggestions.js'
import type { Ctx } from '../../kit/context.js'
import { mineText as t } from './text.js'

/** 我的建议 — mine (and those I said 是 to), with where each stands. */
export async function listMySuggestions(ctx: Ctx): Promise<void> {
  // privately, without a community of their own: theirs in every community, one by one
  const lists: Awaited<ReturnType<typeof suggestionsOf>>[] = []
  for (const c of ctx.community ? [ctx.community] : ctx.communities) lists.push(await suggestionsOf(ctx.db, { communityId: c.id, personId: ctx.person.id }))
  const newest = (a: { s: { id: number } }, b: { s: { id: number } }) => b.s.id - a.s.id
  const own = lists.flatMap((l) => l.own).sort(newest)
  const backed = lists.flatMap((l) => l.backed).sort(newest)
  if (!own.length && !backed.length) return ctx.reply(t.none)
  await ctx.reply(
    t.list({
      own: own.slice(0, 10).map(({ s, supports }) => ({ id: s.id, problem: s.problem, proxyFor: s.proxyFor, status: t.status(s), supports })),
      backed: backed.slice(0, 5).map(({ s }) => ({ id: s.id, problem: s.problem, status: t.status(s) })),
      open: own.find((x) => x.s.status === 'open')?.s.id,
    }),
  )
}
