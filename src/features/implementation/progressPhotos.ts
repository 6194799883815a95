import { z } from 'zod'
import { attachProgressFile } from '../../db/assignments.js'
import { projectCode } from '../../domain/codes.js'
import { definePhotoWindow } from '../../kit/photoWindow.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { PHOTOS_DONE } from './lexicon.js'
import { progressText as t } from './text.js'


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
export const progressPhotosDialog = definePhotoWindow<State>({
  name: 'progress-photos',
  schema: State,
  done: PHOTOS_DONE,
  forward: async (ctx, state, fileId) => {
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
  },
  firstAck: () => t.firstPhoto,
  doneSay: (state) => t.photosDone(state.photos),
})
