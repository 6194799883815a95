import { defineCommand } from '../../kit/command.js'
import { showHelp } from './showHelp.js'
import { commandText as t, helpText } from './text.js'

/** 帮助, and the words that steer a dialog (said outside one, they have nothing to do). */
export const helpCommands = [
  defineCommand({
    name: '帮助',
    aliases: ['?', '菜单', '帮忙', 'help'],
    usage: t.usage.help,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.help,
    run: (ctx) => showHelp(ctx),
  }),
  defineCommand({
    name: '取消',
    aliases: ['退出', '算了'],
    usage: t.usage.cancel,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.cancel,
    unlisted: true,
    run: (ctx) => ctx.reply(helpText.nothingOpen),
  }),
  defineCommand({
    name: '返回',
    aliases: ['上一步'],
    usage: t.usage.back,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.back,
    unlisted: true,
    run: (ctx) => ctx.reply(helpText.nothingOpen),
  }),
]
