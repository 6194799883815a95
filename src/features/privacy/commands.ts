import { defineCommand } from '../../kit/command.js'
import { askEraseMyInfo } from './eraseDialog.js'
import { showMyInfo } from './showMyInfo.js'
import { privacyText as t } from './text.js'

/** What the bot stores of a person, shown and erased on request. */
export const privacyCommands = [
  defineCommand({
    name: '我的信息',
    aliases: ['个人信息', '我的资料'],
    usage: t.usage.show,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.show,
    run: (ctx) => showMyInfo(ctx),
  }),
  defineCommand({
    name: '删除我的信息',
    aliases: ['删除信息', '注销'],
    usage: t.usage.erase,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.erase,
    unlisted: true,
    run: (ctx) => askEraseMyInfo(ctx),
  }),
]
