import type { Community } from '../db/communities.js'
import { liaisonPartnerIds } from '../db/partners.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../router/context.js'

export interface Actor {
  community: Community
  /** null: staff, who act on every project; else the partners this liaison speaks for */
  liaisonOf: number[] | null
}

/**
 * Implementation work (资源, 进度 updates, 完成): staff, or a department's liaison — in the staff
 * group or in private. A liaison's own partner is checked with `mayActFor`.
 */
export async function implementationActor(ctx: Ctx, what: string): Promise<Actor> {
  if (ctx.room && ctx.room.kind !== 'staff') throw new AppError('WRONG_ROOM', `请在居委工作群或私聊里${what}。`)
  if (!ctx.community) throw new AppError('FORBIDDEN', `只有居委工作人员或承办单位联络员可以${what}。`)
  if (ctx.isStaff) return { community: ctx.community, liaisonOf: null }
  const mine = await liaisonPartnerIds(ctx.db, { personId: ctx.person.id, communityId: ctx.community.id })
  if (!mine.length) throw new AppError('FORBIDDEN', `只有居委工作人员或承办单位联络员可以${what}。`)
  return { community: ctx.community, liaisonOf: mine }
}

export function mayActFor(actor: Actor, partnerId: number | null | undefined, refusal: string): void {
  if (actor.liaisonOf === null) return
  if (partnerId === null || partnerId === undefined || !actor.liaisonOf.includes(partnerId)) throw new AppError('FORBIDDEN', refusal)
}
