import { and, eq } from 'drizzle-orm'
import { findBuilding } from '../../db/communities.js'
import { confirmedHousemates, ensureHousehold, householdOfPerson, setHousehold } from '../../db/households.js'
import { roles } from '../../db/schema.js'
import { parseHousehold } from '../../domain/address.js'
import { AppError } from '../../domain/errors.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { householdText as t } from './text.js'

/** 登记 3号楼 502 — binds the talker to a household; a building head confirms. */
export async function registerHousehold(ctx: Ctx, args: string): Promise<void> {
  if (!args) throw new AppError('BAD_INPUT', t.registerWhat)
  const parsed = parseHousehold(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', t.householdRefused(parsed.reason))
  const community = ctx.community
  if (!community) throw new AppError('WRONG_ROOM', t.registerWhere)
  const inGroup = ctx.room !== null

  const existing = await householdOfPerson(ctx.db, { personId: ctx.person.id })
  if (existing) {
    const address = { building: existing.building.number, unit: existing.household.unit }
    throw new AppError('CONFLICT', t.alreadyRegistered({ existing: address, confirmed: existing.confirmedAt !== null, wanted: parsed.value, inGroup }))
  }
  const building = await findBuilding(ctx.db, { communityId: community.id, number: parsed.value.building })
  if (!building) throw new AppError('NOT_FOUND', t.noSuchBuilding(parsed.value.building))
  const household = await ensureHousehold(ctx.db, { communityId: community.id, buildingId: building.id, unit: parsed.value.unit, now: ctx.now })
  await setHousehold(ctx.db, { personId: ctx.person.id, householdId: household.id })
  const confirmedThere = await confirmedHousemates(ctx.db, { householdId: household.id, exceptPersonId: ctx.person.id })

  const heads = await ctx.db
    .select({ personId: roles.personId })
    .from(roles)
    .where(and(eq(roles.communityId, community.id), eq(roles.buildingId, building.id), eq(roles.role, 'building_head')))
  const name = ctx.msg.talker.nickname || ctx.person.name
  // the heads hear it privately (with the door) when it was said privately, or when the door is taken
  if (!inGroup || confirmedThere.length) {
    for (const head of heads) {
      await enqueueMessage(ctx.db, {
        key: `register:${ctx.inboundId}:head:${head.personId}`,
        body: t.headNotice({ name, address: parsed.value, confirmedThere: confirmedThere.map((p) => p.name) }),
        personId: head.personId,
        communityId: community.id,
        now: ctx.now,
      })
    }
  }
  const hasHeads = heads.length > 0
  const doorTaken = confirmedThere.length > 0
  // a plain registration in a group is an ack: several waiting go as one (a taken door is told on its own)
  const ack = doorTaken ? undefined : { kind: `register:${building.id}`, together: t.registeredTogether({ building: building.number, hasHeads }) }
  await ctx.reply(t.registered({ address: parsed.value, name, hasHeads, doorTaken, inGroup }), ack ? { ack } : undefined)
}
