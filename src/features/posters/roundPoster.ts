import { currentAssignments } from '../../db/assignments.js'
import type { Db } from '../../db/client.js'
import { projectsWithMembers } from '../../db/pool.js'
import { ballotsOf, type Round } from '../../db/rounds.js'
import type { Poster, PosterBlock } from '../../domain/posters/layout.js'
import { formatClock } from '../../domain/time/index.js'
import { formatDay } from '../implementation/index.js'
import { currentRanking, residentTally, resultsText } from '../rounds/index.js'
import { posterText } from './text.js'

const t = posterText.round
/** rows a table keeps on one A4 page at the poster's sizes */
const MAX_ROWS = 12

/**
 * The 公示 of a closed round: its numbers (a residents' round as a ranking table, the others as
 * their published result), then who does what by when for its projects, in the order in force.
 */
export async function roundPoster(db: Db, p: { round: Round; footer: string; timeZone: string; now: Date }): Promise<Poster> {
  const { round } = p
  const cast = await ballotsOf(db, { communityId: round.communityId, roundId: round.id })
  const closed = formatClock(round.closedAt ?? round.closesAt, p.timeZone)
  const members = await projectsWithMembers(db, { communityId: round.communityId, ids: round.projectIds })
  const names = new Map(members.map((m) => [m.project.id, m.project.name]))
  const blocks: PosterBlock[] = []
  let order = round.projectIds

  if (round.kind === 'resident') {
    const { ranking } = await residentTally(db, round, cast)
    order = ranking.map((r) => r.project)
    blocks.push({ kind: 'heading', text: t.ranking })
    blocks.push({
      kind: 'table',
      columns: [
        { header: t.rankingColumns.rank, share: 1 },
        { header: t.rankingColumns.project, share: 5 },
        { header: t.rankingColumns.votes, share: 1.3, align: 'right' },
        { header: t.rankingSupporters(round.per), share: 1.6, align: 'right' },
      ],
      rows: ranking.slice(0, MAX_ROWS).map((r) => [String(r.rank), t.project(r.project, names.get(r.project) ?? ''), String(r.value), String(r.supporters)]),
    })
  } else {
    // the published result, line by line, without its first line (the title says it)
    const lines = (await resultsText(db, { round, timeZone: p.timeZone })).split('\n').slice(1)
    blocks.push({ kind: 'heading', text: t.result })
    for (const line of lines) blocks.push({ kind: 'paragraph', text: line })
    const ranking = await currentRanking(db, { communityId: round.communityId })
    if (ranking && (ranking.round.id === round.id || ranking.round.id === round.refRoundId)) {
      order = [...ranking.order.filter((id) => round.projectIds.includes(id)), ...round.projectIds.filter((id) => !ranking.order.includes(id))]
    }
  }

  const works = await currentAssignments(db, { communityId: round.communityId, projectIds: order })
  blocks.push({ kind: 'heading', text: t.plan })
  blocks.push({
    kind: 'table',
    columns: [
      { header: t.planColumns.rank, share: 1 },
      { header: t.planColumns.project, share: 3.6 },
      { header: t.planColumns.partner, share: 2.3 },
      { header: t.planColumns.due, share: 2.3 },
      { header: t.planColumns.percent, share: 1.2, align: 'right' },
    ],
    rows: order.slice(0, MAX_ROWS).map((id, i) => {
      const w = works.get(id)
      const project = members.find((m) => m.project.id === id)?.project
      return [
        String(i + 1),
        t.project(id, names.get(id) ?? ''),
        w?.partner ?? t.unassigned,
        w ? formatDay(w.assignment.dueAt, p.timeZone, p.now) : t.dash,
        project ? t.percent(project.percent) : t.dash,
      ]
    }),
  })

  return {
    title: t.title(round.kind, round.id),
    subtitle: t.subtitle({ voters: cast.length, per: round.per, closed }),
    blocks,
    footer: p.footer,
    overflow: posterText.overflow,
  }
}
