import { getVolunteer } from '../../db/points.js'
import { staffRoomOf } from '../../db/rooms.js'
import { AppError } from '../../domain/errors.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { catalogueText } from './catalogue.js'
import { itemNamed } from './findItem.js'
import { redeemItem } from './ledger.js'
import { parseItemRef } from './parse.js'
import { pointsText as t } from './text.js'

/**
 * 兑换 洗衣液 — a volunteer spends points: the item is set aside (D7) and the staff group told;
 * staff hand it over and say 核销. Alone: the catalogue. Stock and balance never go below 0.
 */
export async function redeem(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.noCommunity)
  const communityId = ctx.community.id
  const { name } = parseItemRef(args)
  if (!name) return ctx.reply(await catalogueText(ctx, communityId))
  if (!(await getVolunteer(ctx.db, { communityId, personId: ctx.person.id }))) throw new AppError('FORBIDDEN', t.notVolunteer)
  const item = await itemNamed(ctx.db, { communityId, name })
  const { redemption, balance } = await redeemItem(ctx.db, { communityId, personId: ctx.person.id, item, byPerson: ctx.person.id, now: ctx.now })
  await ctx.reply(t.redeemed({ name: item.name, id: redemption.id, cost: item.cost, balance }))
  const staff = await staffRoomOf(ctx.db, { communityId })
  if (staff?.present) {
    await enqueueMessage(ctx.db, {
      key: `redemption:${redemption.id}:staff`,
      body: t.staffRedeemed({ who: ctx.person.name, name: item.name, id: redemption.id }),
      roomId: staff.id,
      communityId,
      now: ctx.now,
      priority: 'background',
    })
  }
}
