import { householdOfPerson } from '../../db/households.js'
import { openRounds } from '../../db/rounds.js'
import { buildingNumbersOf, getQuestion, latestQuestion, openQuestions, saveChoice, type Question } from '../../db/deliberation.js'
import { parseChoice, questionCode } from '../../domain/deliberation/question.js'
import { AppError } from '../../domain/errors.js'
import { normalizeWidth } from '../../domain/text.js'
import { formatClock } from '../../domain/time/index.js'
import type { Ctx } from '../../kit/context.js'
import { deliberationText as t } from './text.js'
import { written } from './written.js'

/**
 * 选 3 可以种花，孩子们也安全 — a confirmed household of the question's buildings chooses one
 * option, with an optional reason; choosing again replaces the household's choice.
 */
export async function chooseOption(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.chooseWhere)
  const communityId = ctx.community.id
  const home = await householdOfPerson(ctx.db, { personId: ctx.person.id })
  const named = /^\s*Q\s*(\d{1,6})(?!\d)/i.exec(normalizeWidth(args))
  let question: Question | undefined
  if (named) {
    question = await getQuestion(ctx.db, { id: Number(named[1]), communityId })
    if (!question) throw new AppError('NOT_FOUND', t.noSuchQuestion(Number(named[1])))
  } else {
    const open = await openQuestions(ctx.db, { communityId })
    if (!open.length) {
      // the question just over: say so rather than that there is none
      const last = await latestQuestion(ctx.db, { communityId })
      // 选 3 7 said while a vote is open means the vote: point there
      if ((await openRounds(ctx.db, { communityId, kind: 'resident' })).length) throw new AppError('NOT_FOUND', t.voteInstead)
      if (last) throw new AppError('CONFLICT', t.questionClosed(last.id, formatClock(last.closedAt ?? last.closesAt, ctx.config.timeZone)))
      throw new AppError('NOT_FOUND', t.noOpenQuestion)
    }
    // the questions this household is asked (else all open ones, to say which buildings are)
    const mine = home ? open.filter((q) => !q.buildingIds || q.buildingIds.includes(home.building.id)) : open
    if (mine.length > 1) throw new AppError('BAD_INPUT', t.whichQuestion(mine.map((q) => questionCode(q.id))))
    if (!mine.length) throw new AppError('NOT_FOUND', t.noQuestionForYou)
    question = mine[0]!
  }
  if (question.status !== 'open' || question.closesAt <= ctx.now) throw new AppError('CONFLICT', t.questionClosed(question.id, formatClock(question.closedAt ?? question.closesAt, ctx.config.timeZone)))
  if (!home || home.household.communityId !== communityId) throw new AppError('FORBIDDEN', t.unregistered)
  if (!home.confirmedAt) throw new AppError('FORBIDDEN', t.unconfirmed)
  if (question.buildingIds && !question.buildingIds.includes(home.building.id)) {
    const numbers = await buildingNumbersOf(ctx.db, { communityId, ids: question.buildingIds })
    throw new AppError('FORBIDDEN', t.notYourBuilding(question.id, numbers))
  }
  const parsed = parseChoice(args, question.options)
  if (!parsed.ok) throw new AppError('BAD_INPUT', t.choiceRefusal(parsed.reason, question.options))
  const { option } = parsed.value
  const reason = parsed.value.reason ? written(ctx, parsed.value.reason) || null : null
  const { replaced } = await saveChoice(ctx.db, {
    communityId,
    questionId: question.id,
    voterKey: `household:${home.household.key}`,
    personId: ctx.person.id,
    buildingId: home.building.id,
    option,
    reason,
    now: ctx.now,
  })
  await ctx.reply(ctx.room ? t.chosenInGroup({ id: question.id, replaced }) : t.chosenPrivate({ id: question.id, option, text: question.options[option - 1]!, reason: reason !== null, replaced }))
}
