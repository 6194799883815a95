import { and, eq } from 'drizzle-orm'
import { rooms } from '../../db/schema.js'
import { AppError } from '../../domain/errors.js'
import { parseRoundSpec } from '../../domain/rounds/spec.js'
import { formatClock, whenReasonText } from '../../domain/time/index.js'
import { parseWhen } from '../../domain/time/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { DOTS_CLAUSE } from './lexicon.js'
import { newRound } from './newRound.js'
import { roundProjects } from './openRound.js'
import { roundText as t } from './text.js'

/** 开启评议 P1-P12 截止 12月5日20:00 — council members score urgency and importance 1–5. */
export async function openCouncilRound(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const spec = parseRoundSpec(args.replace(DOTS_CLAUSE, ''))
  if (!spec.ok) throw new AppError('BAD_INPUT', t.councilSpecRefusal(spec.reason))
  const when = parseWhen(spec.value.deadline, ctx.now, ctx.config.timeZone)
  if (!when.ok || when.value.immediate) throw new AppError('BAD_INPUT', t.deadline(when.ok ? t.deadlineLater : whenReasonText(when.reason, ctx.config.timeZone)))
  const found = await roundProjects(ctx, { communityId: community.id, ids: spec.value.projects })
  const round = await newRound(ctx, { communityId: community.id, kind: 'council', projectIds: spec.value.projects, dots: 0, per: 'person', closesAt: when.value.at })
  const closes = formatClock(round.closesAt, ctx.config.timeZone)
  const projects = found.map((m) => ({ id: m.project.id, name: m.project.name, supporters: m.supporters, buildings: m.buildings.length }))
  const body = t.councilAnnouncement({ round: round.id, projects, closes, seed: round.seed })
  // the council group (and the staff group) hear of it; members may also score in private
  const groups = await ctx.db.select({ id: rooms.id, kind: rooms.kind }).from(rooms).where(and(eq(rooms.communityId, community.id), eq(rooms.present, true)))
  for (const r of groups.filter((x) => x.kind === 'council' || x.kind === 'staff')) {
    await enqueueMessage(ctx.db, { key: `council-round:${round.id}:room:${r.id}`, body, roomId: r.id, communityId: community.id, now: ctx.now, priority: 'background' })
  }
  await ctx.reply(t.councilOpened({ round: round.id, projects: found.length, closes }))
}
