import { defineCommand } from '../../kit/command.js'
import { showHelp } from '../../services/showHelp.js'

const NOTHING_OPEN = '现在没有进行中的操作。'

/** 帮助, and the words that steer a dialog (said outside one, they have nothing to do). */
export const helpCommands = [
  defineCommand({
    name: '帮助',
    aliases: ['?', '菜单', '帮忙', 'help'],
    usage: '帮助 — 看我能做什么',
    who: 'everyone',
    where: 'anywhere',
    act: '看帮助',
    run: (ctx) => showHelp(ctx),
  }),
  defineCommand({
    name: '取消',
    aliases: ['退出', '算了'],
    usage: '取消 — 退出当前操作',
    who: 'everyone',
    where: 'anywhere',
    act: '取消',
    unlisted: true,
    run: (ctx) => ctx.reply(NOTHING_OPEN),
  }),
  defineCommand({
    name: '返回',
    aliases: ['上一步'],
    usage: '返回 — 回到上一步',
    who: 'everyone',
    where: 'anywhere',
    act: '返回',
    unlisted: true,
    run: (ctx) => ctx.reply(NOTHING_OPEN),
  }),
]
