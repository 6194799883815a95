import { projectsWithMembers } from '../../db/pool.js'
import { AppError } from '../../domain/errors.js'
import { parseRoundSpec } from '../../domain/rounds/spec.js'
import { formatClock, whenReasonText } from '../../domain/time/index.js'
import { parseWhen } from '../../domain/time/index.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { postToAllGroups } from '../../outbox/broadcast.js'
import { newRound } from './newRound.js'
import { roundText as t } from './text.js'

/** The pool projects a round is about; each must exist and hold at least one suggestion. */
export async function roundProjects(ctx: Ctx, p: { communityId: number; ids: number[] }) {
  const found = await projectsWithMembers(ctx.db, p)
  const missing = p.ids.filter((id) => !found.some((m) => m.project.id === id && m.suggestions.length > 0))
  if (missing.length) throw new AppError('NOT_FOUND', t.notInPool(missing))
  return found
}

/** 开启投票 P1-P8 每户3票 截止 12月5日20:00 — a residents' dot-voting round, announced everywhere. */
export async function openRound(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const spec = parseRoundSpec(args)
  if (!spec.ok) throw new AppError('BAD_INPUT', t.voteSpecRefusal(spec.reason))
  const when = parseWhen(spec.value.deadline, ctx.now, ctx.config.timeZone)
  if (!when.ok) throw new AppError('BAD_INPUT', t.deadline(whenReasonText(when.reason, ctx.config.timeZone)))
  if (when.value.immediate) throw new AppError('BAD_INPUT', t.deadlineNow)
  const found = await roundProjects(ctx, { communityId: community.id, ids: spec.value.projects })
  const round = await newRound(ctx, { communityId: community.id, kind: 'resident', projectIds: spec.value.projects, dots: spec.value.dots, per: spec.value.per, closesAt: when.value.at })
  const who = t.who(spec.value.per, spec.value.dots)
  const closes = formatClock(round.closesAt, ctx.config.timeZone)
  const projects = found.map((m) => ({ id: m.project.id, name: m.project.name, supporters: m.supporters }))
  const body = t.voteAnnouncement({ round: round.id, projects, who, closes, seed: round.seed })
  const { length: groups } = await postToAllGroups(ctx.db, { communityId: community.id, key: `round-open:${round.id}`, body, now: ctx.now })
  await ctx.reply(t.voteOpened({ round: round.id, projects: found.length, who, closes, groups }))
}
