import { randomBytes } from 'node:crypto'
import { currentAssignment, setProjectState } from '../../db/assignments.js'
import { currentCampaign } from '../../db/campaigns.js'
import { projectsWithMembers } from '../../db/pool.js'
import { createRound } from '../../db/rounds.js'
import { buildings } from '../../db/schema.js'
import { projectCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { parseCompletion } from '../../domain/implementation/commands.js'
import type { Ctx } from '../../kit/context.js'
import { and, eq, inArray } from 'drizzle-orm'
import { roundCode } from '../../domain/codes.js'
import { mayActFor, partnerActor } from './partnerAccess.js'
import { postProjectNews } from './postProjectNews.js'
import { reasonText } from './reasons.text.js'
import { completeText as t, projectText } from './text.js'

/**
 * 完成 P3 [截止 12月20日] — the work is done: an acceptance round (验单) opens in the groups of the
 * project's buildings; each confirmed household rates it 1–5 with a few words (评价 P3 5 很满意).
 */
export async function completeProject(ctx: Ctx, args: string): Promise<void> {
  const actor = await partnerActor(ctx)
  const communityId = actor.community.id
  const tz = ctx.config.timeZone
  const parsed = parseCompletion(args, ctx.now, tz)
  if (!parsed.ok) throw new AppError('BAD_INPUT', reasonText.completion(parsed.reason))
  const projectId = parsed.value.project
  const code = projectCode(projectId)
  const [member] = await projectsWithMembers(ctx.db, { communityId, ids: [projectId] })
  if (!member) throw new AppError('NOT_FOUND', t.notFound(code))
  const { project } = member
  const current = await currentAssignment(ctx.db, { communityId, projectId })
  mayActFor(actor, current?.assignment.partnerId, t.notYours(code))
  if (project.stage === 'accepting') throw new AppError('CONFLICT', t.accepting(code))
  if (project.stage === 'accepted') throw new AppError('CONFLICT', projectText.accepted(code))
  if (project.stage === 'pool' && !current) throw new AppError('CONFLICT', t.notAssigned(code))
  const closesAt = parsed.value.closesAt ?? new Date(ctx.now.getTime() + ctx.config.acceptance.periodMs)
  if (closesAt <= ctx.now) throw new AppError('BAD_INPUT', t.closeNotLater)

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
  await setProjectState(ctx.db, { communityId, id: projectId, stage: 'accepting', percent: 100, now: ctx.now })
  const news = await postProjectNews(ctx.db, {
    communityId,
    projectId,
    key: `complete:${round.id}`,
    body: t.news({ code, name: project.name, partner: current?.partner ?? null, closesAt, timeZone: tz }),
    now: ctx.now,
  })
  await ctx.reply(t.opened({ code, round: roundCode(round.id), closesAt, timeZone: tz, minRating, rooms: news.roomIds.length, mentioned: news.mentioned }))
}
