import { currentAssignment, endAssignment, setProjectState } from '../db/assignments.js'
import type { Db } from '../db/client.js'
import { acceptanceRounds, projectNames, type Round } from '../db/rounds.js'
import { projectCode } from '../domain/codes.js'
import { acceptanceOutcome, formatAverage, type AcceptanceOutcome } from '../domain/implementation/acceptance.js'
import { formatClock } from '../domain/time.js'
import { roundCode } from './openRound.js'
import { postProjectNews, tellStaff } from './postProjectNews.js'

const VERDICT = { accepted: '通过，已结单', rework: '未通过，退回整改', unrated: '没有住户评价，未能验收' } as const

async function tallyAcceptance(db: Db, round: Round) {
  const projectId = round.projectIds[0]!
  const found = (await acceptanceRounds(db, { communityId: round.communityId, projectIds: [projectId] })).get(projectId)
  // the latest round of the project is this one unless a newer 完成 opened another
  const ratings = found?.round.id === round.id ? found.ratings : []
  const outcome = acceptanceOutcome(ratings.map((r) => r.score), round.minRating ?? 0)
  const name = (await projectNames(db, { ids: [projectId] })).get(projectId) ?? ''
  return { projectId, name, ratings, outcome }
}

function scoreLine(o: AcceptanceOutcome): string {
  return o.counts
    .map((n, i) => (n ? `${i + 1}分 ${n}户` : ''))
    .filter(Boolean)
    .reverse()
    .join('、')
}

/** 【验收结果】: the average, the spread, the verdict, a few residents' words (no names). */
export async function acceptanceText(db: Db, p: { round: Round; timeZone: string }): Promise<string> {
  const { round } = p
  const { projectId, name, ratings, outcome } = await tallyAcceptance(db, round)
  const head = `【验收结果 ${roundCode(round.id)}】${projectCode(projectId)}「${name}」`
  const closed = round.status === 'closed'
  if (!outcome.raters) return `${head}：${closed ? VERDICT.unrated : '还没有住户评价'}。`
  const words = ratings
    .map((r) => r.comment?.trim())
    .filter((c): c is string => !!c)
    .slice(-3)
    .map((c) => `「${[...c].slice(0, 30).join('')}」`)
  return [
    `${head}：${outcome.raters} 户评价，平均 ${formatAverage(outcome.average)} 分（通过线 ${formatAverage(round.minRating ?? 0)}）${closed ? `——${VERDICT[outcome.result]}` : `，${formatClock(round.closesAt, p.timeZone)} 截止`}。`,
    scoreLine(outcome),
    ...(words.length ? [`居民说：${words.join('')}`] : []),
  ].join('\n')
}

/**
 * A closed acceptance round: the result to the project's groups (askers @-mentioned) and staff;
 * the project is closed (结单), or goes back to rework with the staff told why.
 */
export async function publishAcceptance(db: Db, p: { round: Round; now: Date; timeZone: string }): Promise<void> {
  const { round } = p
  const { projectId, outcome, ratings } = await tallyAcceptance(db, round)
  const body = await acceptanceText(db, p)
  await postProjectNews(db, { communityId: round.communityId, projectId, key: `acceptance-result:${round.id}`, body, now: p.now, staffToo: true })
  const current = await currentAssignment(db, { projectId })
  const code = projectCode(projectId)
  if (outcome.result === 'accepted') {
    await setProjectState(db, { id: projectId, stage: 'accepted', now: p.now })
    if (current) await endAssignment(db, { id: current.assignment.id, status: 'done', now: p.now })
    return
  }
  if (outcome.result === 'rework') {
    await setProjectState(db, { id: projectId, stage: 'rework', now: p.now })
    const low = ratings.filter((r) => r.score <= 2 && r.comment).map((r) => `「${r.comment}」`)
    await tellStaff(db, {
      communityId: round.communityId,
      key: `acceptance-rework:${round.id}`,
      body: [
        `⚠️ ${code} 验收未通过（平均 ${formatAverage(outcome.average)} 分，低于 ${formatAverage(round.minRating ?? 0)}），已退回整改${current ? `，承办：${current.partner}` : ''}。`,
        ...(low.length ? [`不满意的意见：${low.slice(0, 5).join('')}`] : []),
        `整改中可用「进度 ${code} …」通报，改好后再说「完成 ${code}」请居民评价。`,
      ].join('\n'),
      now: p.now,
    })
    return
  }
  await setProjectState(db, { id: projectId, stage: 'unrated', now: p.now })
  await tellStaff(db, {
    communityId: round.communityId,
    key: `acceptance-unrated:${round.id}`,
    body: `${code} 的验收评价（${roundCode(round.id)}）没有住户参加。可请楼组长提醒后，再说「完成 ${code}」重新开启评价。`,
    now: p.now,
  })
}
