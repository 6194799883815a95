import { normalizeInput, normalizeWidth } from '../domain/text.js'

/** partner: staff, and the liaisons of departments (for their own projects) */
export type Audience = 'everyone' | 'head' | 'staff' | 'partner'
/** group: a building's group; office: the staff group or a private chat */
export type Place = 'anywhere' | 'group' | 'private' | 'office'

export interface CommandSpec {
  name: string
  aliases: string[]
  /** one short line for 帮助 */
  usage: string
  who: Audience
  where: Place
  /** not listed by 帮助 (said inside dialogs, or mentioned by another reply) */
  unlisted?: boolean
}

/** What people can say (COMMANDS.md). Order matters only for 帮助. */
export const COMMANDS: CommandSpec[] = [
  { name: '帮助', aliases: ['?', '菜单', '帮忙', 'help'], usage: '帮助 — 看我能做什么', who: 'everyone', where: 'anywhere' },
  { name: '建议', aliases: ['提建议', '我要提建议', '我有建议', '提个建议', '反映问题', '报修'], usage: '建议 — 说说哪里需要改进，如「建议 3号楼门口路灯坏了」', who: 'everyone', where: 'anywhere' },
  { name: '我的建议', aliases: ['我提的建议', '建议进度'], usage: '我的建议 — 我提的建议到哪一步了（项目见「进度」）', who: 'everyone', where: 'anywhere' },
  { name: '登记', aliases: ['登记住户', '住户登记'], usage: '登记 3号楼 502 — 登记您家门牌', who: 'everyone', where: 'anywhere' },
  { name: '我的信息', aliases: ['个人信息', '我的资料'], usage: '我的信息 — 看存了您哪些信息（可删除）', who: 'everyone', where: 'anywhere' },
  { name: '删除我的信息', aliases: ['删除信息', '注销'], usage: '删除我的信息 — 删除您的信息', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '取消', aliases: ['退出', '算了'], usage: '取消 — 退出当前操作', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '返回', aliases: ['上一步'], usage: '返回 — 回到上一步', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '确认', aliases: ['确认住户'], usage: '确认 @邻居 — 确认邻居的登记', who: 'head', where: 'group' },
  { name: '绑定工作群', aliases: ['绑定居委工作群', '设为工作群'], usage: '绑定工作群 1234-5678 — 用启动时电脑上显示的绑定码，设本群为居委工作群', who: 'everyone', where: 'group', unlisted: true },
  { name: '换工作群', aliases: ['更换工作群', '迁移工作群'], usage: '换工作群 — 在新群里说，再到原工作群说「确认换群」', who: 'staff', where: 'group' },
  { name: '确认换群', aliases: ['同意换群'], usage: '确认换群 — 在原工作群里确认换到新群', who: 'staff', where: 'office', unlisted: true },
  { name: '绑定', aliases: ['绑定楼栋'], usage: '绑定 3号楼 — 在楼栋群里说，本群归3号楼', who: 'staff', where: 'group' },
  { name: '楼组长', aliases: ['设楼组长', '设置楼组长'], usage: '楼组长 @张三 — 在楼栋群里说，设张三为楼组长', who: 'staff', where: 'group' },
  { name: '已转发', aliases: ['已经转发', '转发了', '已转'], usage: '已转发 — 公告转给邻居后告诉我', who: 'head', where: 'group' },
  { name: '新建活动', aliases: ['新活动', '开始活动'], usage: '新建活动 名称 — 开始新一期微更新', who: 'staff', where: 'office' },
  { name: '发布公开信', aliases: ['发公开信', '写公开信'], usage: '发布公开信 — 写好预览后发到各楼群', who: 'staff', where: 'office' },
  { name: '发布通知', aliases: ['发通知', '写通知'], usage: '发布通知 — 同上，发一条通知', who: 'staff', where: 'office' },
  { name: '公告状态', aliases: ['通知状态', '转发情况'], usage: '公告状态 G2 — 看各楼转发了没有', who: 'staff', where: 'office' },
  { name: '撤回', aliases: ['撤销建议', '撤回建议'], usage: '撤回 J12 — 撤回自己的建议', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '修改', aliases: ['修改建议', '更正'], usage: '修改 J12 新的说法 — 改自己的建议', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '代提建议', aliases: ['代提', '帮邻居提建议'], usage: '代提建议 — 替不在群里的邻居提', who: 'head', where: 'anywhere' },
  { name: '建议列表', aliases: ['新建议', '看建议'], usage: '建议列表 — 新收到的建议，按楼和类别', who: 'staff', where: 'office' },
  { name: '报名议事员', aliases: ['我要报名', '报名议事会', '报名'], usage: '报名议事员 — 报名参加议事会（公开抽签产生）', who: 'everyone', where: 'anywhere' },
  { name: '接受推荐', aliases: ['接受'], usage: '接受推荐 — 同意被推荐为议事员', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '不接受', aliases: ['不接受推荐', '拒绝推荐'], usage: '不接受 — 不参加议事会', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '推荐', aliases: ['推荐议事员'], usage: '推荐 @邻居 — 推荐邻居做议事员', who: 'head', where: 'group' },
  { name: '议事员报名', aliases: ['报名情况', '议事员名单'], usage: '议事员报名 — 报名情况；加「截止」停止报名', who: 'staff', where: 'office' },
  { name: '议事会', aliases: ['设置议事会'], usage: '议事会 40席 每栋至少1席 — 席位、配额和各人入选概率', who: 'staff', where: 'office' },
  { name: '公布抽签', aliases: ['公布抽签办法'], usage: '公布抽签 福彩3D 12月5日 — 抽签办法和哈希发到各楼群', who: 'staff', where: 'office' },
  { name: '开奖', aliases: ['抽签开奖'], usage: '开奖 527 — 按公开号码抽出议事员', who: 'staff', where: 'office' },
  { name: '进度', aliases: ['查进度', '项目进度'], usage: '进度 J12 — 我的建议走到哪一步；进度 P3 — 项目进展', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '合并', aliases: ['合并建议'], usage: '合并 J3 J7 为 3号楼路灯维修 — 建项目（或「合并 J12 到 P3」）', who: 'staff', where: 'office' },
  { name: '拆分', aliases: ['拆出'], usage: '拆分 P3 J7 — 从项目里拆出建议', who: 'staff', where: 'office' },
  { name: '改名', aliases: ['项目改名'], usage: '改名 P3 新名称 — 项目改名', who: 'staff', where: 'office' },
  { name: '撤销', aliases: ['撤销合并', '撤销上一步'], usage: '撤销 — 撤回上一次合并、拆分或改名', who: 'staff', where: 'office' },
  { name: '项目历史', aliases: ['项目记录'], usage: '项目历史 P3 — 项目的每次改动', who: 'staff', where: 'office', unlisted: true },
  { name: '投票', aliases: ['我要投票', '看投票'], usage: '投票 3 7 12 — 给项目投票（说「投票」看有哪些项目）', who: 'everyone', where: 'anywhere' },
  { name: '结果', aliases: ['投票结果', '看结果'], usage: '结果 T1 — 投票结果', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '开启投票', aliases: ['发起投票', '开始投票'], usage: '开启投票 P1-P8 每户3票 截止 12月5日20:00', who: 'staff', where: 'office' },
  { name: '结束投票', aliases: ['提前结束投票', '关闭投票'], usage: '结束投票 T1 — 提前结束并公布', who: 'staff', where: 'office' },
  { name: '评分', aliases: ['打分', '评议打分'], usage: '评分 — 议事员给项目打分（或「评分 P3 5 4」）', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '开启评议', aliases: ['发起评议', '开始评议'], usage: '开启评议 P1-P12 截止 12月5日20:00', who: 'staff', where: 'office' },
  { name: '议事员', aliases: ['设议事员', '添加议事员'], usage: '议事员 @张三 — 在群里说，加一位议事员', who: 'staff', where: 'group', unlisted: true },
  { name: '同意', aliases: ['赞成', '我同意'], usage: '同意 / 不同意 — 对决议表决', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '不同意', aliases: ['反对', '不赞成', '我不同意'], usage: '不同意 — 对决议表决', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '开启决议', aliases: ['发起决议'], usage: '开启决议 T1 通过线 50% 截止 12月8日20:00', who: 'staff', where: 'office' },
  { name: '资源', aliases: ['登记资源', '提供资源', '资源登记'], usage: '资源 绿化所 绿化改造 预算5万 — 单位登记能提供的资源', who: 'partner', where: 'office' },
  { name: '派单', aliases: ['派给', '分派', '派项目'], usage: '派单 P3 绿化所 预计12月底 — 派给单位（只说「派单」看行动计划）', who: 'staff', where: 'office' },
  { name: '联络员', aliases: ['设联络员', '单位联络员'], usage: '联络员 @张三 绿化所 — 在工作群里说，设单位联络员', who: 'staff', where: 'office' },
  { name: '撤销联络员', aliases: ['取消联络员', '删除联络员'], usage: '撤销联络员 @张三 — 不再是联络员', who: 'staff', where: 'office', unlisted: true },
  { name: '完成', aliases: ['完工', '已完工', '报完工', '竣工'], usage: '完成 P3 — 完工，请居民验收评价', who: 'partner', where: 'office' },
  { name: '评价', aliases: ['验收评价', '满意度', '打星'], usage: '评价 P3 5 很满意 — 给完工的项目打分（1–5）', who: 'everyone', where: 'anywhere', unlisted: true },
  { name: '状态', aliases: ['机器人状态', '状态?', '运行状态'], usage: '状态 — 机器人是否在线、待发和失败的消息', who: 'staff', where: 'office' },
  { name: '导出', aliases: ['导出数据', '导出表格', '导出报表'], usage: '导出 — 全部数据和各楼参与情况，发成表格', who: 'staff', where: 'office' },
]

export type ParsedCommand =
  | { kind: 'command'; name: string; args: string }
  | { kind: 'empty' }
  | { kind: 'unknown'; text: string; suggestion?: string }

const aliasTable: { alias: string; name: string }[] = COMMANDS.flatMap((c) =>
  [c.name, ...c.aliases].map((alias) => ({ alias: normalizeInput(alias).toLowerCase(), name: c.name })),
).sort((a, b) => b.alias.length - a.alias.length)

const LEADING = /^[\s#/＃／!！.。,，:：;；、~～\-—·•*]+/
const SEPARATOR = /^[\s:：,，;；、。.!！?？]+/
/** what may follow a lone ? and still mean 帮助: ??, ?!, ?。 */
const ONLY_PUNCTUATION = /^[\s?？!！.。]*$/

/**
 * Finds the command at the start of what someone wrote, tolerantly: full-width, Chinese
 * numerals, punctuation, a leading # or /, spaces or none. Never throws.
 */
export function parseCommand(input: string): ParsedCommand {
  // strip a leading # or / before numerals are read, so '/十二' is read like '十二'
  const text = normalizeInput(normalizeWidth(String(input ?? '')).replace(LEADING, '')).replace(LEADING, '')
  if (!text) return { kind: 'empty' }
  const lower = text.toLowerCase()
  for (const { alias, name } of aliasTable) {
    if (!lower.startsWith(alias)) continue
    const rest = text.slice(alias.length)
    // '?' alone (or ??) is help; '?xyz' is not
    if (alias === '?' && !ONLY_PUNCTUATION.test(rest)) continue
    // an ASCII word must end there: help, help me — not helpful
    if (/[a-z]$/.test(alias) && /^[a-z0-9_]/i.test(rest)) continue
    return { kind: 'command', name, args: rest.replace(SEPARATOR, '').trim() }
  }
  const found = aliasTable.find(({ alias }) => alias.length >= 2 && lower.includes(alias))
  return found ? { kind: 'unknown', text, suggestion: found.name } : { kind: 'unknown', text }
}

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name)
}

/** The friendly hint for anything not understood. */
export function unknownCommandReply(p: { text: string; suggestion?: string }): string {
  // by code point, so an emoji is never cut in half; one line only
  const chars = [...p.text.replace(/\s+/g, ' ').trim()]
  const shown = chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : chars.join('')
  if (p.suggestion) return `没看懂「${shown}」。您是想用「${p.suggestion}」吗？发「帮助」可看全部用法。`
  return `没看懂「${shown}」。发「帮助」看看我能做什么。`
}
