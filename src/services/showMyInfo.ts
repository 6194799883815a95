import { householdOfPerson } from '../db/households.js'
import { roomsOfPerson } from '../db/people.js'
import { rolesOfPerson } from '../db/roles.js'
import { buildingLabel, householdLabel } from '../domain/address.js'
import type { Ctx } from '../kit/context.js'

/** 我的信息 — everything stored about the talker (in a group the door number stays hidden). */
export async function showMyInfo(ctx: Ctx): Promise<void> {
  const h = await householdOfPerson(ctx.db, { personId: ctx.person.id })
  const roles = await rolesOfPerson(ctx.db, { personId: ctx.person.id })
  const rooms = await roomsOfPerson(ctx.db, { personId: ctx.person.id })

  let household = '未登记（可说「登记 3号楼 502」）'
  if (h) {
    const status = h.confirmedAt ? '已确认' : '待楼组长确认'
    const where = ctx.room
      ? `${buildingLabel(h.building.number)}（门牌私聊我可看）`
      : householdLabel({ building: h.building.number, unit: h.household.unit })
    household = `${where}，${status}`
  }
  const titles = roles.map((r) => (r.role === 'building_head' && r.buildingNumber !== null ? `${buildingLabel(r.buildingNumber)}楼组长` : r.role))
  if (ctx.staffOf.length) titles.unshift('居委工作人员')
  const lines = [
    '我这里存了您这些信息：',
    `· 微信名：${ctx.person.name}`,
    `· 住户：${household}`,
    `· 身份：${titles.length ? titles.join('、') : '居民'}`,
    `· 所在群：${rooms.map((r) => r.room.topic).join('、') || '无'}`,
    '要删除，请说「删除我的信息」。',
  ]
  await ctx.reply(lines.join('\n'))
}
