import { getBuilding } from '../../db/communities.js'
import { confirmNoticeBuilding, noticeToConfirm } from '../../db/notices.js'
import { isBuildingHead } from '../../db/roles.js'
import { buildingLabel } from '../../domain/address.js'
import { AppError } from '../../domain/errors.js'
import { normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { NOTICE_CODE } from './lexicon.js'
import { forwardText as t } from './text.js'

/**
 * 已转发 [G2] — a building head confirms the notice reached the neighbours. The spec lets any
 * group and any head in; it must be a building's group, and a head of that building.
 */
export async function confirmForwarded(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.room || ctx.room.kind !== 'building' || !ctx.room.buildingId || ctx.room.communityId === null) throw new AppError('WRONG_ROOM', t.inBuildingGroup)
  const { buildingId, communityId } = ctx.room
  const isHead = await isBuildingHead(ctx.db, { communityId, personId: ctx.person.id, buildingId })
  if (!isHead && !ctx.isStaff) throw new AppError('FORBIDDEN', t.onlyHeads)
  const code = NOTICE_CODE.exec(normalizeInput(args))
  const found = await noticeToConfirm(ctx.db, { communityId, buildingId, now: ctx.now, noticeId: code ? Number(code[1]) : undefined })
  const building = await getBuilding(ctx.db, { id: buildingId, communityId })
  const label = building ? buildingLabel(building.number) : t.thisBuilding
  if (!found) throw new AppError('NOT_FOUND', code ? t.notReceived(label, code[1]!) : t.nothingToForward(label))
  const { notice } = found
  if (found.confirmedAt) {
    await ctx.reply(t.already(notice, label))
    return
  }
  await confirmNoticeBuilding(ctx.db, { communityId, noticeId: notice.id, buildingId, personId: ctx.person.id, now: ctx.now })
  await ctx.reply(t.thanks(notice, label, ctx.msg.talker.nickname || ctx.person.name))
}
