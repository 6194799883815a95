import { appointBuildingHead } from '../services/appointBuildingHead.js'
import { bindBuilding } from '../services/bindBuilding.js'
import { confirmHousehold } from '../services/confirmHousehold.js'
import { askEraseMyInfo, ERASE_DIALOG, eraseDialog } from '../services/eraseMyInfo.js'
import { registerHousehold } from '../services/registerHousehold.js'
import { showHelp } from '../services/showHelp.js'
import { showMyInfo } from '../services/showMyInfo.js'
import type { CommandHandler, DialogHandler } from './context.js'

/** Command name → use-case. Commands without a handler here answer "not yet available". */
export const COMMAND_HANDLERS: Record<string, CommandHandler> = {
  帮助: (ctx) => showHelp(ctx),
  登记: registerHousehold,
  确认: confirmHousehold,
  绑定: bindBuilding,
  楼组长: appointBuildingHead,
  我的信息: (ctx) => showMyInfo(ctx),
  删除我的信息: (ctx) => askEraseMyInfo(ctx),
  取消: (ctx) => ctx.reply('现在没有进行中的操作。'),
  返回: (ctx) => ctx.reply('现在没有进行中的操作。'),
}

export const DIALOGS: Record<string, DialogHandler> = {
  [ERASE_DIALOG]: eraseDialog,
}
