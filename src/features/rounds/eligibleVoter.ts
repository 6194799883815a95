import { representativeBuilding } from '../../db/deliberation.js'
import { householdOfPerson } from '../../db/households.js'
import type { Round } from '../../db/rounds.js'
import { AppError } from '../../domain/errors.js'
import { formatClock } from '../../domain/time/index.js'
import type { Ctx } from '../../kit/context.js'
import { roundText as t } from './text.js'

/**
 * Who may vote is explicit, and a refusal says why: registered, confirmed, this community, in
 * time — or, on a representatives' resolution, a residents' representative (one ballot each).
 */
export async function eligibleVoter(ctx: Ctx, round: Round): Promise<{ voterKey: string; buildingId: number | null }> {
  if (round.closesAt <= ctx.now) throw new AppError('CONFLICT', t.tooLate({ round: round.id, kind: round.kind, closes: formatClock(round.closesAt, ctx.config.timeZone) }))
  if (round.per === 'representative') {
    const building = await representativeBuilding(ctx.db, { communityId: round.communityId, personId: ctx.person.id })
    if (building === undefined) throw new AppError('FORBIDDEN', t.notRepresentative)
    return { voterKey: `person:${ctx.person.id}`, buildingId: building }
  }
  const h = await householdOfPerson(ctx.db, { personId: ctx.person.id })
  if (!h) throw new AppError('FORBIDDEN', t.unregistered(round.kind))
  if (h.household.communityId !== round.communityId) throw new AppError('FORBIDDEN', t.otherCommunity(round.kind))
  if (!h.confirmedAt) throw new AppError('FORBIDDEN', t.unconfirmed(round.kind))
  return { voterKey: round.per === 'household' ? `household:${h.household.key}` : `person:${ctx.person.id}`, buildingId: h.building.id }
}
