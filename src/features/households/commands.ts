import { defineCommand } from '../../kit/command.js'
import { appointBuildingHead } from './appointBuildingHead.js'
import { bindBuilding } from './bindBuilding.js'
import { confirmHousehold } from './confirmHousehold.js'
import { registerHousehold } from './registerHousehold.js'
import { householdText as t } from './text.js'

/** Households and buildings: who lives where, which group is whose building, and its heads. */
export const householdCommands = [
  defineCommand({
    name: '登记',
    aliases: ['登记住户', '住户登记'],
    usage: t.usage.register,
    who: 'everyone',
    where: 'anywhere',
    act: t.act.register,
    run: registerHousehold,
  }),
  defineCommand({
    name: '确认',
    aliases: ['确认住户'],
    usage: t.usage.confirm,
    who: 'head',
    where: 'group',
    act: t.act.confirm,
    run: (ctx) => confirmHousehold(ctx),
  }),
  defineCommand({
    name: '绑定',
    aliases: ['绑定楼栋'],
    usage: t.usage.bind,
    who: 'staff',
    where: 'group',
    act: t.act.bind,
    refuse: { where: t.refuse.bindWhere },
    run: bindBuilding,
  }),
  defineCommand({
    name: '楼组长',
    aliases: ['设楼组长', '设置楼组长'],
    usage: t.usage.head,
    who: 'staff',
    where: 'group',
    act: t.act.head,
    run: (ctx) => appointBuildingHead(ctx),
  }),
]
