import { updateSuggestion } from '../../db/suggestions.js'
import { AppError } from '../../domain/errors.js'
import { featuresOf } from '../../domain/suggestions/similarity.js'
import { categorize } from '../../domain/suggestions/understand.js'
import { chinesePunctuation, cut, normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { writtenFragment } from '../../kit/understand/index.js'
import { ownOpenSuggestion } from './ownSuggestion.js'
import { MAX_PROBLEM } from './submitSuggestion.js'
import { mineText as t } from './text.js'

/** 修改 J12 新的说法 — correct the words (and so the category) while it is still open. */
export async function correctSuggestion(ctx: Ctx, args: string): Promise<void> {
  const m = /^\s*[Jj]\s*\d+/.exec(normalizeInput(args))
  const s = await ownOpenSuggestion(ctx, m ? m[0] : '', 'correct')
  const words = chinesePunctuation(normalizeInput(args).slice(m![0].length).replace(/^[\s:：,，]+/, '').trim())
  if (!words) throw new AppError('BAD_INPUT', t.needWords(s.id))
  const category = categorize(words)
  // read in Simplified, kept as the person wrote it
  const kept = writtenFragment(ctx, words)
  await updateSuggestion(ctx.db, { id: s.id, communityId: s.communityId, set: { problem: cut(kept, MAX_PROBLEM), category, features: featuresOf(words), updatedAt: ctx.now, ...(s.voiceFileId !== null ? { heardBy: ctx.person.id, heardAt: ctx.now } : {}) } })
  await ctx.reply(t.corrected(s.id, kept, category))
}
