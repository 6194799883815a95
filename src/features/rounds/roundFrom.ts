import { getRound, latestRound, type Round } from '../../db/rounds.js'
import { ROUND_REF } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { normalizeWidth } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { roundText as t } from './text.js'

/** The round named (T1), else the latest one. */
export async function roundFrom(ctx: Ctx, args: string): Promise<Round> {
  const m = ROUND_REF.exec(normalizeWidth(args))
  const round = m ? await getRound(ctx.db, { id: Number(m[1]), communityId: ctx.community!.id }) : await latestRound(ctx.db, { communityId: ctx.community!.id })
  if (!round) throw new AppError('NOT_FOUND', m ? t.noSuchRound(m[1]!) : t.noRoundYet)
  return round
}
