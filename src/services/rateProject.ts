import { openRounds, castBallot } from '../db/rounds.js'
import { projectNames } from '../db/rounds.js'
import { projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import { parseRating } from '../domain/implementation/rating.js'
import { formatClock } from '../domain/time.js'
import type { Ctx } from '../kit/context.js'
import { eligibleVoter } from './castVote.js'
import { cut } from '../domain/text.js'

const EXAMPLE = '评价 P3 5 很满意'

/** 评价 P3 5 很满意 — a household rates a finished project (1–5 and words); again replaces. 评价 alone lists. */
export async function rateProject(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', '请在您楼栋的群里 @我 评价。')
  const tz = ctx.config.timeZone
  const open = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'acceptance' })
  if (!open.length) throw new AppError('NOT_FOUND', '现在没有等待评价的项目。项目完工后会在群里通知。')
  const names = await projectNames(ctx.db, { ids: open.map((r) => r.projectIds[0]!) })
  const list = open.map((r) => `${projectCode(r.projectIds[0]!)}「${names.get(r.projectIds[0]!) ?? ''}」（${formatClock(r.closesAt, tz)} 截止）`)
  if (!args.trim()) return ctx.reply(`等您评价的项目：${list.join('、')}。\n请说「${EXAMPLE}」，1 到 5 分，5 分最满意。`)
  const parsed = parseRating(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)
  const { project, score, comment } = parsed.value
  if (project === null && open.length > 1) throw new AppError('BAD_INPUT', `请写项目编号，例如「评价 ${projectCode(open[0]!.projectIds[0]!)} ${score}」。等评价的有：${list.join('、')}。`)
  const round = project === null ? open[0]! : open.find((r) => r.projectIds[0] === project)
  if (!round) throw new AppError('NOT_FOUND', `${projectCode(project!)} 现在不在评价中。等评价的有：${list.join('、')}。`)
  const voter = await eligibleVoter(ctx, round)
  await castBallot(ctx.db, { roundId: round.id, ...voter, personId: ctx.person.id, dots: [score], comment: comment || null, now: ctx.now })
  const code = projectCode(round.projectIds[0]!)
  await ctx.reply(`已记下您家对 ${code} 的评价：${score} 分${comment ? `，「${cut(comment, 30)}」` : ''}。谢谢！截止前可以改。`)
}
