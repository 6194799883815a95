import { updateSuggestion } from '../../db/suggestions.js'
import type { Ctx } from '../../kit/context.js'
import { ownOpenSuggestion } from './ownSuggestion.js'
import { mineText as t } from './text.js'

/** 撤回 J12 — while it is not yet merged into a project. */
export async function withdrawSuggestion(ctx: Ctx, args: string): Promise<void> {
  const s = await ownOpenSuggestion(ctx, args, 'withdraw')
  await updateSuggestion(ctx.db, { id: s.id, communityId: s.communityId, set: { status: 'withdrawn', updatedAt: ctx.now } })
  await ctx.reply(t.withdrawn(s.id, s.problem))
}
