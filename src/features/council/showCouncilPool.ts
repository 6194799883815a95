import { staffCommunity } from '../../kit/access.js'
import { ensureOpenDraw, poolOf, updateDraw, type CouncilCandidate } from '../../db/council.js'
import { currentCampaign } from '../../db/campaigns.js'
import { buildingLabel } from '../../domain/address.js'
import { AGE_LABEL } from '../../domain/council/pool.js'
import { QUOTA_EXAMPLE } from '../../domain/council/quotas.js'
import { AppError } from '../../domain/errors.js'
import { normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'


const STATUS: Record<string, string> = { open: '报名中', frozen: '已截止', published: '抽签办法已公布', drawn: '已开奖' }

/** 议事员报名 — the pool by building and attribute, with names; `议事员报名 截止` freezes it. */
export async function showCouncilPool(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  let draw = await ensureOpenDraw(ctx.db, { communityId: community.id, campaignId: campaign?.id ?? null, now: ctx.now })
  const pool = await poolOf(ctx.db, { drawId: draw.id })
  const accepted = pool.filter((c) => c.status === 'accepted')
  const arg = normalizeInput(args)
  if (/^(截止|截至|关闭|停止|结束)/.test(arg)) {
    if (draw.status !== 'open') throw new AppError('CONFLICT', `报名已经截止了（${STATUS[draw.status]}）。`)
    if (accepted.length === 0) throw new AppError('CONFLICT', '还没有人报名，先不截止。')
    draw = await updateDraw(ctx.db, { id: draw.id, patch: { status: 'frozen' } })
    return ctx.reply(`议事员报名已截止，共 ${accepted.length} 人。\n下一步设置席位和配额，例如「${QUOTA_EXAMPLE}」。`)
  }
  if (arg && !/^(名单|情况|统计|全部)?$/.test(arg)) throw new AppError('BAD_INPUT', '看名单说「议事员报名」，截止报名说「议事员报名 截止」。')
  const pending = pool.filter((c) => c.status === 'pending').length
  const declined = pool.filter((c) => c.status === 'declined').length
  const lines = [`议事员报名（${STATUS[draw.status]}）：共 ${accepted.length} 人${pending ? `，另有 ${pending} 人被推荐待回复` : ''}${declined ? `，${declined} 人不接受推荐` : ''}`]
  if (accepted.length) {
    lines.push(`按楼：${countBy(accepted, (c) => buildingLabel(c.building), byBuilding)}`)
    lines.push(`年龄：${countBy(accepted, (c) => (c.ageBand ? AGE_LABEL[c.ageBand] ?? c.ageBand : '未填'))}`)
    lines.push(`性别：${countBy(accepted, (c) => c.gender ?? '未填')}`)
    lines.push(`业主/租户：${countBy(accepted, (c) => c.tenure ?? '未填')}`)
    lines.push('名单：')
    const buildings = [...new Set(accepted.map((c) => c.building))].sort((a, b) => a - b)
    for (const b of buildings) {
      const names = accepted.filter((c) => c.building === b).map((c) => `${c.name}${c.source === 'recommended' ? '（推荐）' : ''}`)
      lines.push(`${buildingLabel(b)}：${names.join('、')}`)
    }
  }
  if (draw.status === 'open') lines.push(accepted.length ? '截止报名请说「议事员报名 截止」。' : '居民可说「报名议事员」报名，楼组长可「推荐 @邻居」。')
  await ctx.reply(lines.join('\n'))
}

const byBuilding = (a: string, b: string) => Number(/\d+/.exec(a)?.[0] ?? 0) - Number(/\d+/.exec(b)?.[0] ?? 0)

function countBy(pool: CouncilCandidate[], key: (c: CouncilCandidate) => string, order?: (a: string, b: string) => number): string {
  const counts = new Map<string, number>()
  for (const c of pool) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1)
  const keys = [...counts.keys()]
  // 未填 last
  keys.sort(order ?? ((a, b) => (a === '未填' ? 1 : b === '未填' ? -1 : a < b ? -1 : a > b ? 1 : 0)))
  return keys.map((k) => `${k} ${counts.get(k)}`).join(' · ')
}
