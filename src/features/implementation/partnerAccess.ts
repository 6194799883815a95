import type { Community } from '../../db/communities.js'
import { liaisonPartnerIds } from '../../db/partners.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'

export interface Actor {
  community: Community
  /** null: staff, who act on every project; else the partners this liaison speaks for */
  liaisonOf: number[] | null
}

/**
 * Implementation work (资源, 进度 updates, 完成): staff, or a department's liaison; null for anyone
 * else. A liaison's own partner is checked with `mayActFor`.
 */
export async function implementationActor(ctx: Ctx): Promise<Actor | null> {
  if (!ctx.community) return null
  if (ctx.isStaff) return { community: ctx.community, liaisonOf: null }
  const mine = await liaisonPartnerIds(ctx.db, { personId: ctx.person.id, communityId: ctx.community.id })
  return mine.length ? { community: ctx.community, liaisonOf: mine } : null
}

/** The actor of a command declared who: 'partner' (the router let only staff and liaisons in). */
export async function partnerActor(ctx: Ctx): Promise<Actor> {
  const actor = await implementationActor(ctx)
  if (!actor) throw new Error('a partner command ran for someone neither staff nor liaison: its spec must say who: partner')
  return actor
}

export function mayActFor(actor: Actor, partnerId: number | null | undefined, refusal: string): void {
  if (actor.liaisonOf === null) return
  if (partnerId === null || partnerId === undefined || !actor.liaisonOf.includes(partnerId)) throw new AppError('FORBIDDEN', refusal)
}
