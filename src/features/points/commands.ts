import { defineCommand } from '../../kit/command.js'
import { catalogueCommand } from './catalogue.js'
import { handOver } from './handOver.js'
import { recordPoints } from './recordPoints.js'
import { redeem } from './redeem.js'
import { showPoints } from './showPoints.js'
import { act, usage } from './text.js'
import { startVolunteerSignup } from './volunteerSignup.js'

/** Volunteers (找茬志愿者), their points ledger, the catalogue and redemptions. */
export const pointsCommands = [
  defineCommand({
    name: '报名找茬志愿者',
    aliases: ['找茬志愿者', '加入找茬志愿者', '报名志愿者', '我要当志愿者'],
    usage: usage.volunteer,
    who: 'everyone',
    where: 'anywhere',
    act: act.volunteer,
    run: (ctx) => startVolunteerSignup(ctx),
  }),
  defineCommand({
    name: '积分',
    aliases: ['我的积分', '查积分', '积分余额'],
    usage: usage.points,
    who: 'everyone',
    where: 'anywhere',
    act: act.points,
    run: (ctx) => showPoints(ctx),
  }),
  defineCommand({
    name: '积分商品',
    aliases: ['兑换商品', '积分兑换商品', '商品列表'],
    usage: usage.catalogue,
    // everyone reads it; only staff change it (the use-case tells which)
    who: 'everyone',
    where: 'anywhere',
    act: act.catalogue,
    run: catalogueCommand,
  }),
  defineCommand({
    name: '兑换',
    aliases: ['积分兑换', '我要兑换'],
    usage: usage.redeem,
    who: 'everyone',
    where: 'anywhere',
    act: act.redeem,
    run: redeem,
  }),
  defineCommand({
    name: '记分',
    aliases: ['加积分', '积分登记', '登记积分'],
    usage: usage.record,
    who: 'staff',
    // @-mentioning needs a group where the person is (their building's, or the staff group)
    where: 'anywhere',
    act: act.record,
    run: recordPoints,
  }),
  defineCommand({
    name: '核销',
    aliases: ['兑换核销', '核销兑换'],
    usage: usage.handOver,
    who: 'staff',
    where: 'anywhere',
    act: act.handOver,
    run: handOver,
  }),
]
