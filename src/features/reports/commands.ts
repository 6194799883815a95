import { defineCommand } from '../../kit/command.js'
import { appointGrid } from './appointGrid.js'
import { declineReport } from './declineReport.js'
import { startReport } from './fileReport.js'
import { handleReport } from './handleReport.js'
import { listReports } from './listReports.js'
import { myReports } from './myReports.js'
import { takeReport } from './takeReport.js'
import { reportToSuggestion } from './toSuggestion.js'
import { act, usage } from './text.js'

/**
 * Everyday reports (随手拍 / 找茬 / 报事) and their handling by grid members. 接单, 处理, 转建议,
 * 不处理 and 报事列表 are for grid members and staff (the router checks the role; the use-case
 * checks that the report is in the grid member's buildings). 我的报事 is unlisted: 随手拍's
 * replies lead to it.
 */
export const reportCommands = [
  defineCommand({
    name: '随手拍',
    aliases: ['找茬', '报事', '我要报事', '随手报', '报修'],
    usage: usage.report,
    who: 'everyone',
    where: 'anywhere',
    act: act.report,
    run: startReport,
  }),
  defineCommand({
    name: '我的报事',
    aliases: ['我报的事', '报事进度'],
    usage: usage.mine,
    who: 'everyone',
    where: 'anywhere',
    act: act.mine,
    unlisted: true,
    run: (ctx) => myReports(ctx),
  }),
  defineCommand({
    name: '网格员',
    aliases: ['设网格员', '设置网格员'],
    usage: usage.grid,
    who: 'staff',
    // @-mentioning needs a group where the person is; alone it lists them anywhere
    where: 'anywhere',
    act: act.grid,
    run: appointGrid,
  }),
  defineCommand({
    name: '接单',
    aliases: ['我来接单', '接报事'],
    usage: usage.take,
    who: 'grid',
    where: 'office',
    act: act.take,
    run: takeReport,
  }),
  defineCommand({
    name: '处理',
    aliases: ['已处理', '办结', '处理好了'],
    usage: usage.handle,
    who: 'grid',
    where: 'office',
    act: act.handle,
    run: handleReport,
  }),
  defineCommand({
    name: '转建议',
    aliases: ['转为建议', '报事转建议'],
    usage: usage.suggest,
    who: 'grid',
    where: 'office',
    act: act.suggest,
    run: reportToSuggestion,
  }),
  defineCommand({
    name: '不处理',
    aliases: ['不予处理', '关闭报事'],
    usage: usage.decline,
    who: 'grid',
    where: 'office',
    act: act.decline,
    run: declineReport,
  }),
  defineCommand({
    name: '报事列表',
    aliases: ['待办报事', '报事清单'],
    usage: usage.list,
    who: 'grid',
    where: 'office',
    act: act.list,
    run: (ctx) => listReports(ctx),
  }),
]
