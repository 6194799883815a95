import { z } from 'zod'
import { isCouncilMember } from '../../db/roles.js'
import { openRounds, saveScores, scoresOf, type Round } from '../../db/rounds.js'
import { AppError } from '../../domain/errors.js'
import { parseScores, type Score } from '../../domain/rounds/ballots.js'
import type { Ctx } from '../../kit/context.js'
import { ask, defineDialog, end, stay } from '../../kit/dialog.js'
import { SKIP_SCORE } from './lexicon.js'
import { roundText as t } from './text.js'

async function openCouncilRoundFor(ctx: Ctx): Promise<Round> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.scoreWhere)
  const [round] = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'council' })
  if (!round) throw new AppError('NOT_FOUND', t.noOpenCouncilRound)
  if (!(await isCouncilMember(ctx.db, { personId: ctx.person.id, communityId: ctx.community.id }))) {
    throw new AppError('FORBIDDEN', t.notCouncilMember)
  }
  if (round.closesAt <= ctx.now) throw new AppError('CONFLICT', t.councilClosed(round.id))
  return round
}

/** Merges new scores into the member's ballot; returns the projects still unscored. */
async function record(ctx: Ctx, round: Round, scores: Score[]): Promise<number[]> {
  const outside = scores.filter((s) => !round.projectIds.includes(s.project)).map((s) => s.project)
  if (outside.length) throw new AppError('BAD_INPUT', t.notInRound('council', outside, round.projectIds))
  const voterKey = `person:${ctx.person.id}`
  const merged = new Map((await scoresOf(ctx.db, { communityId: round.communityId, roundId: round.id, voterKey })).map((s) => [s.project, s]))
  for (const s of scores) merged.set(s.project, s)
  await saveScores(ctx.db, { communityId: round.communityId, roundId: round.id, voterKey, personId: ctx.person.id, scores: [...merged.values()], now: ctx.now })
  return round.projectIds.filter((p) => !merged.has(p))
}

const State = z.object({ roundId: z.number().int(), project: z.number().int() })
type State = z.infer<typeof State>

/** Guided scoring: one project at a time, "5 4" or 跳过; the projects after it still unscored come next. */
const dialog = defineDialog<State, 'score'>({
  name: 'council-scoring',
  version: 1,
  schema: State,
  // stored as before the engine: the step is the project's number
  stepName: {
    write: (_step, state) => String(state.project),
    read: (name, state) => (/^\d+$/.test(name) && typeof state === 'object' && state ? { step: 'score', state: { ...state, project: Number(name) } } : null),
  },
  steps: {
    score: {
      prompt: (_ctx, state) => t.scoring.next(state.project),
      answer: async (ctx, a, state) => {
        const round = await openCouncilRoundFor(ctx)
        const after = (p: number) => round.projectIds.indexOf(p) > round.projectIds.indexOf(state.project)
        let left: number[]
        if (SKIP_SCORE.test(a.text)) {
          left = (await record(ctx, round, [])).filter(after)
        } else {
          const parsed = parseScores(`P${state.project} ${a.text}`)
          if (!parsed.ok) return stay(t.scoring.twoNumbers)
          left = (await record(ctx, round, parsed.value)).filter(after)
        }
        return left.length ? ask('score', { ...state, project: left[0]! }) : end(t.scoring.done)
      },
    },
  },
})

export const scoringDialog = dialog

/** 评分 P3 5 4，P7 3 3 (compact) / 评分 (guided, one project at a time). */
export async function scoreProjects(ctx: Ctx, args: string): Promise<void> {
  const round = await openCouncilRoundFor(ctx)
  if (args.trim()) {
    const parsed = parseScores(args)
    if (!parsed.ok) throw new AppError('BAD_INPUT', t.scoresRefusal(parsed.reason))
    const left = await record(ctx, round, parsed.value)
    await ctx.reply(t.scored(parsed.value, left))
    return
  }
  const left = await record(ctx, round, [])
  if (!left.length) return ctx.reply(t.allScored)
  await dialog.save(ctx, 'score', { roundId: round.id, project: left[0]! })
  await ctx.reply(t.scoring.first(left[0]!))
}
