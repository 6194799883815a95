import { randomBytes } from 'node:crypto'
import { currentAssignment, setProjectState } from '../db/assignments.js'
import { currentCampaign } from '../db/campaigns.js'
import { projectsWithMembers } from '../db/pool.js'
import { createRound } from '../db/rounds.js'
import { buildings } from '../db/schema.js'
import { projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import { formatAverage } from '../domain/implementation/acceptance.js'
import { parseCompletion } from '../domain/implementation/commands.js'
import { formatClock } from '../domain/time.js'
import type { Ctx } from '../kit/context.js'
import { and, eq, inArray } from 'drizzle-orm'
import { roundCode } from './openRound.js'
import { mayActFor, partnerActor } from './partnerAccess.js'
import { postProjectNews } from './postProjectNews.js'

/**
 * 完成 P3 [截止 12月20日] — the work is done: an acceptance round (验单) opens in the groups of the
 * project's buildings; each confirmed household rates it 1–5 with a few words (评价 P3 5 很满意).
 */
export async function completeProject(ctx: Ctx, args: string): Promise<void> {
  const actor = await partnerActor(ctx)
  const communityId = actor.community.id
  const tz = ctx.config.timeZone
  const parsed = parseCompletion(args, ctx.now, tz)
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)
  const projectId = parsed.value.project
  const [member] = await projectsWithMembers(ctx.db, { communityId, ids: [projectId] })
  if (!member) throw new AppError('NOT_FOUND', `没有项目 ${projectCode(projectId)}。`)
  const { project } = member
  const current = await currentAssignment(ctx.db, { projectId })
  mayActFor(actor, current?.assignment.partnerId, `${projectCode(projectId)} 不是派给您单位的，只能报本单位项目的完工。`)
  if (project.stage === 'accepting') throw new AppError('CONFLICT', `${projectCode(projectId)} 已经在请居民评价了。说「进度 ${projectCode(projectId)}」看情况。`)
  if (project.stage === 'accepted') throw new AppError('CONFLICT', `${projectCode(projectId)} 已经验收结单了。`)
  if (project.stage === 'pool' && !current) throw new AppError('CONFLICT', `${projectCode(projectId)} 还没派单，不能报完工。`)
  const closesAt = parsed.value.closesAt ?? new Date(ctx.now.getTime() + ctx.config.acceptance.periodMs)
  if (closesAt <= ctx.now) throw new AppError('BAD_INPUT', '评价截止时间要在以后，例如「完成 P3 截止 12月20日」。')

  const buildingIds = member.buildings.length
    ? (
        await ctx.db
          .select({ id: buildings.id })
          .from(buildings)
          .where(and(eq(buildings.communityId, communityId), inArray(buildings.number, member.buildings)))
      ).map((b) => b.id)
    : null
  const campaign = await currentCampaign(ctx.db, { communityId })
  const minRating = ctx.config.acceptance.minAverage
  const round = await createRound(ctx.db, {
    communityId,
    campaignId: campaign?.id ?? null,
    kind: 'acceptance',
    projectIds: [projectId],
    dots: 1,
    per: 'household',
    seed: randomBytes(4).toString('hex'),
    minRating,
    buildingIds,
    opensAt: ctx.now,
    closesAt,
    createdBy: ctx.person.id,
  })
  await setProjectState(ctx.db, { id: projectId, stage: 'accepting', percent: 100, now: ctx.now })
  const code = projectCode(projectId)
  const news = await postProjectNews(ctx.db, {
    communityId,
    projectId,
    key: `complete:${round.id}`,
    body: [
      `【完工请验收】${code}「${project.name}」已完工${current ? `（${current.partner}）` : ''}。请您评价：`,
      `@我 说「评价 ${code} 5 很满意」——1 到 5 分，5 分最满意，可以加几句话。`,
      `每户一次，截止 ${formatClock(closesAt, tz)}，之前可改。`,
    ].join('\n'),
    now: ctx.now,
  })
  await ctx.reply(
    `${code} 已进入验收（${roundCode(round.id)}），${formatClock(closesAt, tz)} 截止；平均分不低于 ${formatAverage(minRating)} 即结单，低于则退回整改。已通知 ${news.roomIds.length} 个楼栋群${news.mentioned ? `，@了 ${news.mentioned} 位提建议的居民` : ''}。`,
  )
}
