import { ensureBuilding } from '../../db/communities.js'
import { grantGridMember, gridMap, revokeGridMember } from '../../db/reports.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { mentionedPeople } from '../points/index.js'
import { parseGridArgs } from './parse.js'
import { reportText as t } from './text.js'

/**
 * 网格员 @李四 3号楼 5号楼 — staff, in a group where 李四 is: he owns those buildings' reports
 * (and is told privately what to say). 网格员 @李四 取消 takes them back. 网格员 alone: who has which.
 */
export async function appointGrid(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const people = await mentionedPeople(ctx, { outsideGroup: t.gridMention })
  if (!people.length) {
    if (args.trim()) throw new AppError('BAD_INPUT', t.gridMention)
    return ctx.reply(await gridList(ctx, community.id))
  }
  const parsed = parseGridArgs(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', t.gridProblem(parsed.reason))
  if (parsed.value.revoke) {
    const done: string[] = []
    const not: string[] = []
    for (const person of people) ((await revokeGridMember(ctx.db, { communityId: community.id, personId: person.id })) ? done : not).push(person.name)
    return ctx.reply([...(done.length ? [t.revoked(done)] : []), ...(not.length ? [t.notGridMembers(not)] : [])].join('\n'))
  }
  const numbers = parsed.value.buildings
  const added = new Map<number, { name: string; buildings: number[] }>()
  for (const number of numbers) {
    // a grid member for a building without a group yet is still meaningful: reports come privately too
    const building = await ensureBuilding(ctx.db, { communityId: community.id, number, now: ctx.now })
    for (const person of people) {
      if (await grantGridMember(ctx.db, { communityId: community.id, personId: person.id, buildingId: building.id, grantedBy: ctx.person.id, now: ctx.now })) {
        const entry = added.get(person.id) ?? { name: person.name, buildings: [] }
        entry.buildings.push(number)
        added.set(person.id, entry)
      }
    }
  }
  for (const [personId, a] of added) {
    await enqueueMessage(ctx.db, { key: `grid:${ctx.inboundId}:person:${personId}`, body: t.tellGrid(a.buildings), personId, communityId: community.id, now: ctx.now, priority: 'background' })
  }
  const fresh = [...added.values()].map((a) => a.name)
  const already = people.filter((p) => !added.has(p.id)).map((p) => p.name)
  await ctx.reply([...(fresh.length ? [t.appointed(fresh, numbers)] : []), ...(already.length ? [t.alreadyGrid(already, numbers)] : [])].join('\n'))
}

async function gridList(ctx: Ctx, communityId: number): Promise<string> {
  const map = await gridMap(ctx.db, { communityId })
  const withGrid = map.filter((b) => b.members.length)
  if (!withGrid.length) return t.gridNone
  const without = map.filter((b) => !b.members.length).map((b) => b.number)
  return [t.gridHead, ...withGrid.map((b) => t.gridLine(b.number, b.members)), ...(without.length ? [t.gridMissing(without)] : [])].join('\n')
}
