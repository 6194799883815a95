import { randomBytes } from 'node:crypto'
import { currentCampaign } from '../../db/campaigns.js'
import { castBallot, createRound, getRound, openRounds } from '../../db/rounds.js'
import { roundCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { convertAllNumerals, normalizeWidth } from '../../domain/text.js'
import { formatClock } from '../../domain/time.js'
import { parseWhen } from '../../domain/when.js'
import type { Ctx } from '../../kit/context.js'
import { postToAllGroups } from '../../services/broadcast.js'
import { eligibleVoter } from './castVote.js'
import { staffCommunity } from '../../kit/access.js'
import { resultsText } from './results.js'

const EXAMPLE = '例如「开启决议 T1 通过线 50% 截止 12月8日20:00」'

/** 开启决议 T1 通过线 50% 截止 … — households ratify a closed round's ranking, yes or no. */
export async function openResolution(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const s = convertAllNumerals(normalizeWidth(args))
  const ref = /T\s*(\d+)/i.exec(s)
  const cut = s.search(/截止|截至/)
  if (!ref || cut < 0) throw new AppError('BAD_INPUT', `请写要表决的投票编号和截止时间，${EXAMPLE}。`)
  const percent = Number(/(\d{1,3})\s*%/.exec(s.slice(0, cut))?.[1] ?? 50)
  if (percent < 1 || percent > 100) throw new AppError('BAD_INPUT', `通过线要在 1% 到 100% 之间，${EXAMPLE}。`)
  const when = parseWhen(s.slice(cut).replace(/^(截止|截至)[:：]?\s*/, ''), ctx.now, ctx.config.timeZone)
  if (!when.ok || when.value.immediate) throw new AppError('BAD_INPUT', `截止时间：${when.ok ? '要在以后' : when.reply}`)
  const plan = await getRound(ctx.db, { id: Number(ref[1]), communityId: community.id })
  if (!plan) throw new AppError('NOT_FOUND', `没有投票 T${ref[1]}。`)
  if (plan.status !== 'closed') throw new AppError('CONFLICT', `${roundCode(plan.id)} 还没结束，结束后才能表决它的排序。`)
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  const round = await createRound(ctx.db, {
    communityId: community.id,
    campaignId: campaign?.id ?? null,
    kind: 'resolution',
    refRoundId: plan.id,
    passPercent: percent,
    projectIds: plan.projectIds,
    dots: 1,
    per: 'household',
    seed: randomBytes(4).toString('hex'),
    opensAt: ctx.now,
    closesAt: when.value.at,
    createdBy: ctx.person.id,
  })
  const ranking = (await resultsText(ctx.db, { round: plan, timeZone: ctx.config.timeZone })).split('\n').filter((l) => /^\d+\. /.test(l))
  const body = [
    `【决议 ${roundCode(round.id)}】请对 ${roundCode(plan.id)} 排出的先后表决：`,
    ...ranking,
    `已登记并确认的住户每户一票：@我 说「同意」或「不同意」。赞成超过投票户的 ${percent}% 即通过。截止：${formatClock(round.closesAt, ctx.config.timeZone)}。`,
  ].join('\n')
  const { length: groups } = await postToAllGroups(ctx.db, { communityId: community.id, key: `resolution-open:${round.id}`, body, now: ctx.now, staffToo: true })
  await ctx.reply(`已开启决议 ${roundCode(round.id)}（表决 ${roundCode(plan.id)}，通过线 ${percent}%），截止 ${formatClock(round.closesAt, ctx.config.timeZone)}。已发到 ${groups} 个群。`)
}

/** 同意 / 不同意 — a household's yes or no on the open resolution (the last one counts). */
export async function voteResolution(ctx: Ctx, yes: boolean): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', '请在您楼栋的群里 @我 表决。')
  const [round] = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'resolution' })
  if (!round) throw new AppError('NOT_FOUND', '现在没有进行中的决议表决。')
  const voter = await eligibleVoter(ctx, round)
  await castBallot(ctx.db, { roundId: round.id, ...voter, personId: ctx.person.id, dots: [yes ? 1 : 0], now: ctx.now })
  await ctx.reply(ctx.room ? `已收到您家的表决（${roundCode(round.id)}）。截止前可以改。` : `已记下：${yes ? '同意' : '不同意'}（${roundCode(round.id)}）。截止前可以改。`)
}
