import type { z } from 'zod'
import { saveFile } from '../db/notices.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import type { Ctx } from './context.js'
import { defineDialog, end, stay, type Dialog } from './dialog.js'
import { PHOTOS_DONE } from './lexicon.js'

/**
 * A few minutes after a report, photos follow it: each is kept and sent on; anything else ends
 * the wait (a command said to the bot runs). A photo posted much later is probably about
 * something else, so the window is short. Only the first photo is acknowledged: a word per photo
 * would flood the chat.
 */
/** a photo posted much later is probably about something else: it must not be forwarded */
export const PHOTO_WINDOW_MS = 5 * 60_000

export function definePhotoWindow<S extends { photos: number; communityId: number }>(spec: {
  name: string
  schema: z.ZodType<S>
  /** keeps the stored photo with its record and sends it where the report went */
  forward: (ctx: Ctx, state: S, fileId: number) => Promise<void>
  firstAck: (state: S) => string
  /** said when the window is closed by a word to the bot */
  doneSay: (state: S) => string
}): Dialog<S, 'photos'> {
  return defineDialog<S, 'photos'>({
    name: spec.name,
    version: 1,
    schema: spec.schema,
    releaseOnCommand: true,
    timeoutMs: PHOTO_WINDOW_MS,
    steps: {
      photos: {
        answer: async (ctx, a, state) => {
          if (a.type !== 'image') {
            const addressed = ctx.room === null || ctx.msg.mentionsBot || PHOTOS_DONE.test(a.text) || PHOTOS_DONE.test(a.plain)
            return end(addressed ? spec.doneSay(state) : undefined)
          }
          const file = await ctx.loadImage()
          const fileId = await saveFile(ctx.db, { ...file, communityId: state.communityId, now: ctx.now })
          await spec.forward(ctx, state, fileId)
          const next = { ...state, photos: state.photos + 1 }
          return stay(next.photos === 1 ? spec.firstAck(state) : '', next)
        },
      },
    },
    // the window closing ends the wait quietly
    onTimeout: async () => '',
  })
}

/** A photo kept once, sent on to each of the rooms its report went to (behind replies). */
export async function forwardPhotoToRooms(ctx: Ctx, p: { fileId: number; roomIds: number[]; key: string; caption: string; communityId: number }): Promise<void> {
  for (const roomId of p.roomIds) {
    await enqueueMessage(ctx.db, { key: `${p.key}:photo:${p.fileId}:room:${roomId}`, body: p.caption, kind: 'file', fileId: p.fileId, roomId, communityId: p.communityId, now: ctx.now, priority: 'background' })
  }
}
