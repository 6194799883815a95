import { z } from 'zod'
import { attachProgressFile } from '../../db/assignments.js'
import { projectCode } from '../../domain/codes.js'
import { definePhotoWindow, forwardPhotoToRooms } from '../../kit/photoWindow.js'
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
  forward: async (ctx, state, fileId) => {
    await attachProgressFile(ctx.db, { communityId: state.communityId, id: state.updateId, fileId })
    await forwardPhotoToRooms(ctx, { fileId, roomIds: state.roomIds, key: `progress:${state.updateId}`, caption: t.photo(projectCode(state.projectId)), communityId: state.communityId })
  },
  firstAck: () => t.firstPhoto,
  doneSay: (state) => t.photosDone(state.photos),
})
