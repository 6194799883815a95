import { addProgress, attachProgressFile, currentAssignment, setProjectState } from '../db/assignments.js'
import { saveFile } from '../db/notices.js'
import { getProject } from '../db/pool.js'
import { projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import { parseProgress } from '../domain/implementation/commands.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import type { Ctx, DialogHandler } from '../kit/context.js'
import { implementationActor, mayActFor } from './partnerAccess.js'
import { postProjectNews } from './postProjectNews.js'
import { showProgress } from './showProgress.js'

export const PROGRESS_PHOTOS_DIALOG = 'progress-photos'
const VERSION = 1
// a photo posted much later is probably not about this update: it must not reach the residents
const PHOTO_WINDOW_MS = 5 * 60_000
const DONE = /^(好了|好|完了|发完了?|没有了?|没了|结束|就这些|ok)[。.!！]*$/i
// "进度 P3 怎么样了" is a question, not an update
const QUESTION = /[?？]|吗|怎么样|如何|到哪|多少|咋样/

interface PhotoState {
  updateId: number
  projectId: number
  communityId: number
  roomIds: number[]
  photos: number
}

/**
 * 进度 P3 60% 管线已铺设 — staff, or the liaison of the project's partner, report progress. It is
 * posted to the groups of the project's buildings, @-mentioning those who asked for it (once,
 * together); photos sent right after follow it there. Anything else said with 进度 asks.
 */
export async function progressCommand(ctx: Ctx, args: string): Promise<void> {
  const parsed = parseProgress(args)
  const update = parsed.project !== null && (parsed.percent !== null || (parsed.note.length >= 2 && !QUESTION.test(parsed.note)))
  const inOffice = ctx.room === null || ctx.room.kind === 'staff'
  if (update && !inOffice && ctx.isStaff) throw new AppError('WRONG_ROOM', '请在居委工作群或私聊里更新进度；在楼栋群里「进度 P3」只是查看。')
  if (!update || !inOffice) return showProgress(ctx, args)
  const actor = await implementationActor(ctx)
  // residents who write more than a code just get the answer
  if (!actor) return showProgress(ctx, args)
  const communityId = actor.community.id
  const projectId = parsed.project!
  const project = await getProject(ctx.db, { id: projectId, communityId })
  if (!project) throw new AppError('NOT_FOUND', `没有项目 ${projectCode(projectId)}。说「进度」看全部项目。`)
  const current = await currentAssignment(ctx.db, { projectId })
  mayActFor(actor, current?.assignment.partnerId, `${projectCode(projectId)} 不是派给您单位的，只能更新本单位的项目。`)
  if (project.stage === 'accepted') throw new AppError('CONFLICT', `${projectCode(projectId)} 已经验收结单了。`)
  if (project.stage === 'pool' && !current) throw new AppError('CONFLICT', `${projectCode(projectId)} 还没派单。先说「派单 ${projectCode(projectId)} 单位 预计12月底」。`)
  const percent = parsed.percent ?? project.percent
  if (percent < 0 || percent > 100) throw new AppError('BAD_INPUT', '进度请写 0 到 100 之间，例如「进度 P3 60% 管线已铺设」。')
  if (!parsed.note) throw new AppError('BAD_INPUT', `请加一句说明，例如「进度 ${projectCode(projectId)} ${percent}% 管线已铺设」。`)

  const row = await addProgress(ctx.db, {
    communityId,
    projectId,
    assignmentId: current?.assignment.id ?? null,
    percent,
    note: parsed.note,
    fileIds: [],
    byPerson: ctx.person.id,
    at: ctx.now,
  })
  await setProjectState(ctx.db, { id: projectId, percent, now: ctx.now })
  const by = current ? `（${current.partner}）` : ''
  const news = await postProjectNews(ctx.db, {
    communityId,
    projectId,
    key: `progress:${row.id}`,
    body: `【进度】${projectCode(projectId)}「${project.name}」${percent}%：${parsed.note}${by}`,
    now: ctx.now,
  })
  const finished = percent === 100 ? `\n完工了就说「完成 ${projectCode(projectId)}」，请居民验收评价。` : ''
  if (!news.roomIds.length) return ctx.reply(`已记录 ${projectCode(projectId)} ${percent}%。还没有绑定楼栋群，居民那边没发。${finished}`)
  const state: PhotoState = { updateId: row.id, projectId, communityId, roomIds: news.roomIds, photos: 0 }
  await ctx.startDialog({ name: PROGRESS_PHOTOS_DIALOG, version: VERSION, step: 'photos', state: state as unknown as Record<string, unknown>, timeoutMs: PHOTO_WINDOW_MS })
  await ctx.reply(
    `已发到 ${news.roomIds.length} 个楼栋群${news.mentioned ? `，@了 ${news.mentioned} 位提建议的居民` : ''}。有现场照片就在 5 分钟内接着发（可多张），发完说「好了」。${finished}`,
  )
}

/** Photos after a progress report follow it to the same groups; anything else ends the wait. */
export const progressPhotosDialog: DialogHandler = {
  version: VERSION,
  releaseOnCommand: true,
  async onMessage(ctx, conversation) {
    const state = conversation.state as unknown as PhotoState
    if (ctx.msg.type === 'image') {
      const file = await ctx.loadImage()
      const fileId = await saveFile(ctx.db, { ...file, now: ctx.now })
      await attachProgressFile(ctx.db, { id: state.updateId, fileId })
      for (const roomId of state.roomIds) {
        await enqueueMessage(ctx.db, {
          key: `progress:${state.updateId}:photo:${fileId}:room:${roomId}`,
          body: `[照片] ${projectCode(state.projectId)}`,
          kind: 'file',
          fileId,
          roomId,
          communityId: state.communityId,
          now: ctx.now,
          priority: 'background',
        })
      }
      const next = { ...state, photos: state.photos + 1 }
      await ctx.startDialog({ name: PROGRESS_PHOTOS_DIALOG, version: VERSION, step: 'photos', state: next as unknown as Record<string, unknown>, timeoutMs: PHOTO_WINDOW_MS })
      // a word per photo would flood the staff group: only the first is acknowledged
      if (next.photos === 1) await ctx.reply('照片已转发。还有就接着发，发完说「好了」。')
      return
    }
    await ctx.endDialog()
    const addressed = ctx.room === null || ctx.msg.mentionsBot || DONE.test(ctx.msg.text.trim())
    if (addressed) await ctx.reply(state.photos > 1 ? `好的，${state.photos} 张照片都已发到群里。` : state.photos ? '好的，照片已发到群里。' : '好的。')
  },
  async onTimeout() {
    return ''
  },
}
