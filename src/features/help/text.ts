import type { Spot } from '../../kit/access.js'

/**
 * The order 帮助 lists commands in (the first a resident needs first). Every command appears
 * exactly once (createRegistry and the registry's test hold it to that).
 */
export const HELP_ORDER = [
  '帮助', '建议', '我的建议', '登记', '我的信息', '删除我的信息', '取消', '返回', '确认', '绑定工作群',
  '换工作群', '确认换群', '绑定', '楼组长', '已转发', '新建活动', '发布公开信', '发布通知', '公告状态', '撤回',
  '修改', '代提建议', '代听', '建议列表', '报名议事员', '接受推荐', '不接受', '推荐', '议事员报名', '议事会', '公布抽签',
  '开奖', '进度', '合并', '拆分', '改名', '撤销', '项目历史', '投票', '结果', '开启投票',
  '结束投票', '评分', '开启评议', '议事员', '同意', '不同意', '开启决议', '资源', '派单', '联络员',
  '撤销联络员', '完成', '评价', '状态', '导出', '公示', '结项报告',
  // everyday reports and volunteer points
  '随手拍', '我的报事', '报名找茬志愿者', '积分', '积分商品', '兑换', '网格员', '接单', '处理', '转建议',
  '不处理', '报事列表', '记分', '核销',
  // deliberation: questions with options, residents' representatives, 商议
  '选', '开启议题', '议题', '议题纪要', '议题结论', '居民代表', '商议',
  // the street level (街道推进办 group)
  '街道汇总', '街道计划', '街道冲突', '街道通知',
]

/** What 帮助 says: a line for where one is, then the commands by who may say them. */
export const helpText = {
  /** the first line, by the room (an unbound group: staff are told it is not bound yet) */
  here: (room: Spot, isStaff: boolean): string => {
    if (!room) return '您可以对我说：'
    if (room.kind === 'staff') return '（居委工作群）您可以说：'
    if (room.kind === 'council') return '（议事会群）您可以说：'
    if (room.kind === 'street') return '（街道推进办群）您可以说：'
    if (room.kind !== 'building') return isStaff ? '本群还没绑定楼栋。您可以说：' : '您可以对我说：'
    return '您可以对我说：'
  },
  everyone: (usage: string) => `· ${usage}`,
  everyonePacked: (names: string[]) => `人人可说：${names.join('、')}`,
  /** a liaison also reports progress with 进度 (an unlisted command, so its report form is named here) */
  partner: (examples: string[]) => `单位联络员：${[...examples, '进度 P3 60% 说明'].join('、')}`,
  heads: (examples: string[]) => `楼组长：${examples.join('、')}`,
  grid: (examples: string[]) => `网格员：${examples.join('、')}`,
  street: (examples: string[]) => `街道推进办：${examples.join('、')}`,
  staff: (examples: string[]) => `居委：${examples.join('、')}`,
  inGroups: (names: string[]) => `在楼栋群里还可以：${names.join('、')}`,
  inOffice: (names: string[]) => `在工作群或私聊还可以：${names.join('、')}`,
  inStreet: (names: string[]) => `在街道推进办群里还可以：${names.join('、')}`,
  nothingOpen: '现在没有进行中的操作。',
}

/** The commands' lines for 帮助 and their refusals. */
export const commandText = {
  usage: {
    help: '帮助 — 看我能做什么',
    cancel: '取消 — 退出当前操作',
    back: '返回 — 回到上一步',
  },
  act: {
    help: '看帮助',
    cancel: '取消',
    back: '返回',
  },
}
