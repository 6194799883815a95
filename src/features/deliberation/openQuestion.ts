import { currentCampaign } from '../../db/campaigns.js'
import { buildingsByNumber, createQuestion } from '../../db/deliberation.js'
import { buildingGroups } from '../../db/notices.js'
import { parseQuestionSpec } from '../../domain/deliberation/question.js'
import { AppError } from '../../domain/errors.js'
import { formatClock, parseWhen, whenReasonText } from '../../domain/time/index.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { postToQuestionGroups } from './groups.js'
import { deliberationText as t } from './text.js'
import { written } from './written.js'

/**
 * 开启议题 水井去留 选项 保留/填平/改成花坛 范围 3号楼 5号楼 截止 12月20日18:00 — staff put a question
 * with options to the households of some buildings; it is announced in their groups (and the staff group).
 */
export async function openQuestion(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const spec = parseQuestionSpec(args)
  if (!spec.ok) throw new AppError('BAD_INPUT', t.specRefusal(spec.reason))
  const when = parseWhen(spec.value.deadline, ctx.now, ctx.config.timeZone)
  if (!when.ok) throw new AppError('BAD_INPUT', t.deadline(whenReasonText(when.reason, ctx.config.timeZone)))
  if (when.value.immediate || when.value.at <= ctx.now) throw new AppError('BAD_INPUT', t.deadlineNow)
  const groups = await buildingGroups(ctx.db, { communityId: community.id })
  if (!groups.length) throw new AppError('CONFLICT', t.noGroups)
  let buildingIds: number[] | null = null
  let numbers: number[] | null = null
  if (spec.value.targets !== 'all') {
    const found = await buildingsByNumber(ctx.db, { communityId: community.id, numbers: spec.value.targets })
    const unbound = spec.value.targets.filter((n) => !groups.some((g) => g.number === n))
    if (unbound.length) throw new AppError('BAD_INPUT', t.unboundBuildings(unbound))
    buildingIds = found.map((b) => b.id)
    numbers = spec.value.targets
  }
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  const question = await createQuestion(ctx.db, {
    communityId: community.id,
    campaignId: campaign?.id ?? null,
    title: written(ctx, spec.value.title),
    options: spec.value.options.map((o) => written(ctx, o)),
    buildingIds,
    closesAt: when.value.at,
    createdBy: ctx.person.id,
    createdAt: ctx.now,
  })
  const closes = formatClock(question.closesAt, ctx.config.timeZone)
  const body = t.announcement({ id: question.id, title: question.title, options: question.options, buildings: numbers, closes })
  const rooms = await postToQuestionGroups(ctx.db, { question, key: `question-open:${question.id}`, body, now: ctx.now })
  await ctx.reply(t.opened({ id: question.id, options: question.options.length, buildings: numbers, closes, groups: rooms.length }))
}
