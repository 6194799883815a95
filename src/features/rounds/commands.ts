import { defineCommand } from '../../kit/command.js'
import { castVote } from './castVote.js'
import { openRound } from './openRound.js'
import { openResolution, voteResolution } from './openResolution.js'
import { closeRoundEarly, showRoundResults } from './results.js'

/** Votes on projects and resolutions. */
export const roundCommands = [
  defineCommand({
    name: '投票',
    aliases: ['我要投票', '看投票'],
    usage: '投票 3 7 12 — 给项目投票（说「投票」看有哪些项目）',
    who: 'everyone',
    where: 'anywhere',
    act: '投票',
    run: castVote,
  }),
  defineCommand({
    name: '结果',
    aliases: ['投票结果', '看结果'],
    usage: '结果 T1 — 投票结果',
    who: 'everyone',
    where: 'anywhere',
    act: '查看投票结果',
    unlisted: true,
    run: showRoundResults,
  }),
  defineCommand({
    name: '开启投票',
    aliases: ['发起投票', '开始投票'],
    usage: '开启投票 P1-P8 每户3票 截止 12月5日20:00',
    who: 'staff',
    where: 'office',
    act: '开启投票',
    run: openRound,
  }),
  defineCommand({
    name: '结束投票',
    aliases: ['提前结束投票', '关闭投票'],
    usage: '结束投票 T1 — 提前结束并公布',
    who: 'staff',
    where: 'office',
    act: '结束投票',
    run: closeRoundEarly,
  }),
  defineCommand({
    name: '同意',
    aliases: ['赞成', '我同意'],
    usage: '同意 / 不同意 — 对决议表决',
    who: 'everyone',
    where: 'anywhere',
    act: '表决',
    unlisted: true,
    run: (ctx) => voteResolution(ctx, true),
  }),
  defineCommand({
    name: '不同意',
    aliases: ['反对', '不赞成', '我不同意'],
    usage: '不同意 — 对决议表决',
    who: 'everyone',
    where: 'anywhere',
    act: '表决',
    unlisted: true,
    run: (ctx) => voteResolution(ctx, false),
  }),
  defineCommand({
    name: '开启决议',
    aliases: ['发起决议'],
    usage: '开启决议 T1 通过线 50% 截止 12月8日20:00',
    who: 'staff',
    where: 'office',
    act: '开启决议',
    run: openResolution,
  }),
]
