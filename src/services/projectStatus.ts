import { currentAssignments, latestProgressOf } from '../db/assignments.js'
import type { Db } from '../db/client.js'
import type { Project } from '../db/pool.js'
import { acceptanceRounds } from '../db/rounds.js'
import { acceptanceOutcome, formatAverage } from '../domain/implementation/acceptance.js'
import { formatDay } from '../domain/implementation/due.js'
import { formatClock } from '../domain/time.js'
import { roundCode } from './openRound.js'
import { currentRanking } from './roundResults.js'

export interface ProjectStatus {
  rank: string | null
  partner: string | null
  /** one line: where the project stands now */
  stage: string
}

/** Where each project stands: rank, assignee, %, acceptance — what 进度 says. */
export async function projectStatuses(db: Db, p: { communityId: number; projects: Project[]; now: Date; timeZone: string }): Promise<Map<number, ProjectStatus>> {
  const ranking = await currentRanking(db, { communityId: p.communityId })
  const projectIds = p.projects.map((x) => x.id)
  const acceptance = await acceptanceRounds(db, { communityId: p.communityId, projectIds })
  const assigned = await currentAssignments(db, { projectIds })
  const progress = await latestProgressOf(db, { projectIds })
  const out = new Map<number, ProjectStatus>()
  for (const project of p.projects) {
    const place = ranking ? ranking.order.indexOf(project.id) : -1
    const rank = ranking && place >= 0 ? `${roundCode(ranking.round.id)} 排第${place + 1}` : null
    const current = assigned.get(project.id)
    const partner = current?.partner ?? null
    const last = progress.get(project.id)
    const a = acceptance.get(project.id)
    const rated = a ? acceptanceOutcome(a.ratings.map((r) => r.score), a.round.minRating ?? 0) : null
    let stage: string
    switch (project.stage) {
      case 'assigned':
      case 'rework': {
        const due = current ? `，预计${formatDay(current.assignment.dueAt, p.timeZone, p.now)}完成` : ''
        const note = last ? `：${last.note}（${formatClock(last.at, p.timeZone)}）` : ''
        const prefix = project.stage === 'rework' ? '验收未通过，整改中，' : ''
        stage = `${prefix}${partner ?? '居委'}承办${due}，进度 ${project.percent}%${note}`
        break
      }
      case 'accepting':
        stage = a ? `已完工，居民评价中（${roundCode(a.round.id)}，${formatClock(a.round.closesAt, p.timeZone)} 截止，已有 ${a.ratings.length} 户评价）` : '已完工，居民评价中'
        break
      case 'accepted':
        stage = `已结单${rated ? `，满意度 ${formatAverage(rated.average)} 分（${rated.raters} 户评价）` : ''}`
        break
      case 'unrated':
        stage = '已完工，没有住户评价，等居委重新开启评价'
        break
      default:
        stage = rank ? `${rank}，等待派单` : '已进入项目库，等议事会评议排序'
    }
    out.set(project.id, { rank, partner, stage })
  }
  return out
}
