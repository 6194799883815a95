import { closeRedemption, getRedemption, pendingRedemptionOf } from '../../db/points.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { itemNamed } from './findItem.js'
import { redeemItem } from './ledger.js'
import { volunteerMeant } from './mentioned.js'
import { parseItemRef } from './parse.js'
import { pointsText as t } from './text.js'

/**
 * 核销 D7 · 核销 张三 洗衣液 — staff hand over what was redeemed. Someone who comes to the
 * counter without having said 兑换 gets it redeemed and handed over at once (same checks).
 */
export async function handOver(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const ref = parseItemRef(args)
  if (ref.code !== undefined) {
    const found = await getRedemption(ctx.db, { id: ref.code, communityId: community.id })
    if (!found) throw new AppError('NOT_FOUND', t.noSuchRedemption(ref.code))
    if (!(await closeRedemption(ctx.db, { id: found.d.id, communityId: found.d.communityId, status: 'handed', byPerson: ctx.person.id, now: ctx.now }))) {
      throw new AppError('CONFLICT', t.redemptionClosed(found.d.id, found.d.status))
    }
    return ctx.reply(t.handedOver({ who: found.who ?? '', name: found.item, id: found.d.id }))
  }
  const { people, rest } = await volunteerMeant(ctx, args, community.id)
  const name = parseItemRef(rest).name
  if (!people.length || !name) throw new AppError('BAD_INPUT', t.handOverWhat)
  if (people.length > 1) throw new AppError('BAD_INPUT', t.oneAtATime)
  const person = people[0]!
  const item = await itemNamed(ctx.db, { communityId: community.id, name })
  const pending = await pendingRedemptionOf(ctx.db, { communityId: community.id, personId: person.id, itemId: item.id })
  if (pending) {
    await closeRedemption(ctx.db, { id: pending.id, communityId: pending.communityId, status: 'handed', byPerson: ctx.person.id, now: ctx.now })
    return ctx.reply(t.handedOver({ who: person.name, name: item.name, id: pending.id }))
  }
  const { redemption, balance } = await redeemItem(ctx.db, { communityId: community.id, personId: person.id, item, byPerson: ctx.person.id, now: ctx.now })
  await closeRedemption(ctx.db, { id: redemption.id, communityId: redemption.communityId, status: 'handed', byPerson: ctx.person.id, now: ctx.now })
  await ctx.reply(t.handedDirect({ who: person.name, name: item.name, id: redemption.id, cost: item.cost, balance }))
}
