import { defineCommand } from '../../kit/command.js'
import { appointBuildingHead } from '../../services/appointBuildingHead.js'
import { bindBuilding } from '../../services/bindBuilding.js'
import { bindStaffRoomByCode, confirmStaffMove, requestStaffMove } from '../../services/bindStaffRoom.js'
import { confirmHousehold } from '../../services/confirmHousehold.js'
import { askEraseMyInfo } from '../../services/eraseMyInfo.js'
import { registerHousehold } from '../../services/registerHousehold.js'
import { showMyInfo } from '../../services/showMyInfo.js'

/** Households, buildings and groups: who lives where, and which group is whose. */
export const householdCommands = [
  defineCommand({
    name: '登记',
    aliases: ['登记住户', '住户登记'],
    usage: '登记 3号楼 502 — 登记您家门牌',
    who: 'everyone',
    where: 'anywhere',
    act: '登记门牌',
    run: registerHousehold,
  }),
  defineCommand({
    name: '我的信息',
    aliases: ['个人信息', '我的资料'],
    usage: '我的信息 — 看存了您哪些信息（可删除）',
    who: 'everyone',
    where: 'anywhere',
    act: '查看您的信息',
    run: (ctx) => showMyInfo(ctx),
  }),
  defineCommand({
    name: '删除我的信息',
    aliases: ['删除信息', '注销'],
    usage: '删除我的信息 — 删除您的信息',
    who: 'everyone',
    where: 'anywhere',
    act: '删除您的信息',
    unlisted: true,
    run: (ctx) => askEraseMyInfo(ctx),
  }),
  defineCommand({
    name: '确认',
    aliases: ['确认住户'],
    usage: '确认 @邻居 — 确认邻居的登记',
    who: 'head',
    where: 'group',
    act: '确认邻居的登记',
    run: (ctx) => confirmHousehold(ctx),
  }),
  defineCommand({
    name: '绑定工作群',
    aliases: ['绑定居委工作群', '设为工作群'],
    usage: '绑定工作群 1234-5678 — 用启动时电脑上显示的绑定码，设本群为居委工作群',
    who: 'everyone',
    where: 'group',
    act: '绑定居委工作群',
    refuse: { where: '请在居委工作群里 @我 说「绑定工作群 绑定码」。' },
    unlisted: true,
    run: bindStaffRoomByCode,
  }),
  defineCommand({
    name: '换工作群',
    aliases: ['更换工作群', '迁移工作群'],
    usage: '换工作群 — 在新群里说，再到原工作群说「确认换群」',
    who: 'staff',
    where: 'group',
    act: '换工作群',
    refuse: { where: '请在要当新工作群的群里 @我 说「换工作群」。' },
    run: (ctx) => requestStaffMove(ctx),
  }),
  defineCommand({
    name: '确认换群',
    aliases: ['同意换群'],
    usage: '确认换群 — 在原工作群里确认换到新群',
    who: 'staff',
    // only in the old staff group (the use-case checks the group's kind)
    where: 'group',
    act: '确认换群',
    refuse: { where: '请在原来的居委工作群里 @我 说「确认换群」。' },
    unlisted: true,
    run: (ctx) => confirmStaffMove(ctx),
  }),
  defineCommand({
    name: '绑定',
    aliases: ['绑定楼栋'],
    usage: '绑定 3号楼 — 在楼栋群里说，本群归3号楼',
    who: 'staff',
    where: 'group',
    act: '绑定群',
    refuse: { where: '请在要绑定的楼栋群里 @我 说「绑定 3号楼」。' },
    run: bindBuilding,
  }),
  defineCommand({
    name: '楼组长',
    aliases: ['设楼组长', '设置楼组长'],
    usage: '楼组长 @张三 — 在楼栋群里说，设张三为楼组长',
    who: 'staff',
    where: 'group',
    act: '指定楼组长',
    run: (ctx) => appointBuildingHead(ctx),
  }),
]
