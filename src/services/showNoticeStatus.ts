import { staffCommunity } from '../kit/access.js'
import { getNotice, latestNotice, noticeStatus } from '../db/notices.js'
import { buildingLabel } from '../domain/address.js'
import { AppError } from '../domain/errors.js'
import { NOTICE_KIND_LABEL, noticeCode, type NoticeKind } from '../domain/noticeText.js'
import { normalizeInput } from '../domain/text.js'
import { formatClock } from '../domain/time.js'
import type { Ctx } from '../kit/context.js'

/** 公告状态 [G2] — which buildings confirmed forwarding, which not yet. */
export async function showNoticeStatus(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const code = /G\s*(\d+)/i.exec(normalizeInput(args))
  if (args.trim() && !code) throw new AppError('BAD_INPUT', '请写公告编号，例如「公告状态 G2」。')
  const notice = code
    ? await getNotice(ctx.db, { id: Number(code[1]), communityId: community.id })
    : await latestNotice(ctx.db, { communityId: community.id })
  if (!notice) throw new AppError('NOT_FOUND', code ? `没有公告 G${code[1]}。` : '还没有发过公告。')
  const rows = await noticeStatus(ctx.db, { noticeId: notice.id })
  const done = rows.filter((r) => r.confirmedAt)
  const open = rows.filter((r) => !r.confirmedAt)
  const tz = ctx.config.timeZone
  const due = notice.sendAt > ctx.now ? `定于 ${formatClock(notice.sendAt, tz)} 发送` : `${formatClock(notice.sendAt, tz)} 发出`
  const lines = [
    `${NOTICE_KIND_LABEL[notice.kind as NoticeKind]} ${noticeCode(notice.id)}《${notice.title}》，${due}`,
    `已转发 ${done.length}/${rows.length} 栋`,
    ...done.map((r) => `✓ ${buildingLabel(r.number)}（${r.confirmedBy ?? '已删除的用户'} ${formatClock(r.confirmedAt!, tz)}）`),
  ]
  if (open.length) lines.push(`✗ 未转发：${open.map((r) => `${buildingLabel(r.number)}${r.remindedAt ? '（已提醒）' : ''}`).join('、')}`)
  await ctx.reply(lines.join('\n'))
}
