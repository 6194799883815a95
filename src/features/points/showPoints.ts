import { balanceOf, earnedBetween, entriesOf, getEntry, getVolunteer, pendingRedemptionsOf } from '../../db/points.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { monthBounds } from './ledger.js'
import { volunteerMeant } from './mentioned.js'
import { pointsText as t } from './text.js'

const LAST = 5

/**
 * 积分 — my balance, this month's points and the last entries; what waits to be collected.
 * Staff say 积分 张三 (or 积分 @张三 where he is): his, with the entries' numbers (for 冲正).
 */
export async function showPoints(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.noCommunity)
  const communityId = ctx.community.id
  const others = ctx.isStaff && (args.trim() || ctx.msg.mentions.length) ? (await volunteerMeant(ctx, args, communityId)).people : []
  const staffView = others.length > 0
  const people = staffView ? others : [ctx.person]
  const lines: string[] = []
  for (const person of people) {
    const entries = await entriesOf(ctx.db, { communityId, personId: person.id, limit: LAST })
    const volunteer = await getVolunteer(ctx.db, { communityId, personId: person.id })
    if (!volunteer && !entries.length) {
      lines.push(staffView ? t.notVolunteers([person.name]) : t.notVolunteer)
      continue
    }
    const balance = await balanceOf(ctx.db, { communityId, personId: person.id })
    const month = await earnedBetween(ctx.db, { communityId, personId: person.id, ...monthBounds(ctx.now, ctx.config.timeZone) })
    lines.push(t.balance({ who: staffView ? person.name : undefined, balance, month }))
    if (entries.length) {
      lines.push(t.entriesHead)
      for (const e of entries) {
        const reversed = staffView ? ((await getEntry(ctx.db, { id: e.id, communityId }))?.reversed ?? false) : false
        lines.push(t.entry({ id: e.id, at: e.createdAt, points: e.points, reason: e.reason, timeZone: ctx.config.timeZone, staff: staffView, reversed }))
      }
    } else lines.push(t.noEntries)
    const pending = await pendingRedemptionsOf(ctx.db, { communityId, personId: person.id })
    if (pending.length) lines.push(t.pendingHead, ...pending.map((r) => t.pending(r.item, r.d.id)))
  }
  if (!staffView) lines.push(t.pointsHint)
  await ctx.reply(lines.join('\n'))
}
