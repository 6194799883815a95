import { z } from 'zod'
import { attachNoteFile } from '../../db/deliberation.js'
import { definePhotoWindow, forwardPhotoToRooms } from '../../kit/photoWindow.js'
import { deliberationText as t } from './text.js'

const State = z.object({
  noteId: z.number().int(),
  questionId: z.number().int(),
  communityId: z.number().int(),
  /** the groups the minutes went to: the photos follow them there */
  roomIds: z.array(z.number().int()),
  photos: z.number().int(),
})
type State = z.infer<typeof State>

/** Photos after 议题纪要 follow the minutes to the same groups; anything else ends the wait. */
export const minutesPhotosDialog = definePhotoWindow<State>({
  name: 'question-minutes-photos',
  schema: State,
  forward: async (ctx, state, fileId) => {
    await attachNoteFile(ctx.db, { id: state.noteId, communityId: state.communityId, fileId })
    await forwardPhotoToRooms(ctx, { fileId, roomIds: state.roomIds, key: `question-minutes:${state.noteId}`, caption: t.minutesPhoto(state.questionId), communityId: state.communityId })
  },
  firstAck: () => t.firstPhoto,
  doneSay: (state) => t.photosDone(state.photos),
})
