import type { Db } from '../../db/client.js'
import { buildingGroups, saveFile } from '../../db/notices.js'
import { projectsWithMembers } from '../../db/pool.js'
import { ballotsOf, closeRound, getRound, latestClosedRounds, latestRound, markRoundReminded, projectNames, roundsDueForReminder, roundsDueToClose, turnoutByBuilding, type Round } from '../../db/rounds.js'
import { buildingLabel } from '../../domain/address.js'
import { projectCode, roundCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { rankingChartSvg } from '../../domain/rounds/chartSvg.js'
import { rankCouncilScores, rankingBars, tallyDots, TIE_RULES } from '../../domain/rounds/tally.js'
import { formatClock } from '../../domain/time.js'
import { normalizeWidth } from '../../domain/text.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { postToAllGroups } from '../../services/broadcast.js'
import { acceptanceText, publishAcceptance } from '../../services/acceptanceResult.js'
import { findCjkFont, renderPng } from './renderChart.js'
import { staffCommunity } from '../../kit/access.js'

async function residentTally(db: Db, round: Round, cast: Awaited<ReturnType<typeof ballotsOf>>) {
  const { ranking, voters } = tallyDots(
    cast.map((b) => ({ voterKey: b.voterKey, building: b.building, dots: b.dots, castAt: b.castAt })),
    { projects: round.projectIds, closesAt: round.closedAt ?? round.closesAt, seed: round.seed },
  )
  return { ranking, voters, names: await projectNames(db, { ids: round.projectIds }) }
}

/** The published result: ranking with bars, voters, turnout by building, the rule applied. */
export async function resultsText(db: Db, p: { round: Round; timeZone: string }): Promise<string> {
  const { round } = p
  const cast = await ballotsOf(db, { roundId: round.id })
  if (round.kind === 'council') return councilResultsText(db, { round, cast, timeZone: p.timeZone })
  if (round.kind === 'resolution') return resolutionText(db, { round, cast, timeZone: p.timeZone })
  if (round.kind === 'acceptance') return acceptanceText(db, p)
  const { ranking, voters, names } = await residentTally(db, round, cast)
  const turnout = await turnoutByBuilding(db, { round })
  const unit = round.per === 'household' ? '户' : '人'
  return [
    `【投票结果 ${roundCode(round.id)}】共 ${voters} ${unit}投票（${formatClock(round.closedAt ?? round.closesAt, p.timeZone)} 截止）：`,
    ...rankingBars(ranking, { unit: '票', who: unit, names }),
    `各楼参与：${turnout.map((t) => `${buildingLabel(t.number)} ${t.voted}/${t.eligible}`).join('、') || '无'}`,
    `规则：${TIE_RULES}种子 ${round.seed}。`,
  ].join('\n')
}

/** The residents' ranking as a PNG chart (null without a CJK font, or for other kinds of round). */
export async function resultChart(db: Db, p: { round: Round; timeZone: string; fontFile?: string }): Promise<Buffer | null> {
  const font = findCjkFont(p.fontFile)
  if (!font || p.round.kind !== 'resident') return null
  const cast = await ballotsOf(db, { roundId: p.round.id })
  const { ranking, voters, names } = await residentTally(db, p.round, cast)
  const unit = p.round.per === 'household' ? '户' : '人'
  const svg = rankingChartSvg({
    title: `投票结果 ${roundCode(p.round.id)}`,
    subtitle: `共 ${voters} ${unit}投票 · ${formatClock(p.round.closedAt ?? p.round.closesAt, p.timeZone)} 截止`,
    ranking,
    names,
    unit: '票',
    fontFamily: 'Noto Sans Hans, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif',
  })
  return renderPng(svg, [font]).png
}

/** Saves the chart and puts it in the outbox for the given rooms. */
async function postChart(db: Db, p: { round: Round; png: Buffer; roomIds: number[]; key: string; now: Date }): Promise<void> {
  const fileId = await saveFile(db, { name: `投票结果-${roundCode(p.round.id)}.png`, mediaType: 'image/png', base64: p.png.toString('base64'), now: p.now })
  for (const roomId of p.roomIds) {
    await enqueueMessage(db, { key: `${p.key}:room:${roomId}`, body: `[图表] ${roundCode(p.round.id)}`, kind: 'file', fileId, roomId, communityId: p.round.communityId, now: p.now, priority: 'background' })
  }
}

async function councilRanking(db: Db, round: Round, cast: Awaited<ReturnType<typeof ballotsOf>>) {
  const scores = cast.flatMap((b) => (b.scores ?? []).map((s) => ({ member: b.voterKey, ...s, at: b.castAt })))
  const members = await projectsWithMembers(db, { communityId: round.communityId, ids: round.projectIds })
  const ranked = rankCouncilScores(scores, {
    projects: round.projectIds.map((id) => {
      const m = members.find((x) => x.project.id === id)
      return { project: id, supporters: m?.supporters ?? 0, buildings: m?.buildings.length ?? 0 }
    }),
    seed: round.seed,
  })
  return { ranked, names: new Map(members.map((m) => [m.project.id, m.project.name])) }
}

/** Yes/no of a resolution: passed when the yes share is above the pass line. */
function resolutionOutcome(round: Round, cast: Awaited<ReturnType<typeof ballotsOf>>) {
  const yes = cast.filter((b) => b.dots[0] === 1).length
  const share = cast.length ? (100 * yes) / cast.length : 0
  return { yes, no: cast.length - yes, share, passed: cast.length > 0 && share > (round.passPercent ?? 50) }
}

/**
 * The priority order now in force: the ranking a passed resolution ratified, else the latest
 * residents' round, else the latest council round. Null before any of them closed.
 */
export async function currentRanking(db: Db, p: { communityId: number }): Promise<{ round: Round; order: number[] } | null> {
  const closed = await latestClosedRounds(db, p)
  let chosen: Round | undefined
  for (const r of closed.filter((x) => x.kind === 'resolution')) {
    if (!resolutionOutcome(r, await ballotsOf(db, { roundId: r.id })).passed) continue
    chosen = closed.find((x) => x.id === r.refRoundId)
    if (chosen) break
  }
  chosen ??= closed.find((x) => x.kind === 'resident') ?? closed.find((x) => x.kind === 'council')
  if (!chosen) return null
  const cast = await ballotsOf(db, { roundId: chosen.id })
  const ranking = chosen.kind === 'council' ? (await councilRanking(db, chosen, cast)).ranked : (await residentTally(db, chosen, cast)).ranking
  return { round: chosen, order: ranking.map((r) => r.project) }
}

async function councilResultsText(
  db: Db,
  p: { round: Round; cast: Awaited<ReturnType<typeof ballotsOf>>; timeZone: string },
): Promise<string> {
  const { round } = p
  const { ranked, names } = await councilRanking(db, round, p.cast)
  return [
    `【议事会评议结果 ${roundCode(round.id)}】${p.cast.length} 位议事员打分（${formatClock(round.closedAt ?? round.closesAt, p.timeZone)} 截止）：`,
    ...ranked.map((r) => `${r.rank}. P${r.project} ${names.get(r.project) ?? ''} 得分 ${r.value.toFixed(2)}（紧迫 ${r.urgency.toFixed(1)}，重要 ${r.importance.toFixed(1)}，中位数 ${r.median}，${r.raters} 人打分）`),
    `规则：两项平均分之和。${TIE_RULES}种子 ${round.seed}。`,
  ].join('\n')
}

async function resolutionText(db: Db, p: { round: Round; cast: Awaited<ReturnType<typeof ballotsOf>>; timeZone: string }): Promise<string> {
  const { round } = p
  const { yes, no, share, passed } = resolutionOutcome(round, p.cast)
  const turnout = await turnoutByBuilding(db, { round })
  const eligible = turnout.reduce((n, t) => n + t.eligible, 0)
  return [
    `【决议结果 ${roundCode(round.id)}】表决 ${roundCode(round.refRoundId ?? 0)} 的排序：${passed ? '通过' : '未通过'}`,
    `同意 ${yes} 户，不同意 ${no} 户；投票 ${p.cast.length}/${eligible} 户。赞成占 ${share.toFixed(1)}%，通过线 ${round.passPercent ?? 50}%。`,
    `各楼参与：${turnout.map((t) => `${buildingLabel(t.number)} ${t.voted}/${t.eligible}`).join('、') || '无'}`,
  ].join('\n')
}

/** Closes the round (once) and posts the result to every group. */
export async function publishRoundResults(db: Db, p: { round: Round; now: Date; timeZone: string; fontFile?: string }): Promise<boolean> {
  if (!(await closeRound(db, { id: p.round.id, now: p.now }))) return false
  const closed = { ...p.round, status: 'closed', closedAt: p.now < p.round.closesAt ? p.now : p.round.closesAt }
  // an acceptance result goes to the project's own groups and decides its fate
  if (closed.kind === 'acceptance') {
    await publishAcceptance(db, { round: closed, now: p.now, timeZone: p.timeZone })
    return true
  }
  const body = await resultsText(db, { round: closed, timeZone: p.timeZone })
  const roomIds = await postToAllGroups(db, { communityId: p.round.communityId, key: `round-result:${p.round.id}`, body, now: p.now, staffToo: true })
  const png = await resultChart(db, { round: closed, timeZone: p.timeZone, fontFile: p.fontFile })
  if (png) await postChart(db, { round: closed, png, roomIds, key: `round-chart:${p.round.id}`, now: p.now })
  return true
}

async function roundFrom(ctx: Ctx, args: string): Promise<Round> {
  const m = /T\s*(\d+)/i.exec(normalizeWidth(args))
  const round = m ? await getRound(ctx.db, { id: Number(m[1]), communityId: ctx.community!.id }) : await latestRound(ctx.db, { communityId: ctx.community!.id })
  if (!round) throw new AppError('NOT_FOUND', m ? `没有投票 T${m[1]}。` : '还没有开过投票。')
  return round
}

/** 结束投票 T1 — staff close a round early; the result goes out as at the deadline. */
export async function closeRoundEarly(ctx: Ctx, args: string): Promise<void> {
  staffCommunity(ctx)
  const round = await roundFrom(ctx, args)
  if (round.status !== 'open') throw new AppError('CONFLICT', `${roundCode(round.id)} 已经结束了。说「结果 ${roundCode(round.id)}」可看结果。`)
  await publishRoundResults(ctx.db, { round, now: ctx.now, timeZone: ctx.config.timeZone, fontFile: ctx.config.cjkFont })
  await ctx.reply(`${roundCode(round.id)} 已结束，结果已发到各群。`)
}

/** 结果 [T1] — the result once closed; while open only the turnout (no interim ranking). */
export async function showRoundResults(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', '请在您楼栋的群里 @我 问结果。')
  const round = await roundFrom(ctx, args)
  if (round.status === 'open') {
    const turnout = await turnoutByBuilding(ctx.db, { round })
    const voted = turnout.reduce((n, t) => n + t.voted, 0)
    const act = round.kind === 'acceptance' ? '评价' : '投票'
    await ctx.reply(`${roundCode(round.id)} 还在进行，${formatClock(round.closesAt, ctx.config.timeZone)} 截止；现在已有 ${voted} ${round.per === 'household' ? '户' : '人'}${act}。截止后公布结果。`)
    return
  }
  await ctx.reply(await resultsText(ctx.db, { round, timeZone: ctx.config.timeZone }))
  const png = await resultChart(ctx.db, { round, timeZone: ctx.config.timeZone, fontFile: ctx.config.cjkFont })
  if (png && ctx.room) await postChart(ctx.db, { round, png, roomIds: [ctx.room.id], key: `reply:${ctx.inboundId}:chart`, now: ctx.now })
}

/** Job: rounds past their deadline are closed and their result published, exactly once. */
export async function closeDueRounds(db: Db, p: { now: Date; timeZone: string; fontFile?: string }): Promise<{ closed: number }> {
  let closed = 0
  for (const round of await roundsDueToClose(db, p)) {
    if (await db.transaction((tx) => publishRoundResults(tx, { round, now: p.now, timeZone: p.timeZone, fontFile: p.fontFile }))) closed++
  }
  return { closed }
}

/**
 * Job: once per round, some hours before the deadline, each building group hears its own
 * turnout — never who has not voted.
 */
export async function remindRounds(db: Db, p: { now: Date; leadMs: number; timeZone: string }): Promise<{ reminded: number }> {
  let reminded = 0
  for (const round of await roundsDueForReminder(db, { before: new Date(p.now.getTime() + p.leadMs) })) {
    await db.transaction(async (tx) => {
      if (!(await markRoundReminded(tx, { id: round.id, now: p.now }))) return
      const turnout = await turnoutByBuilding(tx, { round })
      const unit = round.per === 'household' ? '户' : '人'
      const acceptance = round.kind === 'acceptance'
      const code = projectCode(round.projectIds[0] ?? 0)
      // an acceptance round concerns the project's buildings only
      const groups = (await buildingGroups(tx, { communityId: round.communityId })).filter((b) => !round.buildingIds || round.buildingIds.includes(b.buildingId))
      for (const b of groups) {
        const t = turnout.find((x) => x.buildingId === b.buildingId)
        const act = acceptance ? '评价' : '投票'
        const line = t ? `${buildingLabel(b.number)}已有 ${t.voted}/${t.eligible} ${unit}${act}。` : ''
        const body = acceptance
          ? `提醒：${code} 完工评价（${roundCode(round.id)}）将于 ${formatClock(round.closesAt, p.timeZone)} 截止。${line}还没评价的请 @我 说「评价 ${code} 5 很满意」（1–5分）。`
          : `提醒：投票 ${roundCode(round.id)} 将于 ${formatClock(round.closesAt, p.timeZone)} 截止。${line}还没投的请 @我 说「投票」看项目。`
        for (const roomId of b.roomIds) {
          await enqueueMessage(tx, {
            key: `round-remind:${round.id}:room:${roomId}`,
            body,
            roomId,
            communityId: round.communityId,
            now: p.now,
            priority: 'background',
          })
        }
      }
      reminded++
    })
  }
  return { reminded }
}
