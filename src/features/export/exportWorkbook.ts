import { saveFile } from '../../db/notices.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { exportText as t } from './text.js'
import { buildWorkbook, XLSX_TYPE } from './workbook.js'

/** 导出 — staff get the workbook in the chat they asked in, after a short summary. */
export async function exportWorkbook(ctx: Ctx, _args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { buffer, fileName, summary } = await buildWorkbook(ctx.db, { communityId: community.id, now: ctx.now, timeZone: ctx.config.timeZone })
  const fileId = await saveFile(ctx.db, { communityId: community.id, name: fileName, mediaType: XLSX_TYPE, base64: buffer.toString('base64'), now: ctx.now })
  await ctx.reply(summary)
  await enqueueMessage(ctx.db, {
    key: `reply:${ctx.inboundId}:export`,
    body: t.fileLine(fileName),
    kind: 'file',
    fileId,
    roomId: ctx.room?.id ?? null,
    personId: ctx.room ? null : ctx.person.id,
    puppetTo: ctx.room ? ctx.msg.room!.puppetId : ctx.msg.talker.puppetId,
    communityId: community.id,
    now: ctx.now,
  })
}
