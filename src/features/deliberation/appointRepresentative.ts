import { buildingOfRoom, ensureBuilding } from '../../db/communities.js'
import { REPRESENTATIVE_ROLE, representativesOf, revokeRepresentative } from '../../db/deliberation.js'
import { grantRole } from '../../db/roles.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { mentionedPeople } from '../points/index.js'
import { parseGridArgs } from '../reports/index.js'
import { REVOKE } from './lexicon.js'
import { deliberationText as t } from './text.js'

/**
 * 居民代表 @张三 — staff make 张三 a residents' representative of this building group's building
 * (or of the building written: 居民代表 @张三 3号楼); 居民代表 @张三 取消 takes it back;
 * 居民代表 alone lists them. Only representatives vote on a 居民代表 resolution.
 */
export async function appointRepresentative(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const people = await mentionedPeople(ctx, { outsideGroup: t.representativeWhere })
  if (!people.length) {
    if (args.replace(/@\S+/g, '').trim()) throw new AppError('BAD_INPUT', t.representativeWho)
    return ctx.reply(await list(ctx, community.id))
  }
  if (REVOKE.test(` ${args.replace(/@\S+/g, ' ')} `)) {
    const done: string[] = []
    const not: string[] = []
    for (const person of people) ((await revokeRepresentative(ctx.db, { communityId: community.id, personId: person.id })) ? done : not).push(person.name)
    return ctx.reply([...(done.length ? [t.representativesRevoked(done)] : []), ...(not.length ? [t.notRepresentatives(not)] : [])].join('\n'))
  }
  const building = await buildingMeant(ctx, args, community.id)
  const fresh: string[] = []
  const already: string[] = []
  for (const person of people) {
    if (await grantRole(ctx.db, { communityId: community.id, personId: person.id, role: REPRESENTATIVE_ROLE, buildingId: building.id, grantedBy: ctx.person.id, now: ctx.now })) {
      fresh.push(person.name)
      await enqueueMessage(ctx.db, { key: `representative:${ctx.inboundId}:person:${person.id}`, body: t.tellRepresentative(building.number), personId: person.id, communityId: community.id, now: ctx.now, priority: 'background' })
    } else already.push(person.name)
  }
  await ctx.reply([...(fresh.length ? [t.representativesAppointed(fresh, building.number)] : []), ...(already.length ? [t.alreadyRepresentative(already, building.number)] : [])].join('\n'))
}

/** The building written after the mention, else this building group's building. */
async function buildingMeant(ctx: Ctx, args: string, communityId: number): Promise<{ id: number; number: number }> {
  const rest = args.replace(/@\S+/g, ' ').trim()
  if (rest) {
    const parsed = parseGridArgs(rest)
    if (!parsed.ok || parsed.value.buildings.length !== 1) throw new AppError('BAD_INPUT', t.representativeBuilding)
    return ensureBuilding(ctx.db, { communityId, number: parsed.value.buildings[0]!, now: ctx.now })
  }
  const bound = ctx.room?.kind === 'building' ? await buildingOfRoom(ctx.db, ctx.room) : undefined
  if (!bound) throw new AppError('BAD_INPUT', t.representativeBuilding)
  return bound
}

async function list(ctx: Ctx, communityId: number): Promise<string> {
  const rows = await representativesOf(ctx.db, { communityId })
  if (!rows.length) return t.representativesNone
  const byBuilding = new Map<number | null, string[]>()
  for (const r of rows) byBuilding.set(r.building, [...(byBuilding.get(r.building) ?? []), r.name])
  const people = new Set(rows.map((r) => r.personId)).size
  return t.representativesList([...byBuilding].map(([building, names]) => ({ building, names })), people)
}
