import { defineCommand } from '../../kit/command.js'
import { hearVoice } from './hearVoice.js'
import { correctSuggestion } from './correctSuggestion.js'
import { startIntake } from './intakeSuggestion.js'
import { listMySuggestions } from './listMySuggestions.js'
import { listNewSuggestions } from './listNewSuggestions.js'
import { commandText as t } from './text.js'
import { withdrawSuggestion } from './withdrawSuggestion.js'

/** Residents' suggestions: intake, their own list, withdrawing and correcting; the staff's report. */
export const suggestionCommands = [
  defineCommand({
    name: '建议',
    aliases: ['提建议', '我要提建议', '我有建议', '提个建议', '反映问题'],
    usage: t.usage.suggest,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.suggest,
    run: (ctx, args) => startIntake(ctx, args),
  }),
  defineCommand({
    name: '我的建议',
    aliases: ['我提的建议', '建议进度'],
    usage: t.usage.mine,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.mine,
    run: (ctx) => listMySuggestions(ctx),
  }),
  defineCommand({
    name: '撤回',
    aliases: ['撤销建议', '撤回建议'],
    usage: t.usage.withdraw,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.withdraw,
    unlisted: true,
    run: withdrawSuggestion,
  }),
  defineCommand({
    name: '修改',
    aliases: ['修改建议', '更正'],
    usage: t.usage.correct,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.correct,
    unlisted: true,
    run: correctSuggestion,
  }),
  defineCommand({
    name: '代提建议',
    aliases: ['代提', '帮邻居提建议'],
    usage: t.usage.proxy,
    who: 'head',
    where: 'anywhere',
    act: t.act.proxy,
    refuse: { who: t.refuse.proxy },
    run: (ctx) => startIntake(ctx, '', { proxy: true }),
  }),
  defineCommand({
    name: '代听',
    aliases: ['代听语音', '语音代听'],
    usage: t.usage.hear,
    who: 'head',
    // the words may hold a door number: said in the staff group or privately
    where: 'office',
    act: t.act.hear,
    run: hearVoice,
  }),
  defineCommand({
    name: '建议列表',
    aliases: ['新建议', '看建议'],
    usage: t.usage.list,
    who: 'staff',
    where: 'office',
    act: t.act.list,
    run: listNewSuggestions,
  }),
]
