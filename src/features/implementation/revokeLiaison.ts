import { revokeLiaison } from '../../db/partners.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { mentionedPeople } from '../households/index.js'
import { REVOKE_EXAMPLE, liaisonText as t } from './text.js'

/** 撤销联络员 @李工 (or 联络员 @李工 取消) — the person is no longer a liaison; in the staff group they are staff again. */
export async function revokeLiaisonRole(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const people = await mentionedPeople(ctx, REVOKE_EXAMPLE)
  const done: string[] = []
  for (const person of people) if (await revokeLiaison(ctx.db, { communityId: community.id, personId: person.id })) done.push(person.name)
  if (!done.length) return ctx.reply(t.notLiaison(people.map((p) => p.name)))
  await ctx.reply(t.revoked(done))
}
