import { householdOfPerson } from '../../db/households.js'
import { castBallot, latestRound, openRounds, type Round } from '../../db/rounds.js'
import { projectCode, roundCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { parseDotVote } from '../../domain/rounds/ballots.js'
import { formatClock } from '../../domain/time.js'
import type { Ctx } from '../../kit/context.js'

/** 投票 — show the open round; 投票 3 7 12 — cast (repeat a number to stack dots; re-voting replaces). */
export async function castVote(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', '请在您楼栋的群里 @我 投票。')
  const tz = ctx.config.timeZone
  const [round] = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'resident' })
  if (!round) {
    const last = await latestRound(ctx.db, { communityId: ctx.community.id })
    if (last) throw new AppError('CONFLICT', `投票 ${roundCode(last.id)} 已于 ${formatClock(last.closedAt ?? last.closesAt, tz)} 截止，说「结果」可看结果。`)
    throw new AppError('NOT_FOUND', '现在没有进行中的投票。')
  }
  if (!args.trim()) {
    await ctx.reply(`进行中：${roundCode(round.id)}，项目 ${round.projectIds.map(projectCode).join(' ')}，每户 ${round.dots} 票，截止 ${formatClock(round.closesAt, tz)}。\n投票请说「投票 3 7 12」。`)
    return
  }
  const voter = await eligibleVoter(ctx, round)
  const parsed = parseDotVote(args, { dots: round.dots })
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)
  const outside = [...new Set(parsed.value.filter((n) => !round.projectIds.includes(n)))]
  if (outside.length) throw new AppError('BAD_INPUT', `${outside.map(projectCode).join('、')} 不在这次投票里。可投：${round.projectIds.map(projectCode).join(' ')}。`)
  await castBallot(ctx.db, { roundId: round.id, ...voter, personId: ctx.person.id, dots: parsed.value, now: ctx.now })
  await ctx.reply(confirmation(round, parsed.value, ctx.room !== null))
}

/** Who may vote is explicit, and a refusal says why: registered, confirmed, this community, in time. */
export async function eligibleVoter(ctx: Ctx, round: Round): Promise<{ voterKey: string; buildingId: number }> {
  const act = round.kind === 'acceptance' ? '评价' : '投票'
  if (round.closesAt <= ctx.now) throw new AppError('CONFLICT', `${roundCode(round.id)} 已于 ${formatClock(round.closesAt, ctx.config.timeZone)} 截止，不能再${act}了。`)
  const h = await householdOfPerson(ctx.db, { personId: ctx.person.id })
  if (!h) throw new AppError('FORBIDDEN', `${act}要先登记门牌：请说「登记 3号楼 502」，楼组长确认后就能${act}。`)
  if (h.household.communityId !== round.communityId) throw new AppError('FORBIDDEN', `您登记的住户不在本社区，不能参加这次${act}。`)
  if (!h.confirmedAt) throw new AppError('FORBIDDEN', `您的登记还没经楼组长确认，确认后就能${act}。`)
  return { voterKey: round.per === 'household' ? `household:${h.household.key}` : `person:${ctx.person.id}`, buildingId: h.building.id }
}

function confirmation(round: Round, dots: number[], inGroup: boolean): string {
  const who = round.per === 'household' ? '您家' : '您'
  // in a group only that a ballot came in; the choices are told in private
  if (inGroup) return `已收到${who}的 ${dots.length} 票（${roundCode(round.id)}）。想不公开投，可以私聊我投。截止前可重投。`
  const counts = new Map<number, number>()
  for (const d of dots) counts.set(d, (counts.get(d) ?? 0) + 1)
  const list = [...counts].map(([p, n]) => `${projectCode(p)}${n > 1 ? ` ×${n}` : ''}`).join('、')
  return `已投（${roundCode(round.id)}）：${list}。共 ${dots.length}/${round.dots} 票，截止前可重投，以最后一次为准。`
}
