import { and, eq } from 'drizzle-orm'
import { findBuilding } from '../db/communities.js'
import { ensureHousehold, householdOfPerson, setHousehold } from '../db/households.js'
import { roles } from '../db/schema.js'
import { buildingLabel, householdLabel, parseHousehold } from '../domain/address.js'
import { AppError } from '../domain/errors.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import type { Ctx } from '../router/context.js'

/** 登记 3号楼 502 — binds the talker to a household; a building head confirms. */
export async function registerHousehold(ctx: Ctx, args: string): Promise<void> {
  if (!args) throw new AppError('BAD_INPUT', '请说出楼号和门牌，例如「登记 3号楼 502」。')
  const parsed = parseHousehold(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)
  const community = ctx.community
  if (!community) throw new AppError('WRONG_ROOM', '请在您所在楼栋的群里 @我 登记。')

  const existing = await householdOfPerson(ctx.db, { personId: ctx.person.id })
  if (existing) {
    const label = householdLabel({ building: existing.building.number, unit: existing.household.unit })
    const status = existing.confirmedAt ? '已确认' : '等楼组长确认'
    const wanted = householdLabel(parsed.value)
    if (wanted === label) throw new AppError('CONFLICT', `您已登记过 ${label}（${status}），不用再登记。`)
    throw new AppError('CONFLICT', `您已登记为 ${label}（${status}），不能重复登记。如搬家或填错，请联系楼组长或居委。`)
  }
  const building = await findBuilding(ctx.db, { communityId: community.id, number: parsed.value.building })
  if (!building) {
    throw new AppError('NOT_FOUND', `本社区还没有${buildingLabel(parsed.value.building)}（没有群绑定到这栋楼）。请检查楼号，或联系居委。`)
  }
  const household = await ensureHousehold(ctx.db, { communityId: community.id, buildingId: building.id, unit: parsed.value.unit, now: ctx.now })
  await setHousehold(ctx.db, { personId: ctx.person.id, householdId: household.id })

  const label = householdLabel(parsed.value)
  const heads = await ctx.db
    .select({ personId: roles.personId })
    .from(roles)
    .where(and(eq(roles.buildingId, building.id), eq(roles.role, 'building_head')))
  const name = ctx.msg.talker.nickname || ctx.person.name
  if (ctx.room) {
    const who = heads.length ? '请楼组长' : '本楼还没有楼组长，请居委'
    await ctx.reply(`已登记 ${label}。${who} @我 说「确认 @${name}」。`)
    return
  }
  // said privately: tell the heads privately too, the unit number stays out of the group
  for (const head of heads) {
    await enqueueMessage(ctx.db, {
      key: `register:${ctx.inboundId}:head:${head.personId}`,
      body: `${name} 登记为 ${label}，请在楼栋群里 @我 说「确认 @${name}」。`,
      personId: head.personId,
      communityId: community.id,
      now: ctx.now,
    })
  }
  await ctx.reply(`已登记 ${label}，等${heads.length ? '楼组长' : '居委'}确认。`)
}
