import { getNotice, latestNotice, noticeStatus } from '../../db/notices.js'
import { AppError } from '../../domain/errors.js'
import { normalizeInput } from '../../domain/text.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { NOTICE_CODE } from './lexicon.js'
import { noticeStatusText as t } from './text.js'

/** 公告状态 [G2] — which buildings confirmed forwarding, which not yet. */
export async function showNoticeStatus(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const code = NOTICE_CODE.exec(normalizeInput(args))
  if (args.trim() && !code) throw new AppError('BAD_INPUT', t.badCode)
  const notice = code
    ? await getNotice(ctx.db, { id: Number(code[1]), communityId: community.id })
    : await latestNotice(ctx.db, { communityId: community.id })
  if (!notice) throw new AppError('NOT_FOUND', code ? t.noSuchNotice(code[1]!) : t.noneYet)
  const rows = await noticeStatus(ctx.db, { communityId: notice.communityId, noticeId: notice.id })
  await ctx.reply(t.report({ notice, rows, now: ctx.now, timeZone: ctx.config.timeZone }))
}
