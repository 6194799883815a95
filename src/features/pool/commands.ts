import { defineCommand } from '../../kit/command.js'
import { showPoolHistory } from '../implementation/index.js'
import { mergeSuggestions } from './mergeSuggestions.js'
import { renameProject } from './renameProject.js'
import { splitProject } from './splitProject.js'
import { UNDO_DIVERT } from './lexicon.js'
import { commandText as t } from './text.js'
import { undoPoolChange } from './undoPoolChange.js'

/** The project pool: suggestions merged into projects, split, renamed, undone. */
export const poolCommands = [
  defineCommand({
    name: '合并',
    aliases: ['合并建议'],
    usage: t.usage.merge,
    who: 'staff',
    where: 'office',
    act: t.act.merge,
    run: mergeSuggestions,
  }),
  defineCommand({
    name: '拆分',
    aliases: ['拆出'],
    usage: t.usage.split,
    who: 'staff',
    where: 'office',
    act: t.act.split,
    run: splitProject,
  }),
  defineCommand({
    name: '改名',
    aliases: ['项目改名'],
    usage: t.usage.rename,
    who: 'staff',
    where: 'office',
    act: t.act.rename,
    run: renameProject,
  }),
  defineCommand({
    name: '撤销',
    aliases: ['撤销合并', '撤销上一步'],
    usage: t.usage.undo,
    who: 'staff',
    where: 'office',
    act: t.act.undo,
    // bare 撤销 undoes the last pool change
    divert: UNDO_DIVERT,
    run: (ctx) => undoPoolChange(ctx),
  }),
  defineCommand({
    name: '项目历史',
    aliases: ['项目记录'],
    usage: t.usage.history,
    who: 'staff',
    where: 'office',
    act: t.act.history,
    unlisted: true,
    run: showPoolHistory,
  }),
]
