import { getBuilding } from '../db/communities.js'
import { confirmNoticeBuilding, noticeToConfirm } from '../db/notices.js'
import { isBuildingHead } from '../db/roles.js'
import { buildingLabel } from '../domain/address.js'
import { AppError } from '../domain/errors.js'
import { noticeCode } from '../domain/noticeText.js'
import { normalizeInput } from '../domain/text.js'
import type { Ctx } from '../kit/context.js'

/** 已转发 [G2] — a building head confirms the notice reached the neighbours. */
export async function confirmForwarded(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.room || ctx.room.kind !== 'building' || !ctx.room.buildingId) {
    throw new AppError('WRONG_ROOM', '请在您楼栋的群里 @我 说「已转发」。')
  }
  const buildingId = ctx.room.buildingId
  const isHead = await isBuildingHead(ctx.db, { personId: ctx.person.id, buildingId })
  if (!isHead && !ctx.isStaff) throw new AppError('FORBIDDEN', '谢谢您！「已转发」由楼组长来回复就可以了。')
  const code = /G\s*(\d+)/i.exec(normalizeInput(args))
  const found = await noticeToConfirm(ctx.db, { buildingId, now: ctx.now, noticeId: code ? Number(code[1]) : undefined })
  const building = await getBuilding(ctx.db, { id: buildingId })
  const label = building ? buildingLabel(building.number) : '本楼'
  if (!found) {
    throw new AppError('NOT_FOUND', code ? `${label}没有收到过公告 G${code[1]}，请核对编号。` : `${label}最近没有要转发的公告。`)
  }
  const { notice } = found
  if (found.confirmedAt) {
    await ctx.reply(`${noticeCode(notice.id)}《${notice.title}》${label}已经登记过转发了，谢谢！`)
    return
  }
  await confirmNoticeBuilding(ctx.db, { noticeId: notice.id, buildingId, personId: ctx.person.id, now: ctx.now })
  await ctx.reply(`收到！${noticeCode(notice.id)}《${notice.title}》${label}已转发，谢谢${ctx.msg.talker.nickname || ctx.person.name}。`)
}
