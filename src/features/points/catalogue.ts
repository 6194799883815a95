import { balanceOf, catalogue, findItem, getVolunteer, saveItem } from '../../db/points.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { parseItem } from './parse.js'
import { pointsText as t } from './text.js'

/** The catalogue as a reply: each item with its cost and stock; the asker's balance if a volunteer. */
export async function catalogueText(ctx: Ctx, communityId: number): Promise<string> {
  const items = await catalogue(ctx.db, { communityId })
  if (!items.length) return t.catalogueEmpty
  const volunteer = await getVolunteer(ctx.db, { communityId, personId: ctx.person.id })
  const balance = volunteer ? await balanceOf(ctx.db, { communityId, personId: ctx.person.id }) : null
  return [t.catalogueHead, ...items.map((i) => t.catalogueItem(i)), t.catalogueFoot(balance)].join('\n')
}

/**
 * 积分商品 — everyone: what points buy. Staff (staff group or private): 积分商品 洗衣液 50分 库存20
 * adds or changes an item (库存 sets the stock), 积分商品 洗衣液 下架 takes it off.
 */
export async function catalogueCommand(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.noCommunity)
  const communityId = ctx.community.id
  if (!args.trim()) return ctx.reply(await catalogueText(ctx, communityId))
  if (!ctx.isStaff) throw new AppError('FORBIDDEN', t.staffOnlyItems)
  if (ctx.room && ctx.room.kind !== 'staff') throw new AppError('WRONG_ROOM', t.itemsInOffice)
  const parsed = parseItem(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', t.itemProblem(parsed.reason))
  const spec = parsed.value
  const existing = await findItem(ctx.db, { communityId, name: spec.name })
  if (spec.off) {
    if (!existing?.active) throw new AppError('NOT_FOUND', t.noSuchItemToChange(spec.name))
    await saveItem(ctx.db, { communityId, name: spec.name, cost: existing.cost, stock: existing.stock, active: false, personId: ctx.person.id, now: ctx.now })
    return ctx.reply(t.itemOff(spec.name))
  }
  const cost = spec.cost ?? existing?.cost
  const stock = spec.stock ?? existing?.stock
  if (cost === undefined || stock === undefined) throw new AppError('BAD_INPUT', t.newItemNeeds(spec.name))
  const item = await saveItem(ctx.db, { communityId, name: spec.name, cost, stock, active: true, personId: ctx.person.id, now: ctx.now })
  await ctx.reply(existing?.active ? t.itemUpdated(item) : t.itemAdded(item))
}
