import { ensurePartner, grantLiaison } from '../../db/partners.js'
import { AppError } from '../../domain/errors.js'
import { MAX_PARTNER_CHARS } from '../../domain/implementation/commands.js'
import { normalizeWidth } from '../../domain/text.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { mentionedPeople } from '../households/index.js'
import { REVOKE } from './lexicon.js'
import { revokeLiaisonRole } from './revokeLiaison.js'
import { LIAISON_EXAMPLE, liaisonText as t } from './text.js'

/**
 * 联络员 @张三 绿化所 — staff name a department's liaison. In the staff group the liaison then
 * acts on their own department's projects only (资源, 进度, 完成), not as staff.
 */
export async function appointLiaison(ctx: Ctx, args: string): Promise<void> {
  if (REVOKE.test(args)) return revokeLiaisonRole(ctx)
  const community = staffCommunity(ctx)
  // the spec allows a private chat too; the @ needs the group
  if (ctx.room?.kind !== 'staff') throw new AppError('WRONG_ROOM', t.wrongRoom)
  const people = await mentionedPeople(ctx, LIAISON_EXAMPLE)
  const name = normalizeWidth(args).replace(/@\S+/g, ' ').replace(/\u2005/g, ' ').trim().split(/\s+/)[0] ?? ''
  if (!name) throw new AppError('BAD_INPUT', t.noName)
  if ([...name].length > MAX_PARTNER_CHARS) throw new AppError('BAD_INPUT', t.nameTooLong)
  if (people.some((p) => p.id === ctx.person.id)) throw new AppError('BAD_INPUT', t.notSelf)
  const partner = await ensurePartner(ctx.db, { communityId: community.id, name, now: ctx.now })
  const added: string[] = []
  for (const person of people) {
    if (await grantLiaison(ctx.db, { communityId: community.id, personId: person.id, partnerId: partner.id, grantedBy: ctx.person.id, now: ctx.now })) added.push(person.name)
  }
  if (!added.length) return ctx.reply(t.already(people.map((p) => p.name), name))
  await ctx.reply(t.appointed(added, name))
}
