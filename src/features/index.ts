import { PROGRESS_PHOTOS_DIALOG, progressPhotosDialog } from '../services/reportProgress.js'
import { INTAKE_DIALOG, intakeDialog } from '../conversations/intakeSuggestion.js'
import { SIGNUP_DIALOG, signupDialog } from '../conversations/councilSignup.js'
import { ERASE_DIALOG, eraseDialog } from '../services/eraseMyInfo.js'
import { SCORE_DIALOG, scoringDialog } from '../services/councilRound.js'
import type { CommandSpec } from '../kit/command.js'
import type { DialogHandler } from '../kit/context.js'
import { councilCommands } from './council/commands.js'
import { helpCommands } from './help/commands.js'
import { householdCommands } from './households/commands.js'
import { implementationCommands } from './implementation/commands.js'
import { composeNoticeDialog } from './notices/composeNotice.js'
import { noticeCommands } from './notices/commands.js'
import { pointsCommands, volunteerDialog } from './points/index.js'
import { poolCommands } from './pool/commands.js'
import { reportCommands, reportIntakeDialog, reportPhotosDialog } from './reports/index.js'
import { roundCommands } from './rounds/commands.js'
import { statusCommands } from './status/commands.js'
import { suggestionCommands } from './suggestions/commands.js'

/**
 * The order 帮助 lists commands in (the first a resident needs first). Every command appears
 * exactly once (createRegistry and the registry's test hold it to that).
 */
const HELP_ORDER = [
  '帮助', '建议', '我的建议', '登记', '我的信息', '删除我的信息', '取消', '返回', '确认', '绑定工作群',
  '换工作群', '确认换群', '绑定', '楼组长', '已转发', '新建活动', '发布公开信', '发布通知', '公告状态', '撤回',
  '修改', '代提建议', '建议列表', '报名议事员', '接受推荐', '不接受', '推荐', '议事员报名', '议事会', '公布抽签',
  '开奖', '进度', '合并', '拆分', '改名', '撤销', '项目历史', '投票', '结果', '开启投票',
  '结束投票', '评分', '开启评议', '议事员', '同意', '不同意', '开启决议', '资源', '派单', '联络员',
  '撤销联络员', '完成', '评价', '状态', '导出',
  // everyday reports and volunteer points
  '随手拍', '我的报事', '报名找茬志愿者', '积分', '积分商品', '兑换', '网格员', '接单', '处理', '转建议',
  '不处理', '报事列表', '记分', '核销',
]

const byFeature: CommandSpec[] = [
  ...helpCommands,
  ...householdCommands,
  ...noticeCommands,
  ...suggestionCommands,
  ...poolCommands,
  ...roundCommands,
  ...councilCommands,
  ...implementationCommands,
  ...statusCommands,
  ...reportCommands,
  ...pointsCommands,
]

/** Every command of every feature, in 帮助's order (a list; each app makes its own registry). */
export const COMMANDS: readonly CommandSpec[] = (() => {
  const rank = new Map(HELP_ORDER.map((name, i) => [name, i]))
  const missing = byFeature.filter((c) => !rank.has(c.name)).map((c) => c.name)
  if (missing.length || HELP_ORDER.length !== byFeature.length) {
    throw new Error(`features: HELP_ORDER and the features' commands differ (${missing.join('、') || 'a name listed but not declared'})`)
  }
  return [...byFeature].sort((a, b) => rank.get(a.name)! - rank.get(b.name)!)
})()

export const DIALOGS: Record<string, DialogHandler> = {
  [ERASE_DIALOG]: eraseDialog,
  [composeNoticeDialog.name]: composeNoticeDialog.handler,
  [INTAKE_DIALOG]: intakeDialog,
  [SCORE_DIALOG]: scoringDialog,
  [SIGNUP_DIALOG]: signupDialog,
  [PROGRESS_PHOTOS_DIALOG]: progressPhotosDialog,
  [reportIntakeDialog.name]: reportIntakeDialog.handler,
  [reportPhotosDialog.name]: reportPhotosDialog.handler,
  [volunteerDialog.name]: volunteerDialog.handler,
}
