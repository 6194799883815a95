import { COMPOSE_DIALOG, composeNoticeDialog, startCompose } from '../conversations/composeNotice.js'
import { INTAKE_DIALOG, intakeDialog, startIntake } from '../conversations/intakeSuggestion.js'
import { SIGNUP_DIALOG, signupDialog, startSignup } from '../conversations/councilSignup.js'
import { appointBuildingHead } from '../services/appointBuildingHead.js'
import { bindBuilding } from '../services/bindBuilding.js'
import { bindStaffRoomByCode, confirmStaffMove, requestStaffMove } from '../services/bindStaffRoom.js'
import { confirmForwarded } from '../services/confirmForwarded.js'
import { showCouncilPool } from '../services/councilPool.js'
import { drawCouncil } from '../services/drawCouncil.js'
import { publishLottery } from '../services/publishLottery.js'
import { acceptRecommendation, declineRecommendation, recommendCouncil } from '../services/recommendCouncil.js'
import { setCouncilQuotas } from '../services/setCouncilQuotas.js'
import { confirmHousehold } from '../services/confirmHousehold.js'
import { askEraseMyInfo, ERASE_DIALOG, eraseDialog } from '../services/eraseMyInfo.js'
import { registerHousehold } from '../services/registerHousehold.js'
import { showHelp } from '../services/showHelp.js'
import { castVote } from '../services/castVote.js'
import { appointCouncilMember, openCouncilRound, SCORE_DIALOG, scoreProjects, scoringDialog } from '../services/councilRound.js'
import { mergeSuggestions } from '../services/mergeSuggestions.js'
import { openRound } from '../services/openRound.js'
import { openResolution, voteResolution } from '../services/resolution.js'
import { closeRoundEarly, showRoundResults } from '../services/roundResults.js'
import { correctSuggestion, listMySuggestions, withdrawSuggestion } from '../services/mySuggestions.js'
import { renameProject } from '../services/renameProject.js'
import { showPoolHistory } from '../services/showProgress.js'
import { PROGRESS_PHOTOS_DIALOG, progressCommand, progressPhotosDialog } from '../services/reportProgress.js'
import { offerResource } from '../services/offerResource.js'
import { assignProject } from '../services/assignProject.js'
import { appointLiaison, revokeLiaisonRole } from '../services/appointLiaison.js'
import { completeProject } from '../services/completeProject.js'
import { rateProject } from '../services/rateProject.js'
import { exportWorkbook } from '../services/exportWorkbook.js'
import { splitProject } from '../services/splitProject.js'
import { undoPoolChange } from '../services/undoPoolChange.js'
import { showMyInfo } from '../services/showMyInfo.js'
import { listNewSuggestions } from '../services/suggestionReport.js'
import { showNoticeStatus } from '../services/showNoticeStatus.js'
import { showStatus } from '../services/showStatus.js'
import { startCampaign } from '../services/startCampaign.js'
import type { CommandHandler, DialogHandler } from './context.js'

/** Command name → use-case. Commands without a handler here answer "not yet available". */
export const COMMAND_HANDLERS: Record<string, CommandHandler> = {
  帮助: (ctx) => showHelp(ctx),
  登记: registerHousehold,
  确认: confirmHousehold,
  绑定: bindBuilding,
  绑定工作群: bindStaffRoomByCode,
  换工作群: (ctx) => requestStaffMove(ctx),
  确认换群: (ctx) => confirmStaffMove(ctx),
  楼组长: appointBuildingHead,
  我的信息: (ctx) => showMyInfo(ctx),
  删除我的信息: (ctx) => askEraseMyInfo(ctx),
  新建活动: startCampaign,
  发布公开信: (ctx) => startCompose(ctx, 'letter'),
  发布通知: (ctx) => startCompose(ctx, 'notice'),
  已转发: confirmForwarded,
  公告状态: showNoticeStatus,
  建议: (ctx, args) => startIntake(ctx, args),
  代提建议: (ctx) => startIntake(ctx, '', { proxy: true }),
  我的建议: (ctx) => listMySuggestions(ctx),
  撤回: withdrawSuggestion,
  修改: correctSuggestion,
  建议列表: listNewSuggestions,
  报名议事员: (ctx) => startSignup(ctx),
  推荐: (ctx) => recommendCouncil(ctx),
  接受推荐: (ctx) => acceptRecommendation(ctx),
  不接受: (ctx) => declineRecommendation(ctx),
  议事员报名: showCouncilPool,
  议事会: setCouncilQuotas,
  公布抽签: publishLottery,
  开奖: drawCouncil,
  进度: progressCommand,
  合并: mergeSuggestions,
  拆分: splitProject,
  改名: renameProject,
  // "撤销 J12" is a resident withdrawing; bare 撤销 undoes the last pool change (staff)
  撤销: (ctx, args) => (/J\s*\d/i.test(args) ? withdrawSuggestion(ctx, args) : undoPoolChange(ctx)),
  项目历史: showPoolHistory,
  投票: castVote,
  结果: showRoundResults,
  开启投票: openRound,
  结束投票: closeRoundEarly,
  评分: scoreProjects,
  开启决议: openResolution,
  同意: (ctx) => voteResolution(ctx, true),
  不同意: (ctx) => voteResolution(ctx, false),
  开启评议: openCouncilRound,
  议事员: (ctx) => appointCouncilMember(ctx),
  资源: offerResource,
  派单: assignProject,
  联络员: appointLiaison,
  撤销联络员: (ctx) => revokeLiaisonRole(ctx),
  完成: completeProject,
  评价: rateProject,
  导出: exportWorkbook,
  状态: (ctx) => showStatus(ctx),
  取消: (ctx) => ctx.reply('现在没有进行中的操作。'),
  返回: (ctx) => ctx.reply('现在没有进行中的操作。'),
}

export const DIALOGS: Record<string, DialogHandler> = {
  [ERASE_DIALOG]: eraseDialog,
  [COMPOSE_DIALOG]: composeNoticeDialog,
  [INTAKE_DIALOG]: intakeDialog,
  [SCORE_DIALOG]: scoringDialog,
  [SIGNUP_DIALOG]: signupDialog,
  [PROGRESS_PHOTOS_DIALOG]: progressPhotosDialog,
}
