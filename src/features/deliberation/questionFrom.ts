import { getQuestion, latestQuestion, type Question } from '../../db/deliberation.js'
import { QUESTION_REF } from '../../domain/deliberation/question.js'
import { AppError } from '../../domain/errors.js'
import { normalizeWidth } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { deliberationText as t } from './text.js'

/** The question named (Q1) and the words after it; else the latest question and all the words. */
export async function questionFrom(ctx: Ctx, args: string, communityId: number, usage: string): Promise<{ question: Question; rest: string }> {
  const s = normalizeWidth(args).trim()
  const m = QUESTION_REF.exec(s)
  if (m) {
    const question = await getQuestion(ctx.db, { id: Number(m[1]), communityId })
    if (!question) throw new AppError('NOT_FOUND', t.noSuchQuestion(Number(m[1])))
    return { question, rest: (s.slice(0, m.index) + s.slice(m.index + m[0].length)).trim() }
  }
  const question = await latestQuestion(ctx.db, { communityId })
  if (!question) throw new AppError('NOT_FOUND', t.noQuestionYet)
  if (!s && usage) return { question, rest: '' }
  return { question, rest: s }
}
