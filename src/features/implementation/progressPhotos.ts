import { z } from 'zod'
import { attachProgressFile } from '../../db/assignments.js'
import { saveFile } from '../../db/notices.js'
import { projectCode } from '../../domain/codes.js'
import { defineDialog, end, stay } from '../../kit/dialog.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { PHOTOS_DONE } from './lexicon.js'
import { progressText as t } from './text.js'

// a photo posted much later is probably not about this update: it must not reach the residents
export const PHOTO_WINDOW_MS = 5 * 60_000

const State = z.object({
  updateId: z.number().int(),
  projectId: z.number().int(),
  communityId: z.number().int(),
  /** the groups the report went to: its photos follow it there */
  roomIds: z.array(z.number().int()),
  photos: z.number().int(),
})
type State = z.infer<typeof State>

/** Photos after a progress report follow it to the same groups; anything else ends the wait. */
export const progressPhotosDialog = defineDialog<State, 'photos'>({
  name: 'progress-photos',
  version: 1,
  schema: State,
  releaseOnCommand: true,
  timeoutMs: PHOTO_WINDOW_MS,
  steps: {
    photos: {
      answer: async (ctx, a, state) => {
        if (a.type !== 'image') {
          const addressed = ctx.room === null || ctx.msg.mentionsBot || PHOTOS_DONE.test(a.text)
          return end(addressed ? t.photosDone(state.photos) : undefined)
        }
        const file = await ctx.loadImage()
        const fileId = await saveFile(ctx.db, { ...file, now: ctx.now })
        await attachProgressFile(ctx.db, { id: state.updateId, fileId })
        for (const roomId of state.roomIds) {
          await enqueueMessage(ctx.db, {
            key: `progress:${state.updateId}:photo:${fileId}:room:${roomId}`,
            body: t.photo(projectCode(state.projectId)),
            kind: 'file',
            fileId,
            roomId,
            communityId: state.communityId,
            now: ctx.now,
            priority: 'background',
          })
        }
        const next = { ...state, photos: state.photos + 1 }
        // a word per photo would flood the staff group: only the first is acknowledged
        return stay(next.photos === 1 ? t.firstPhoto : '', next)
      },
    },
  },
  // the window closing ends the wait quietly
  onTimeout: async () => '',
})
