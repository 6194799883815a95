import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { formatClock } from '../../domain/time/index.js'
import { questionFrom } from './questionFrom.js'
import { questionTally } from './tally.js'
import { deliberationText as t } from './text.js'

/** 议题 Q1 — staff see the households' choices per option and their reasons (with the building, never a name). */
export async function showQuestion(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { question } = await questionFrom(ctx, args, community.id, t.showUsage)
  const { options, chose, eligible } = await questionTally(ctx.db, question, { reasonChars: 80 })
  await ctx.reply(
    t.summary({
      id: question.id,
      title: question.title,
      open: question.status === 'open',
      closes: formatClock(question.closesAt, ctx.config.timeZone),
      chose,
      eligible,
      options,
      outcome: question.outcome,
    }),
  )
}
