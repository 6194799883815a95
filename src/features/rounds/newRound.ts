import { randomBytes } from 'node:crypto'
import { currentCampaign } from '../../db/campaigns.js'
import { createRound, type Round } from '../../db/rounds.js'
import type { Ctx } from '../../kit/context.js'

/** A round the speaker opens now, in the community's current campaign, with a fresh seed for its lot. */
export async function newRound(ctx: Ctx, p: Omit<Parameters<typeof createRound>[1], 'campaignId' | 'seed' | 'opensAt' | 'createdBy'>): Promise<Round> {
  const campaign = await currentCampaign(ctx.db, { communityId: p.communityId })
  return createRound(ctx.db, { ...p, campaignId: campaign?.id ?? null, seed: randomBytes(4).toString('hex'), opensAt: ctx.now, createdBy: ctx.person.id })
}
