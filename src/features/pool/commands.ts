import { defineCommand } from '../../kit/command.js'
import { mergeSuggestions } from '../../services/mergeSuggestions.js'
import { renameProject } from '../../services/renameProject.js'
import { showPoolHistory } from '../../services/showProgress.js'
import { splitProject } from '../../services/splitProject.js'
import { undoPoolChange } from '../../services/undoPoolChange.js'

/** The project pool: suggestions merged into projects, split, renamed, undone. */
export const poolCommands = [
  defineCommand({
    name: '合并',
    aliases: ['合并建议'],
    usage: '合并 J3 J7 为 3号楼路灯维修 — 建项目（或「合并 J12 到 P3」）',
    who: 'staff',
    where: 'office',
    act: '合并建议',
    run: mergeSuggestions,
  }),
  defineCommand({
    name: '拆分',
    aliases: ['拆出'],
    usage: '拆分 P3 J7 — 从项目里拆出建议',
    who: 'staff',
    where: 'office',
    act: '拆分项目',
    run: splitProject,
  }),
  defineCommand({
    name: '改名',
    aliases: ['项目改名'],
    usage: '改名 P3 新名称 — 项目改名',
    who: 'staff',
    where: 'office',
    act: '给项目改名',
    run: renameProject,
  }),
  defineCommand({
    name: '撤销',
    aliases: ['撤销合并', '撤销上一步'],
    usage: '撤销 — 撤回上一次合并、拆分或改名',
    who: 'staff',
    where: 'office',
    act: '撤销项目的改动',
    // "撤销 J12" is a resident withdrawing a suggestion; bare 撤销 undoes the last pool change
    divert: { args: /J\s*\d/i, to: '撤回' },
    run: (ctx) => undoPoolChange(ctx),
  }),
  defineCommand({
    name: '项目历史',
    aliases: ['项目记录'],
    usage: '项目历史 P3 — 项目的每次改动',
    who: 'staff',
    where: 'office',
    act: '查看项目历史',
    unlisted: true,
    run: showPoolHistory,
  }),
]
