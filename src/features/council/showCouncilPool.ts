import { staffCommunity } from '../../kit/access.js'
import { ensureOpenDraw, poolOf, updateDraw, type CouncilCandidate } from '../../db/council.js'
import { currentCampaign } from '../../db/campaigns.js'
import { buildingLabel } from '../../domain/address.js'
import { AppError } from '../../domain/errors.js'
import { normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { FREEZE, SHOW_POOL } from './lexicon.js'
import { AGE_LABEL, councilText } from './text.js'

const t = councilText.pool

/** 议事员报名 — the pool by building and attribute, with names; `议事员报名 截止` freezes it. */
export async function showCouncilPool(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  let draw = await ensureOpenDraw(ctx.db, { communityId: community.id, campaignId: campaign?.id ?? null, now: ctx.now })
  const pool = await poolOf(ctx.db, { communityId: draw.communityId, drawId: draw.id })
  const accepted = pool.filter((c) => c.status === 'accepted')
  const arg = normalizeInput(args)
  if (FREEZE.test(arg)) {
    if (draw.status !== 'open') throw new AppError('CONFLICT', t.alreadyFrozen(t.status[draw.status]))
    if (accepted.length === 0) throw new AppError('CONFLICT', t.nobodyToFreeze)
    draw = await updateDraw(ctx.db, { communityId: draw.communityId, id: draw.id, patch: { status: 'frozen' } })
    return ctx.reply(t.frozen(accepted.length))
  }
  if (arg && !SHOW_POOL.test(arg)) throw new AppError('BAD_INPUT', t.usage)
  const lines = [
    t.heading({
      status: t.status[draw.status],
      accepted: accepted.length,
      pending: pool.filter((c) => c.status === 'pending').length,
      declined: pool.filter((c) => c.status === 'declined').length,
    }),
  ]
  if (accepted.length) {
    const orUnset = (v: string | null) => v ?? t.unset
    lines.push(
      ...t.counts({
        building: countBy(accepted, (c) => buildingLabel(c.building), byBuilding),
        age: countBy(accepted, (c) => (c.ageBand ? (AGE_LABEL[c.ageBand] ?? c.ageBand) : t.unset)),
        gender: countBy(accepted, (c) => orUnset(c.gender)),
        tenure: countBy(accepted, (c) => orUnset(c.tenure)),
      }),
      t.list,
    )
    const buildings = [...new Set(accepted.map((c) => c.building))].sort((a, b) => a - b)
    for (const b of buildings) {
      lines.push(t.names(b, accepted.filter((c) => c.building === b).map((c) => ({ name: c.name, recommended: c.source === 'recommended' }))))
    }
  }
  if (draw.status === 'open') lines.push(accepted.length ? t.freezeHint : t.signupHint)
  await ctx.reply(lines.join('\n'))
}

const byBuilding = (a: string, b: string) => Number(/\d+/.exec(a)?.[0] ?? 0) - Number(/\d+/.exec(b)?.[0] ?? 0)

/** 「女 4 · 男 3」 */
function countBy(pool: CouncilCandidate[], key: (c: CouncilCandidate) => string, order?: (a: string, b: string) => number): string {
  const counts = new Map<string, number>()
  for (const c of pool) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1)
  const keys = [...counts.keys()]
  // unset last
  keys.sort(order ?? ((a, b) => (a === t.unset ? 1 : b === t.unset ? -1 : a < b ? -1 : a > b ? 1 : 0)))
  return keys.map((k) => `${k} ${counts.get(k)}`).join(' · ')
}
