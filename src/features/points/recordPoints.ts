import { getVolunteer } from '../../db/points.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { earn, reverseEntry } from './ledger.js'
import { volunteerMeant } from './mentioned.js'
import { parsePointsEntry } from './parse.js'
import { pointsText as t } from './text.js'
import { getPerson } from '../../db/people.js'

/**
 * 记分 张三 10 清理楼道 (or 记分 @张三 … where he is) — staff record volunteer work (within the daily cap, volunteers only);
 * 记分 冲正 15 记错了 — a mistake is undone by a reversing entry, never edited.
 */
export async function recordPoints(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const first = parsePointsEntry(args)
  if (first.ok && first.value.kind === 'reverse') {
    const entry = first.value
    const done = await reverseEntry(ctx.db, { communityId: community.id, entryId: entry.entryId, reason: entry.reason, byPerson: ctx.person.id, now: ctx.now })
    const owner = await getPerson(ctx.db, { id: done.original.personId! })
    return ctx.reply(t.reversed({ id: done.original.id, name: owner?.name ?? '', points: done.reversal.points, balance: done.balance, newId: done.reversal.id }))
  }
  if (!first.ok && first.reason.code === 'no-entry') throw new AppError('BAD_INPUT', t.entryProblem(first.reason))
  const { people, rest } = await volunteerMeant(ctx, args, community.id)
  if (!people.length) throw new AppError('BAD_INPUT', first.ok ? t.mentionSomeone : t.entryProblem(first.reason))
  const parsed = parsePointsEntry(rest)
  if (!parsed.ok) throw new AppError('BAD_INPUT', t.entryProblem(parsed.reason))
  if (parsed.value.kind !== 'award') throw new AppError('BAD_INPUT', t.mentionSomeone)
  const entry = parsed.value
  const lines: string[] = []
  const strangers: string[] = []
  const cap = ctx.config.points.dailyCap
  for (const person of people) {
    if (!(await getVolunteer(ctx.db, { communityId: community.id, personId: person.id }))) {
      strangers.push(person.name)
      continue
    }
    const got = await earn(ctx.db, {
      communityId: community.id,
      personId: person.id,
      points: entry.points,
      kind: 'work',
      reason: entry.reason,
      byPerson: ctx.person.id,
      now: ctx.now,
      timeZone: ctx.config.timeZone,
      dailyCap: cap,
    })
    if (!got.entry) lines.push(t.cappedNone(person.name, cap))
    else if (got.capped) lines.push(t.cappedPart({ name: person.name, points: got.awarded, asked: entry.points, cap, id: got.entry.id, balance: got.balance }))
    else lines.push(t.recorded({ name: person.name, points: got.awarded, reason: entry.reason, id: got.entry.id, balance: got.balance }))
  }
  if (strangers.length) lines.push(t.notVolunteers(strangers))
  await ctx.reply(lines.join('\n'))
}
