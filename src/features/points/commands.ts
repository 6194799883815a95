import { defineCommand } from '../../kit/command.js'
import { catalogueCommand } from './catalogue.js'
import { handOver } from './handOver.js'
import { recordPoints } from './recordPoints.js'
import { redeem } from './redeem.js'
import { showPoints } from './showPoints.js'
import { act, usage } from './text.js'
import { startVolunteerSignup } from './volunteerSignup.js'

/**
 * Volunteers (找茬志愿者), their points ledger, the catalogue and redemptions. 帮助 lists 积分
 * only; its replies (and 随手拍's) lead to the others.
 */
export const pointsCommands = [
  defineCommand({
    name: '报名找茬志愿者',
    aliases: ['找茬志愿者', '加入找茬志愿者', '报名志愿者', '我要当志愿者'],
    usage: usage.volunteer,
    who: 'everyone',
    where: 'anywhere',
    act: act.volunteer,
    unlisted: true,
    run: (ctx) => startVolunteerSignup(ctx),
  }),
  defineCommand({
    name: '积分',
    aliases: ['我的积分', '查积分', '积分余额'],
    usage: usage.points,
    who: 'everyone',
    where: 'anywhere',
    act: act.points,
    run: showPoints,
  }),
  defineCommand({
    name: '积分商品',
    aliases: ['兑换商品', '积分兑换商品', '商品列表'],
    usage: usage.catalogue,
    // everyone reads it; only staff change it (the use-case tells which)
    who: 'everyone',
    where: 'anywhere',
    act: act.catalogue,
    unlisted: true,
    run: catalogueCommand,
  }),
  defineCommand({
    name: '兑换',
    aliases: ['积分兑换', '我要兑换'],
    usage: usage.redeem,
    who: 'everyone',
    where: 'anywhere',
    act: act.redeem,
    unlisted: true,
    run: redeem,
  }),
  defineCommand({
    name: '记分',
    aliases: ['加积分', '积分登记', '登记积分'],
    usage: usage.record,
    who: 'staff',
    // at the office the volunteer is named; @ works where they are a member
    where: 'office',
    act: act.record,
    run: recordPoints,
  }),
  defineCommand({
    name: '核销',
    aliases: ['兑换核销', '核销兑换'],
    usage: usage.handOver,
    who: 'staff',
    where: 'office',
    act: act.handOver,
    run: handOver,
  }),
]
