import { defineCommand } from '../../kit/command.js'
import { postStreetNotice } from './postStreetNotice.js'
import { showStreetConflicts, showStreetPlans, showStreetSummary } from './streetSummary.js'
import { streetText as t } from './text.js'

/**
 * The street level (街道推进办): said only in its group, whose members are the street's staff —
 * the one place that sees every community. Community staff groups never see each other's data.
 */
export const streetCommands = [
  defineCommand({
    name: '街道汇总',
    aliases: ['全街道汇总', '街道协调', '各社区汇总'],
    usage: t.usage.summary,
    who: 'street',
    where: 'street',
    act: t.act.summary,
    run: (ctx) => showStreetSummary(ctx),
  }),
  defineCommand({
    name: '街道计划',
    aliases: ['各社区计划', '全街道计划', '街道行动计划'],
    usage: t.usage.plans,
    who: 'street',
    where: 'street',
    act: t.act.plans,
    run: (ctx) => showStreetPlans(ctx),
  }),
  defineCommand({
    name: '街道冲突',
    aliases: ['跨社区冲突', '部门冲突', '同期施工'],
    usage: t.usage.conflicts,
    who: 'street',
    where: 'street',
    act: t.act.conflicts,
    run: (ctx) => showStreetConflicts(ctx),
  }),
  defineCommand({
    name: '街道通知',
    aliases: ['全街道通知', '发街道通知'],
    usage: t.usage.notice,
    who: 'street',
    where: 'street',
    act: t.act.notice,
    run: postStreetNotice,
  }),
]
