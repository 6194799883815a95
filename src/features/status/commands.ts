import { defineCommand } from '../../kit/command.js'
import { exportWorkbook } from '../../services/exportWorkbook.js'
import { showStatus } from '../../services/showStatus.js'

/** For the staff: how the bot is doing, and everything as a workbook. */
export const statusCommands = [
  defineCommand({
    name: '状态',
    aliases: ['机器人状态', '状态?', '运行状态'],
    usage: '状态 — 机器人是否在线、待发和失败的消息',
    who: 'staff',
    where: 'office',
    act: '查看机器人状态',
    run: (ctx) => showStatus(ctx),
  }),
  defineCommand({
    name: '导出',
    aliases: ['导出数据', '导出表格', '导出报表'],
    usage: '导出 — 全部数据和各楼参与情况，发成表格',
    who: 'staff',
    where: 'office',
    act: '导出',
    run: exportWorkbook,
  }),
]
