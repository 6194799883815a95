import { z } from 'zod'
import { attachReportFile } from '../../db/reports.js'
import type { Ctx } from '../../kit/context.js'
import { definePhotoWindow } from '../../kit/photoWindow.js'
import { sendPhoto, type Targets } from './notify.js'
import { reportCode } from './parse.js'
import { reportText as t } from './text.js'

const State = z.object({
  reportId: z.number().int(),
  communityId: z.number().int(),
  /** false: the reporter's photos of the problem (to the grid member); true: the grid member's of what was done (to the reporter) */
  outcome: z.boolean(),
  rooms: z.array(z.number().int()),
  people: z.array(z.number().int()),
  photos: z.number().int(),
})
type State = z.infer<typeof State>

/** Photos in the minutes after a report (or after 处理) follow it: kept with the report and forwarded to whoever heard of it. */
export const reportPhotosDialog = definePhotoWindow<State>({
  name: 'report-photos',
  schema: State,
  forward: async (ctx, state, fileId) => {
    await attachReportFile(ctx.db, { id: state.reportId, communityId: state.communityId, fileId, outcome: state.outcome })
    await sendPhoto(ctx.db, {
      communityId: state.communityId,
      key: `report:${state.reportId}:${state.outcome ? 'outcome' : 'photo'}:${fileId}`,
      fileId,
      caption: t.photoCaption(reportCode(state.reportId)),
      targets: { rooms: state.rooms, people: state.people },
      now: ctx.now,
      priority: state.outcome ? 'background' : 'reply',
    })
  },
  firstAck: (state) => (state.outcome ? t.photosAck.outcome : t.photosAck.intake),
  doneSay: (state) => t.photosDone(state.photos),
})

/** Opens the photo window after a report or a 处理. */
export async function openPhotoWindow(ctx: Ctx, p: { reportId: number; communityId: number; outcome: boolean; targets: Targets }): Promise<void> {
  await reportPhotosDialog.save(ctx, 'photos', { reportId: p.reportId, communityId: p.communityId, outcome: p.outcome, rooms: p.targets.rooms, people: p.targets.people, photos: 0 })
}
