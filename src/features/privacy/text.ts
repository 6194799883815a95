import { buildingLabel, householdLabel } from '../../domain/address.js'

const ROLE_TITLES: Record<string, string> = { building_head: '楼组长', grid_member: '网格员', council: '议事员', liaison: '承办单位联络员', representative: '居民代表' }

/** 3号楼、5号楼网格员 · 议事员: a role per building grouped, in words (an unknown role is not shown raw). */
function roleTitles(roles: { role: string; buildingNumber: number | null }[]): string[] {
  const out: string[] = []
  for (const role of [...new Set(roles.map((r) => r.role))]) {
    const title = ROLE_TITLES[role] ?? '其他身份'
    const buildings = roles.filter((r) => r.role === role && r.buildingNumber !== null).map((r) => buildingLabel(r.buildingNumber!))
    out.push(buildings.length ? `${buildings.join('、')}${title}` : title)
  }
  return out
}

/** What the bot says about what it stores of a person (我的信息) and their erasure (删除我的信息). */
export const privacyText = {
  usage: {
    show: '我的信息 — 看存了您哪些信息（可删除）',
    erase: '删除我的信息 — 删除您的信息',
  },
  act: { show: '查看您的信息', erase: '删除您的信息' },

  // 我的信息
  myInfo(p: {
    name: string
    household: { building: number; unit: string; confirmed: boolean } | null
    inGroup: boolean
    titles: { staff: boolean; roles: { role: string; buildingNumber: number | null }[] }
    rooms: string[]
    footprint: { suggestions: number; reports: number; points: number; volunteer: boolean }
  }): string {
    const h = p.household
    const where = !h ? '' : p.inGroup ? `${buildingLabel(h.building)}（门牌私聊我可看）` : householdLabel(h)
    const household = h ? `${where}，${h.confirmed ? '已确认' : '待楼组长确认'}` : '未登记（可说「登记 3号楼 502」）'
    const titles = roleTitles(p.titles.roles)
    if (p.titles.staff) titles.unshift('居委工作人员')
    if (p.footprint.volunteer) titles.push('找茬志愿者')
    const f = p.footprint
    const made = [f.suggestions && `建议 ${f.suggestions} 条（「我的建议」）`, f.reports && `报事 ${f.reports} 件（「我的报事」）`, f.points && `积分 ${f.points} 分（「积分」）`].filter(Boolean)
    return [
      '我这里存了您这些信息：',
      `· 微信名：${p.name}`,
      `· 住户：${household}`,
      `· 身份：${titles.length ? titles.join('、') : '居民'}`,
      `· 所在群：${p.rooms.join('、') || '无'}`,
      ...(made.length ? [`· 您提过：${made.join('、')}`] : []),
      '要删除，请说「删除我的信息」。',
    ].join('\n')
  },

  // 删除我的信息
  eraseAsk: '将删除您的住户登记、身份、群昵称和消息记录，以及聊天和表格里出现的您的名字和门牌，不能恢复。\n确认请回复「确认删除」，不删请回复「取消」。',
  eraseKept: '好的，不删除，您的信息都还在。',
  eraseYesOrNo: '请回复「确认删除」删除，或「取消」保留。',
  erased: '已删除您的信息：名字、门牌、群昵称和消息都已抹去，只留下不记名的统计数字（如投过的票）。以后再和我说话，我就当初次见面。',
  /** what an erased name becomes where it was written */
  erasedName: '某居民',
}
