import { defineCommand } from '../../kit/command.js'
import { exportWorkbook } from '../export/index.js'
import { showStatus } from './showStatus.js'
import { commandText as t } from './text.js'

/** For the staff: how the bot is doing, and everything as a workbook. */
export const statusCommands = [
  defineCommand({
    name: '状态',
    aliases: ['机器人状态', '状态?', '运行状态'],
    usage: t.usage.status,
    who: 'staff',
    where: 'office',
    act: t.act.status,
    run: (ctx) => showStatus(ctx),
  }),
  defineCommand({
    name: '导出',
    aliases: ['导出数据', '导出表格', '导出报表'],
    usage: t.usage.export,
    who: 'staff',
    where: 'office',
    act: t.act.export,
    run: exportWorkbook,
  }),
]
