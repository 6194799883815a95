import { addProgress, currentAssignment, setProjectState } from '../../db/assignments.js'
import { getProject } from '../../db/pool.js'
import { projectCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { parseProgressCommand } from '../../domain/implementation/commands.js'
import type { Ctx } from '../../kit/context.js'
import { implementationActor, mayActFor } from './partnerAccess.js'
import { postProjectNews } from './postProjectNews.js'
import { PHOTO_WINDOW_MS } from '../../kit/photoWindow.js'
import { progressPhotosDialog } from './progressPhotos.js'
import { showProgress } from './showProgress.js'
import { projectText, progressText as t } from './text.js'

/**
 * 进度 P3 60% 管线已铺设 — staff, or the liaison of the project's partner, report progress. It is
 * posted to the groups of the project's buildings, @-mentioning those who asked for it (once,
 * together); photos sent right after follow it there. Anything else said with 进度 asks.
 */
export async function progressCommand(ctx: Ctx, args: string): Promise<void> {
  const command = parseProgressCommand(args)
  const inOffice = ctx.room === null || ctx.room.kind === 'staff'
  if (command.verb === 'report' && !inOffice && ctx.isStaff) throw new AppError('WRONG_ROOM', t.staffInGroup)
  if (command.verb === 'ask' || !inOffice) return showProgress(ctx, args)
  const actor = await implementationActor(ctx)
  // residents who write more than a code just get the answer
  if (!actor) return showProgress(ctx, args)
  const communityId = actor.community.id
  const projectId = command.project
  const code = projectCode(projectId)
  const project = await getProject(ctx.db, { id: projectId, communityId })
  if (!project) throw new AppError('NOT_FOUND', t.notFound(code))
  const current = await currentAssignment(ctx.db, { communityId, projectId })
  mayActFor(actor, current?.assignment.partnerId, t.notYours(code))
  if (project.stage === 'accepted') throw new AppError('CONFLICT', projectText.accepted(code))
  if (project.stage === 'pool' && !current) throw new AppError('CONFLICT', t.notAssigned(code))
  const percent = command.percent ?? project.percent
  if (percent < 0 || percent > 100) throw new AppError('BAD_INPUT', t.percentRange)
  if (!command.note) throw new AppError('BAD_INPUT', t.noteMissing(code, percent))

  const row = await addProgress(ctx.db, {
    communityId,
    projectId,
    assignmentId: current?.assignment.id ?? null,
    percent,
    note: command.note,
    fileIds: [],
    byPerson: ctx.person.id,
    at: ctx.now,
  })
  await setProjectState(ctx.db, { communityId, id: projectId, percent, now: ctx.now })
  const news = await postProjectNews(ctx.db, {
    communityId,
    projectId,
    key: `progress:${row.id}`,
    body: t.news({ code, name: project.name, percent, note: command.note, partner: current?.partner ?? null }),
    now: ctx.now,
  })
  const finished = percent === 100 ? t.finished(code) : ''
  if (!news.roomIds.length) return ctx.reply(t.noGroups(code, percent, finished))
  await progressPhotosDialog.start(
    ctx,
    'photos',
    { updateId: row.id, projectId, communityId, roomIds: news.roomIds, photos: 0 },
    t.posted({ rooms: news.roomIds.length, mentioned: news.mentioned, minutes: PHOTO_WINDOW_MS / 60_000, finished }),
  )
}
