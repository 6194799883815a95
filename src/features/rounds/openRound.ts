import { randomBytes } from 'node:crypto'
import { currentCampaign } from '../../db/campaigns.js'
import { projectsWithMembers } from '../../db/pool.js'
import { createRound } from '../../db/rounds.js'
import { projectCode, roundCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { parseRoundSpec } from '../../domain/rounds/spec.js'
import { TIE_RULES } from '../../domain/rounds/tally.js'
import { formatClock } from '../../domain/time.js'
import { parseWhen } from '../../domain/when.js'
import type { Ctx } from '../../kit/context.js'
import { postToAllGroups } from '../../services/broadcast.js'
import { staffCommunity } from '../../kit/access.js'

/** The pool projects a round is about; each must exist and hold at least one suggestion. */
export async function roundProjects(ctx: Ctx, p: { communityId: number; ids: number[] }) {
  const found = await projectsWithMembers(ctx.db, p)
  const missing = p.ids.filter((id) => !found.some((m) => m.project.id === id && m.suggestions.length > 0))
  if (missing.length) throw new AppError('NOT_FOUND', `${missing.map(projectCode).join('、')} 不在项目库里（或是空项目），请核对。`)
  return found
}

/** 开启投票 P1-P8 每户3票 截止 12月5日20:00 — a residents' dot-voting round, announced everywhere. */
export async function openRound(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const spec = parseRoundSpec(args)
  if (!spec.ok) throw new AppError('BAD_INPUT', spec.reply)
  const when = parseWhen(spec.value.deadline, ctx.now, ctx.config.timeZone)
  if (!when.ok) throw new AppError('BAD_INPUT', `截止时间：${when.reply}`)
  if (when.value.immediate) throw new AppError('BAD_INPUT', '截止时间要在以后，例如「截止 12月5日20:00」。')
  const found = await roundProjects(ctx, { communityId: community.id, ids: spec.value.projects })
  const seed = randomBytes(4).toString('hex')
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  const round = await createRound(ctx.db, {
    communityId: community.id,
    campaignId: campaign?.id ?? null,
    kind: 'resident',
    projectIds: spec.value.projects,
    dots: spec.value.dots,
    per: spec.value.per,
    seed,
    opensAt: ctx.now,
    closesAt: when.value.at,
    createdBy: ctx.person.id,
  })
  const who = spec.value.per === 'household' ? `每户（已登记并经楼组长确认的住户）${spec.value.dots} 票` : `每人（已登记并确认）${spec.value.dots} 票`
  const body = [
    `【居民投票 ${roundCode(round.id)}】请为小区微更新项目投票，排出先后：`,
    ...found.map((m) => `${projectCode(m.project.id)} ${m.project.name}（${m.supporters} 人提到）`),
    `${who}，可以都投给一项。截止：${formatClock(round.closesAt, ctx.config.timeZone)}。`,
    '投票：@我 说「投票 3 7 12」（写项目号）；截止前可以重投，以最后一次为准。',
    `规则：${TIE_RULES}种子 ${seed}。`,
  ].join('\n')
  const { length: groups } = await postToAllGroups(ctx.db, { communityId: community.id, key: `round-open:${round.id}`, body, now: ctx.now })
  await ctx.reply(`已开启投票 ${roundCode(round.id)}：${found.length} 个项目，${who}，截止 ${formatClock(round.closesAt, ctx.config.timeZone)}。已通知 ${groups} 个楼栋群。`)
}
