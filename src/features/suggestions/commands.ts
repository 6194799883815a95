import { defineCommand } from '../../kit/command.js'
import { startIntake } from '../../conversations/intakeSuggestion.js'
import { correctSuggestion, listMySuggestions, withdrawSuggestion } from '../../services/mySuggestions.js'
import { listNewSuggestions } from '../../services/suggestionReport.js'

/** Residents' suggestions: intake, their own list, withdrawing and correcting; the staff's report. */
export const suggestionCommands = [
  defineCommand({
    name: '建议',
    aliases: ['提建议', '我要提建议', '我有建议', '提个建议', '反映问题', '报修'],
    usage: '建议 — 说说哪里需要改进，如「建议 3号楼门口路灯坏了」',
    who: 'everyone',
    where: 'anywhere',
    act: '提建议',
    run: (ctx, args) => startIntake(ctx, args),
  }),
  defineCommand({
    name: '我的建议',
    aliases: ['我提的建议', '建议进度'],
    usage: '我的建议 — 我提的建议到哪一步了（项目见「进度」）',
    who: 'everyone',
    where: 'anywhere',
    act: '查看自己的建议',
    run: (ctx) => listMySuggestions(ctx),
  }),
  defineCommand({
    name: '撤回',
    aliases: ['撤销建议', '撤回建议'],
    usage: '撤回 J12 — 撤回自己的建议',
    who: 'everyone',
    where: 'anywhere',
    act: '撤回建议',
    unlisted: true,
    run: withdrawSuggestion,
  }),
  defineCommand({
    name: '修改',
    aliases: ['修改建议', '更正'],
    usage: '修改 J12 新的说法 — 改自己的建议',
    who: 'everyone',
    where: 'anywhere',
    act: '修改建议',
    unlisted: true,
    run: correctSuggestion,
  }),
  defineCommand({
    name: '代提建议',
    aliases: ['代提', '帮邻居提建议'],
    usage: '代提建议 — 替不在群里的邻居提',
    who: 'head',
    where: 'anywhere',
    act: '代提建议',
    refuse: { who: '「代提建议」是楼组长替不在群里的邻居提的。您自己的建议请说「建议」。' },
    run: (ctx) => startIntake(ctx, '', { proxy: true }),
  }),
  defineCommand({
    name: '建议列表',
    aliases: ['新建议', '看建议'],
    usage: '建议列表 — 新收到的建议，按楼和类别',
    who: 'staff',
    where: 'office',
    act: '查看建议列表',
    run: listNewSuggestions,
  }),
]
