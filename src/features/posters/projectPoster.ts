import { maskDoors } from '../../domain/address.js'
import { currentAssignments } from '../../db/assignments.js'
import type { Db } from '../../db/client.js'
import { projectsWithMembers } from '../../db/pool.js'
import { filesByIds, progressHistory } from '../../db/posters.js'
import { acceptanceRounds } from '../../db/rounds.js'
import { acceptanceOutcome } from '../../domain/implementation/acceptance.js'
import type { Poster, PosterBlock } from '../../domain/posters/layout.js'
import { formatDay } from '../implementation/index.js'
import type { PosterPhoto } from './renderPoster.js'
import { posterText } from './text.js'

const t = posterText.project
const UPDATES = 3
const PHOTOS = 4

type Member = Awaited<ReturnType<typeof projectsWithMembers>>[number]

/**
 * The 公示 of a project's implementation: stage, %, who does it and when, the latest progress
 * reports (their words, never who wrote them) and up to four of their photos, newest first.
 */
export async function projectPoster(db: Db, p: { member: Member; footer: string; timeZone: string; now: Date }): Promise<{ poster: Poster; photos: PosterPhoto[] }> {
  const { project } = p.member
  const day = (d: Date) => formatDay(d, p.timeZone, p.now)
  const work = (await currentAssignments(db, { communityId: project.communityId, projectIds: [project.id] })).get(project.id)
  const updates = await progressHistory(db, { communityId: project.communityId, projectId: project.id, limit: 20 })
  const acceptance = (await acceptanceRounds(db, { communityId: project.communityId, projectIds: [project.id] })).get(project.id)
  const outcome = acceptance ? acceptanceOutcome(acceptance.ratings.map((r) => r.score), acceptance.round.minRating ?? 0) : null

  const facts: [string, string][] = [
    [t.stage, t.stageValue(project.stage)],
    [t.percent, t.percentValue(project.percent)],
    [t.partner, work?.partner ?? t.none],
    [t.window, t.windowValue(work ? { starts: day(work.assignment.startsAt), due: day(work.assignment.dueAt) } : null)],
    [t.buildings, t.buildingsValue(p.member.buildings)],
    [t.residents, t.residentsValue({ suggestions: p.member.suggestions.length, supporters: p.member.supporters })],
  ]
  if (acceptance && outcome) {
    facts.push([t.acceptance, t.acceptanceValue({ raters: outcome.raters, average: outcome.raters ? outcome.average : null, open: acceptance.round.status === 'open' })])
  }
  const blocks: PosterBlock[] = [
    { kind: 'heading', text: t.facts },
    { kind: 'table', columns: [{ header: t.factColumns.item, share: 1 }, { header: t.factColumns.value, share: 3.2 }], rows: facts },
    { kind: 'heading', text: t.updates },
  ]
  if (!updates.length) blocks.push({ kind: 'paragraph', text: t.noUpdates })
  for (const u of updates.slice(0, UPDATES)) blocks.push({ kind: 'paragraph', text: t.update({ day: day(u.at), percent: u.percent, note: maskDoors(u.note) }) })

  const photoIds = updates.flatMap((u) => u.fileIds).slice(0, PHOTOS * 2)
  const photos = (await filesByIds(db, { communityId: project.communityId, ids: photoIds }))
    .filter((f) => f.mediaType === 'image/jpeg' || f.mediaType === 'image/png')
    .slice(0, PHOTOS)
    .map((f) => ({ mediaType: f.mediaType, base64: f.base64 }))
  if (photos.length) {
    blocks.push({ kind: 'heading', text: t.photos })
    blocks.push({ kind: 'photos', photos: photos.map((_, index) => ({ index, width: 0, height: 0 })) })
  }
  const last = updates[0]?.at ?? null
  return {
    poster: { title: t.title(project.id, project.name), subtitle: t.subtitle({ stage: project.stage, percent: project.percent, last: last ? day(last) : null }), blocks, footer: p.footer, overflow: posterText.overflow },
    photos,
  }
}
