import { defineCommand } from '../../kit/command.js'
import { castVote } from './castVote.js'
import { closeRoundEarly } from './closeRoundEarly.js'
import { openResolution } from './openResolution.js'
import { openRound } from './openRound.js'
import { showRoundResults } from './showRoundResults.js'
import { roundText as t } from './text.js'
import { voteResolution } from './voteResolution.js'

/** Votes on projects and resolutions. */
export const roundCommands = [
  defineCommand({
    name: '投票',
    aliases: ['我要投票', '看投票'],
    usage: t.usage.vote,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.vote,
    run: castVote,
  }),
  defineCommand({
    name: '结果',
    aliases: ['投票结果', '看结果'],
    usage: t.usage.results,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.results,
    unlisted: true,
    run: showRoundResults,
  }),
  defineCommand({
    name: '开启投票',
    aliases: ['发起投票', '开始投票'],
    usage: t.usage.open,
    who: 'staff',
    where: 'office',
    act: t.act.open,
    run: openRound,
  }),
  defineCommand({
    name: '结束投票',
    aliases: ['提前结束投票', '关闭投票'],
    usage: t.usage.close,
    who: 'staff',
    where: 'office',
    act: t.act.close,
    run: closeRoundEarly,
  }),
  defineCommand({
    name: '同意',
    aliases: ['赞成', '我同意'],
    usage: t.usage.yes,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.resolve,
    unlisted: true,
    run: (ctx) => voteResolution(ctx, true),
  }),
  defineCommand({
    name: '不同意',
    aliases: ['反对', '不赞成', '我不同意'],
    usage: t.usage.no,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.resolve,
    unlisted: true,
    run: (ctx) => voteResolution(ctx, false),
  }),
  defineCommand({
    name: '开启决议',
    aliases: ['发起决议'],
    usage: t.usage.openResolution,
    who: 'staff',
    where: 'office',
    act: t.act.openResolution,
    run: openResolution,
  }),
]
