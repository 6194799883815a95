import { grantRole } from '../../db/roles.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { mentionedPeople } from '../households/index.js'
import { roundText as t } from './text.js'

/** 议事员 @张三 — staff, in a group the person is in, add a council member (besides those drawn by lot). */
export async function appointCouncilMember(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const members = await mentionedPeople(ctx, t.appointExample)
  for (const m of members) {
    await grantRole(ctx.db, { communityId: community.id, personId: m.id, role: 'council', buildingId: null, grantedBy: ctx.person.id, now: ctx.now })
  }
  await ctx.reply(t.appointed(members.map((m) => m.name)))
}
