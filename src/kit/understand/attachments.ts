import { saveFile } from '../../db/notices.js'
import type { Ctx } from '../context.js'

/**
 * Keeps the file of this message (a voice message, a picture) in the files table, with the voice's
 * length when the puppet gives it (wechat4u: VoiceLength). For a dialog that accepts voice (the
 * intake's "what"): the row is the dialog's to link, so that erasure and the export find it.
 */
export async function keepAttachment(ctx: Ctx): Promise<{ fileId: number; name: string; mediaType: string; durationMs?: number }> {
  const file = await ctx.loadImage()
  const fileId = await saveFile(ctx.db, { communityId: ctx.community!.id, name: file.name, mediaType: file.mediaType, base64: file.base64, now: ctx.now })
  return { fileId, name: file.name, mediaType: file.mediaType, ...(file.durationMs !== undefined ? { durationMs: file.durationMs } : {}) }
}
