import { defineCommand } from '../../kit/command.js'
import { bindStaffRoomByCode } from './bindStaffRoom.js'
import { confirmStaffMove, requestStaffMove } from './moveStaffRoom.js'
import { staffText as t } from './text.js'

/** The staff group (居委工作群): bound once by the operator's code, moved only with its consent. */
export const staffCommands = [
  defineCommand({
    name: '绑定工作群',
    aliases: ['绑定居委工作群', '设为工作群'],
    usage: t.usage.bind,
    who: 'everyone',
    where: 'group',
    act: t.act.bind,
    refuse: { where: t.refuse.bindWhere },
    unlisted: true,
    run: bindStaffRoomByCode,
  }),
  defineCommand({
    name: '换工作群',
    aliases: ['更换工作群', '迁移工作群'],
    usage: t.usage.move,
    who: 'staff',
    where: 'group',
    act: t.act.move,
    refuse: { where: t.refuse.moveWhere },
    run: (ctx) => requestStaffMove(ctx),
  }),
  defineCommand({
    name: '确认换群',
    aliases: ['同意换群'],
    usage: t.usage.confirmMove,
    who: 'staff',
    // only in the old staff group (the use-case checks the group's kind)
    where: 'group',
    act: t.act.confirmMove,
    refuse: { where: t.refuse.confirmMoveWhere },
    unlisted: true,
    run: (ctx) => confirmStaffMove(ctx),
  }),
]
