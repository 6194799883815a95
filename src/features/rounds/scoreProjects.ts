import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { currentCampaign } from '../../db/campaigns.js'
import { grantRole, isCouncilMember } from '../../db/roles.js'
import { createRound, openRounds, saveScores, scoresOf, type Round } from '../../db/rounds.js'
import { rooms } from '../../db/schema.js'
import { projectCode, roundCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { parseScores, type Score } from '../../domain/rounds/ballots.js'
import { parseRoundSpec } from '../../domain/rounds/spec.js'
import { TIE_RULES } from '../../domain/rounds/tally.js'
import { formatClock } from '../../domain/time.js'
import { parseWhen } from '../../domain/when.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Conversation } from '../../db/conversations.js'
import type { Ctx, DialogHandler } from '../../kit/context.js'
import { mentionedPeople } from '../../services/mentioned.js'
import { roundProjects } from './openRound.js'
import { staffCommunity } from '../../kit/access.js'

/** 议事员 @张三 — staff, in a group the person is in, add a council member (besides those drawn by lot). */
export async function appointCouncilMember(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const members = await mentionedPeople(ctx, '议事员 @张三')
  for (const m of members) {
    await grantRole(ctx.db, { communityId: community.id, personId: m.id, role: 'council', buildingId: null, grantedBy: ctx.person.id, now: ctx.now })
  }
  await ctx.reply(`好的，${members.map((m) => m.name).join('、')} 是议事员了。评议开始后可以 @我 说「评分」。`)
}

/** 开启评议 P1-P12 截止 12月5日20:00 — council members score urgency and importance 1–5. */
export async function openCouncilRound(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const spec = parseRoundSpec(args.replace(/每(户|人|家)\s*\d+\s*票/, ''))
  if (!spec.ok) throw new AppError('BAD_INPUT', spec.reply.replace('开启投票 P1-P8 每户3票', '开启评议 P1-P8'))
  const when = parseWhen(spec.value.deadline, ctx.now, ctx.config.timeZone)
  if (!when.ok || when.value.immediate) throw new AppError('BAD_INPUT', `截止时间：${when.ok ? '要在以后' : when.reply}`)
  const found = await roundProjects(ctx, { communityId: community.id, ids: spec.value.projects })
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  const round = await createRound(ctx.db, {
    communityId: community.id,
    campaignId: campaign?.id ?? null,
    kind: 'council',
    projectIds: spec.value.projects,
    dots: 0,
    per: 'person',
    seed: randomBytes(4).toString('hex'),
    opensAt: ctx.now,
    closesAt: when.value.at,
    createdBy: ctx.person.id,
  })
  const body = [
    `【议事会评议 ${roundCode(round.id)}】请议事员给每个项目打分：紧迫性、重要性各 1–5 分。`,
    ...found.map((m) => `${projectCode(m.project.id)} ${m.project.name}（${m.supporters} 人提到，${m.buildings.length} 栋）`),
    `截止：${formatClock(round.closesAt, ctx.config.timeZone)}。@我 说「评分」一项一项打；或一次写完：「评分 P3 5 4，P7 3 3」。`,
    `排名：两项平均分之和（中位数作核对）。${TIE_RULES}种子 ${round.seed}。`,
  ].join('\n')
  // the council group (and the staff group) hear of it; members may also score in private
  const groups = await ctx.db.select({ id: rooms.id, kind: rooms.kind }).from(rooms).where(and(eq(rooms.communityId, community.id), eq(rooms.present, true)))
  for (const r of groups.filter((x) => x.kind === 'council' || x.kind === 'staff')) {
    await enqueueMessage(ctx.db, { key: `council-round:${round.id}:room:${r.id}`, body, roomId: r.id, communityId: community.id, now: ctx.now, priority: 'background' })
  }
  await ctx.reply(`已开启评议 ${roundCode(round.id)}：${found.length} 个项目，截止 ${formatClock(round.closesAt, ctx.config.timeZone)}。已发到议事会群和工作群。`)
}

async function openCouncilRoundFor(ctx: Ctx): Promise<Round> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', '请在议事会群或私聊里评分。')
  const [round] = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'council' })
  if (!round) throw new AppError('NOT_FOUND', '现在没有进行中的评议。')
  if (!(await isCouncilMember(ctx.db, { personId: ctx.person.id, communityId: ctx.community.id }))) {
    throw new AppError('FORBIDDEN', '只有议事员可以评分。想参加议事会，请说「报名议事员」。')
  }
  if (round.closesAt <= ctx.now) throw new AppError('CONFLICT', `评议 ${roundCode(round.id)} 已截止。`)
  return round
}

/** Merges new scores into the member's ballot; returns the projects still unscored. */
async function record(ctx: Ctx, round: Round, scores: Score[]): Promise<number[]> {
  const outside = scores.filter((s) => !round.projectIds.includes(s.project)).map((s) => s.project)
  if (outside.length) throw new AppError('BAD_INPUT', `${outside.map(projectCode).join('、')} 不在这次评议里。评议项目：${round.projectIds.map(projectCode).join(' ')}。`)
  const voterKey = `person:${ctx.person.id}`
  const merged = new Map((await scoresOf(ctx.db, { roundId: round.id, voterKey })).map((s) => [s.project, s]))
  for (const s of scores) merged.set(s.project, s)
  await saveScores(ctx.db, { roundId: round.id, voterKey, personId: ctx.person.id, scores: [...merged.values()], now: ctx.now })
  return round.projectIds.filter((p) => !merged.has(p))
}

export const SCORE_DIALOG = 'council-scoring'

/** 评分 P3 5 4，P7 3 3 (compact) / 评分 (guided, one project at a time). */
export async function scoreProjects(ctx: Ctx, args: string): Promise<void> {
  const round = await openCouncilRoundFor(ctx)
  if (args.trim()) {
    const parsed = parseScores(args)
    if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reply)
    const left = await record(ctx, round, parsed.value)
    await ctx.reply(`已记下 ${parsed.value.map((s) => `${projectCode(s.project)}（${s.urgency}，${s.importance}）`).join('、')}。${left.length ? `还没打分：${left.map(projectCode).join(' ')}。` : '全部打完了，谢谢！'}`)
    return
  }
  const left = await record(ctx, round, [])
  if (!left.length) return ctx.reply('您已经给全部项目打过分了。要改，说「评分 P3 5 4」。')
  await ctx.startDialog({ name: SCORE_DIALOG, version: 1, step: String(left[0]), state: { roundId: round.id } })
  await ctx.reply(`${projectCode(left[0]!)}：紧迫性几分？重要性几分？回复两个数，如「5 4」；「跳过」先不打。`)
}

/** Guided scoring: one project at a time, "5 4" or 跳过. */
export const scoringDialog: DialogHandler = {
  version: 1,
  async onMessage(ctx: Ctx, c: Conversation) {
    const round = await openCouncilRoundFor(ctx)
    const project = Number(c.step)
    const text = ctx.msg.type === 'text' ? ctx.msg.text.trim() : ''
    let left: number[]
    if (/^(跳过|不打|skip)$/i.test(text)) {
      left = round.projectIds.slice(round.projectIds.indexOf(project) + 1)
      left = (await record(ctx, round, [])).filter((p) => left.includes(p))
    } else {
      const parsed = parseScores(`P${project} ${text}`)
      if (!parsed.ok) return ctx.reply(`请回复两个 1–5 的数，如「5 4」（紧迫性 重要性），或「跳过」。`)
      const remaining = await record(ctx, round, parsed.value)
      left = remaining.filter((p) => round.projectIds.indexOf(p) > round.projectIds.indexOf(project))
    }
    if (!left.length) {
      await ctx.endDialog()
      return ctx.reply('好了，谢谢！截止前可以再说「评分」补打或修改。')
    }
    await ctx.startDialog({ name: SCORE_DIALOG, version: 1, step: String(left[0]), state: c.state })
    await ctx.reply(`${projectCode(left[0]!)}：紧迫性几分？重要性几分？如「5 4」，或「跳过」。`)
  },
}
