import { getSuggestion, type Suggestion } from '../../db/suggestions.js'
import { AppError } from '../../domain/errors.js'
import { normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { mineText as t, type OwnAction } from './text.js'

/** J12 of this person (or one they proposed for a neighbour), still open: it may be withdrawn or corrected. */
export async function ownOpenSuggestion(ctx: Ctx, code: string, action: OwnAction): Promise<Suggestion> {
  const m = /J\s*(\d+)/i.exec(normalizeInput(code))
  if (!m || !ctx.community) throw new AppError('BAD_INPUT', t.needCode(action))
  const s = await getSuggestion(ctx.db, { id: Number(m[1]), communityId: ctx.community.id })
  if (!s || (s.personId !== ctx.person.id && s.proxiedBy !== ctx.person.id)) throw new AppError('NOT_FOUND', t.notYours(m[1]!))
  if (s.status !== 'open') throw new AppError('CONFLICT', t.closed(s.id, t.status(s), action))
  return s
}
