import { defineCommand } from '../../kit/command.js'
import { startSignup } from './signup.js'
import { showCouncilPool } from './showCouncilPool.js'
import { appointCouncilMember, openCouncilRound, scoreProjects } from '../rounds/index.js'
import { drawCouncil } from './drawCouncil.js'
import { publishLottery } from './publishLottery.js'
import { acceptRecommendation, declineRecommendation } from './answerRecommendation.js'
import { recommendCouncil } from './recommendCouncil.js'
import { setCouncilQuotas } from './setCouncilQuotas.js'
import { councilText as t } from './text.js'

/** The residents' council: sign-up, recommendation, the public lottery, and its scoring rounds. */
export const councilCommands = [
  defineCommand({
    name: '报名议事员',
    aliases: ['我要报名', '报名议事会', '报名'],
    usage: t.usage.signup,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.signup,
    run: (ctx) => startSignup(ctx),
  }),
  defineCommand({
    name: '接受推荐',
    aliases: ['接受'],
    usage: t.usage.accept,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.accept,
    unlisted: true,
    run: (ctx) => acceptRecommendation(ctx),
  }),
  defineCommand({
    name: '不接受',
    aliases: ['不接受推荐', '拒绝推荐'],
    usage: t.usage.decline,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.decline,
    unlisted: true,
    run: (ctx) => declineRecommendation(ctx),
  }),
  defineCommand({
    name: '推荐',
    aliases: ['推荐议事员'],
    usage: t.usage.recommend,
    who: 'head',
    where: 'group',
    act: t.act.recommend,
    refuse: t.refuse.recommend,
    run: (ctx) => recommendCouncil(ctx),
  }),
  defineCommand({
    name: '议事员报名',
    aliases: ['报名情况', '议事员名单'],
    usage: t.usage.pool,
    who: 'staff',
    where: 'office',
    act: t.act.pool,
    refuse: t.refuse.lottery,
    run: showCouncilPool,
  }),
  defineCommand({
    name: '议事会',
    aliases: ['设置议事会'],
    usage: t.usage.quotas,
    who: 'staff',
    where: 'office',
    act: t.act.quotas,
    refuse: t.refuse.lottery,
    run: setCouncilQuotas,
  }),
  defineCommand({
    name: '公布抽签',
    aliases: ['公布抽签办法'],
    usage: t.usage.publish,
    who: 'staff',
    where: 'office',
    act: t.act.publish,
    refuse: t.refuse.lottery,
    run: publishLottery,
  }),
  defineCommand({
    name: '开奖',
    aliases: ['抽签开奖'],
    usage: t.usage.draw,
    who: 'staff',
    where: 'office',
    act: t.act.draw,
    refuse: t.refuse.lottery,
    run: drawCouncil,
  }),
  defineCommand({
    name: '评分',
    aliases: ['打分', '评议打分'],
    usage: t.usage.score,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.score,
    unlisted: true,
    run: scoreProjects,
  }),
  defineCommand({
    name: '开启评议',
    aliases: ['发起评议', '开始评议'],
    usage: t.usage.openRound,
    who: 'staff',
    where: 'office',
    act: t.act.openRound,
    run: openCouncilRound,
  }),
  defineCommand({
    name: '议事员',
    aliases: ['设议事员', '添加议事员'],
    usage: t.usage.appoint,
    who: 'staff',
    where: 'group',
    act: t.act.appoint,
    refuse: t.refuse.appoint,
    unlisted: true,
    run: (ctx) => appointCouncilMember(ctx),
  }),
]
