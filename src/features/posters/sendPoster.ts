import { saveFile } from '../../db/notices.js'
import { staffRoomOf } from '../../db/rooms.js'
import { AppError } from '../../domain/errors.js'
import type { Poster } from '../../domain/posters/layout.js'
import { wallTime } from '../../domain/time/index.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { findCjkFont } from '../rounds/index.js'
import { renderPoster, type PosterPhoto, type RenderedPoster } from './renderPoster.js'
import { posterText as t } from './text.js'

const pad = (n: number) => String(n).padStart(2, '0')
const kb = (b: Buffer) => Math.max(1, Math.round(b.length / 1024))

/** The footer every poster carries: the community and the day it is published. */
export function posterFooter(ctx: Ctx): string {
  return t.footer({ community: staffCommunity(ctx).name, date: t.date(wallTime(ctx.now, ctx.config.timeZone)) })
}

/**
 * Renders the poster (PDF + PNG) and sends both files to the community's staff group, where
 * they are printed; without a staff group, to the chat that asked. Says what was made.
 */
export async function sendPoster(ctx: Ctx, p: { poster: Poster; photos?: PosterPhoto[]; what: string; file: string }): Promise<RenderedPoster> {
  const community = staffCommunity(ctx)
  const font = findCjkFont(ctx.config.cjkFont)
  if (!font) throw new AppError('CONFIG', t.noFont)
  const rendered = await renderPoster(p.poster, { fontFile: font, photos: p.photos, now: ctx.now })
  const w = wallTime(ctx.now, ctx.config.timeZone)
  const date = `${w.year}${pad(w.month)}${pad(w.day)}`
  const staff = await staffRoomOf(ctx.db, { communityId: community.id })
  const target = staff
    ? { roomId: staff.id, personId: null, puppetTo: staff.puppetId }
    : { roomId: ctx.room?.id ?? null, personId: ctx.room ? null : ctx.person.id, puppetTo: ctx.room ? ctx.msg.room!.puppetId : ctx.msg.talker.puppetId }
  await ctx.reply(t.sent({ what: p.what, pdfKb: kb(rendered.pdf), pngKb: kb(rendered.png), toStaffGroup: !!staff, dropped: rendered.layout.dropped }))
  const files = [
    { ext: 'pdf' as const, mediaType: 'application/pdf', data: rendered.pdf },
    { ext: 'png' as const, mediaType: 'image/png', data: rendered.png },
  ]
  for (const f of files) {
    const name = t.fileName(p.file, date, f.ext)
    const fileId = await saveFile(ctx.db, { communityId: community.id, name, mediaType: f.mediaType, base64: f.data.toString('base64'), now: ctx.now })
    await enqueueMessage(ctx.db, { key: `reply:${ctx.inboundId}:poster:${f.ext}`, body: t.fileLine(name), kind: 'file', fileId, ...target, communityId: community.id, now: ctx.now })
  }
  return rendered
}
