import { closeQuestion, concludeQuestion as saveConclusion } from '../../db/deliberation.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { postToQuestionGroups } from './groups.js'
import { REASON_WORD } from './lexicon.js'
import { questionFrom } from './questionFrom.js'
import { questionTally } from './tally.js'
import { deliberationText as t } from './text.js'
import { written } from './written.js'

/** a few residents' reasons per option in the published conclusion, each short */
const REASONS_PER_OPTION = 3
const REASON_CHARS = 30

/**
 * 议题结论 Q1 改成花坛 理由 … — the outcome goes to the question's groups with the numbers and a few
 * residents' reasons per option, never a name. A question still open stops taking choices.
 */
export async function concludeQuestion(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  if (!/Q\s*\d/i.test(args)) throw new AppError('BAD_INPUT', t.concludeUsage)
  const { question, rest } = await questionFrom(ctx, args, community.id, t.concludeUsage)
  const cut = REASON_WORD.exec(rest)
  const outcome = written(ctx, (cut ? rest.slice(0, cut.index) : rest).replace(/^(?:结论)\s*[:：]?\s*/, '').replace(/[,，。;；\s]+$/, ''))
  const reason = cut ? written(ctx, rest.slice(cut.index + cut[0].length)) || null : null
  if (!outcome) throw new AppError('BAD_INPUT', t.concludeUsage)
  const closedNow = question.status === 'open' && (await closeQuestion(ctx.db, { id: question.id, communityId: question.communityId, now: ctx.now }))
  await saveConclusion(ctx.db, { id: question.id, communityId: question.communityId, outcome, reason, now: ctx.now })
  const { options, chose, eligible } = await questionTally(ctx.db, question, { reasonChars: REASON_CHARS, reasonsPerOption: REASONS_PER_OPTION })
  const body = t.conclusion({ id: question.id, title: question.title, outcome, reason, chose, eligible, options })
  const rooms = await postToQuestionGroups(ctx.db, { question, key: `question-conclusion:${question.id}:${ctx.inboundId}`, body, now: ctx.now })
  await ctx.reply(t.concluded({ id: question.id, groups: rooms.length, closedNow }))
}
