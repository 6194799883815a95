import { moveCursor, readCursor } from '../../db/suggestions.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { ALL } from './lexicon.js'
import { newSuggestionsReport } from './newSuggestionsReport.js'
import { reportText as t } from './text.js'

/** 建议列表 [全部] — staff: what came in since they last looked (or all open ones). */
export async function listNewSuggestions(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const since = ALL.test(args) ? new Date(0) : await readCursor(ctx.db, { communityId: community.id, name: 'suggestion-list' })
  const report = await newSuggestionsReport(ctx.db, { communityId: community.id, since, timeZone: ctx.config.timeZone })
  await moveCursor(ctx.db, { communityId: community.id, name: 'suggestion-list', at: ctx.now })
  await ctx.reply(report ?? t.nothingNew)
}
