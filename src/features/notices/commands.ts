import { defineCommand } from '../../kit/command.js'
import { startCompose } from './composeNotice.js'
import { confirmForwarded } from '../../services/confirmForwarded.js'
import { showNoticeStatus } from '../../services/showNoticeStatus.js'
import { startCampaign } from '../../services/startCampaign.js'

/** Campaigns, open letters and notices to the building groups, and their forwarding. */
export const noticeCommands = [
  defineCommand({
    name: '已转发',
    aliases: ['已经转发', '转发了', '已转'],
    usage: '已转发 — 公告转给邻居后告诉我',
    who: 'head',
    where: 'group',
    act: '回复已转发',
    refuse: { who: '谢谢您！「已转发」由楼组长来回复就可以了。', where: '请在您楼栋的群里 @我 说「已转发」。' },
    run: confirmForwarded,
  }),
  defineCommand({
    name: '新建活动',
    aliases: ['新活动', '开始活动'],
    usage: '新建活动 名称 — 开始新一期微更新',
    who: 'staff',
    where: 'office',
    act: '新建活动',
    run: startCampaign,
  }),
  defineCommand({
    name: '发布公开信',
    aliases: ['发公开信', '写公开信'],
    usage: '发布公开信 — 写好预览后发到各楼群',
    who: 'staff',
    where: 'office',
    act: '发布公开信',
    run: (ctx) => startCompose(ctx, 'letter'),
  }),
  defineCommand({
    name: '发布通知',
    aliases: ['发通知', '写通知'],
    usage: '发布通知 — 同上，发一条通知',
    who: 'staff',
    where: 'office',
    act: '发布通知',
    run: (ctx) => startCompose(ctx, 'notice'),
  }),
  defineCommand({
    name: '公告状态',
    aliases: ['通知状态', '转发情况'],
    usage: '公告状态 G2 — 看各楼转发了没有',
    who: 'staff',
    where: 'office',
    act: '查看公告状态',
    run: showNoticeStatus,
  }),
]
