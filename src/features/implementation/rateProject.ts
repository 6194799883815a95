import { castBallot, openRounds, projectNames } from '../../db/rounds.js'
import { projectCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { parseRating } from '../../domain/implementation/rating.js'
import type { Ctx } from '../../kit/context.js'
import { writtenFragment } from '../../kit/understand/index.js'
import { eligibleVoter } from '../rounds/index.js'
import { reasonText } from './reasons.text.js'
import { rateText as t } from './text.js'

/** 评价 P3 5 很满意 — a household rates a finished project (1–5 and words); again replaces. 评价 alone lists. */
export async function rateProject(ctx: Ctx, args: string): Promise<void> {
  // anywhere: in a private chat the community may not be known
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.noCommunity)
  const tz = ctx.config.timeZone
  const open = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'acceptance' })
  if (!open.length) throw new AppError('NOT_FOUND', t.noneOpen)
  const names = await projectNames(ctx.db, { communityId: ctx.community.id, ids: open.map((r) => r.projectIds[0]!) })
  const list = open.map((r) => t.open({ code: projectCode(r.projectIds[0]!), name: names.get(r.projectIds[0]!) ?? '', closesAt: r.closesAt, timeZone: tz }))
  if (!args.trim()) return ctx.reply(t.waiting(list))
  const parsed = parseRating(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', reasonText.rating(parsed.reason))
  const { project, score } = parsed.value
  // read in Simplified, kept as the person wrote it
  const comment = writtenFragment(ctx, parsed.value.comment)
  if (project === null && open.length > 1) throw new AppError('BAD_INPUT', t.whichProject({ example: projectCode(open[0]!.projectIds[0]!), score, open: list }))
  const round = project === null ? open[0]! : open.find((r) => r.projectIds[0] === project)
  if (!round) throw new AppError('NOT_FOUND', t.notOpen(projectCode(project!), list))
  const voter = await eligibleVoter(ctx, round)
  await castBallot(ctx.db, { communityId: round.communityId, roundId: round.id, ...voter, personId: ctx.person.id, dots: [score], comment: comment || null, now: ctx.now })
  const code = projectCode(round.projectIds[0]!)
  await ctx.reply(t.rated({ code, score, comment }), { ack: { kind: `rating:${round.id}`, together: t.ratedTogether(code) } })
}
