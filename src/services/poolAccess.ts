import { AppError } from '../domain/errors.js'
import type { Community } from '../db/communities.js'
import type { Ctx } from '../router/context.js'

/** Pool changes: staff, in the staff group or in private. */
export function poolCommunity(ctx: Ctx, what: string): Community {
  if (ctx.room && ctx.room.kind !== 'staff') throw new AppError('WRONG_ROOM', `请在居委工作群或私聊里${what}。`)
  if (!ctx.isStaff || !ctx.community) throw new AppError('FORBIDDEN', `只有居委工作人员可以${what}。`)
  return ctx.community
}
