import { defineCommand } from '../../kit/command.js'
import { startCompose } from './composeNotice.js'
import { confirmForwarded } from './confirmForwarded.js'
import { showNoticeStatus } from './showNoticeStatus.js'
import { startCampaign } from './startCampaign.js'
import { commandText as t, forwardText } from './text.js'

/** Campaigns, open letters and notices to the building groups, and their forwarding. */
export const noticeCommands = [
  defineCommand({
    name: '已转发',
    aliases: ['已经转发', '转发了', '已转'],
    usage: t.usage.forwarded,
    who: 'head',
    where: 'group',
    act: t.act.forwarded,
    refuse: { who: forwardText.onlyHeads, where: forwardText.inBuildingGroup },
    run: confirmForwarded,
  }),
  defineCommand({
    name: '新建活动',
    aliases: ['新活动', '开始活动'],
    usage: t.usage.campaign,
    who: 'staff',
    where: 'office',
    act: t.act.campaign,
    run: startCampaign,
  }),
  defineCommand({
    name: '发布公开信',
    aliases: ['发公开信', '写公开信'],
    usage: t.usage.letter,
    who: 'staff',
    where: 'office',
    act: t.act.letter,
    run: (ctx) => startCompose(ctx, 'letter'),
  }),
  defineCommand({
    name: '发布通知',
    aliases: ['发通知', '写通知'],
    usage: t.usage.notice,
    who: 'staff',
    where: 'office',
    act: t.act.notice,
    run: (ctx) => startCompose(ctx, 'notice'),
  }),
  defineCommand({
    name: '公告状态',
    aliases: ['通知状态', '转发情况'],
    usage: t.usage.status,
    who: 'staff',
    where: 'office',
    act: t.act.status,
    run: showNoticeStatus,
  }),
]
