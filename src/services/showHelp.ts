import { liaisonPartnerIds } from '../db/partners.js'
import { isBuildingHead, rolesOfPerson } from '../db/roles.js'
import { COMMANDS, type CommandSpec } from '../router/commands.js'
import type { Ctx } from '../router/context.js'

/** 帮助: what this person can do in this room, in a few short lines. */
export async function showHelp(ctx: Ctx): Promise<void> {
  const inGroup = ctx.room !== null
  const isHead = ctx.room?.buildingId
    ? await isBuildingHead(ctx.db, { personId: ctx.person.id, buildingId: ctx.room.buildingId })
    : (await rolesOfPerson(ctx.db, { personId: ctx.person.id })).some((r) => r.role === 'building_head')
  const isLiaison = !ctx.isStaff && ctx.community !== null && (await liaisonPartnerIds(ctx.db, { personId: ctx.person.id, communityId: ctx.community.id })).length > 0
  const allowed = (c: CommandSpec) =>
    c.who === 'everyone' ||
    (c.who === 'staff' && ctx.isStaff) ||
    (c.who === 'partner' && (ctx.isStaff || isLiaison)) ||
    (c.who === 'head' && (isHead || ctx.isStaff))
  const usable = COMMANDS.filter((c) => allowed(c) && !c.unlisted && c.name !== '帮助')

  // "group" commands work in building groups; "office" ones in the staff group or in private
  const inStaffRoom = ctx.room?.kind === 'staff'
  const inBuildingGroup = inGroup && !inStaffRoom
  const worksHere = (c: CommandSpec) =>
    c.where === 'anywhere' || (c.where === 'group' && inBuildingGroup) || (c.where === 'office' && !inBuildingGroup) || (c.where === 'private' && !inGroup)
  const here = usable.filter(worksHere)
  const inGroups = usable.filter((c) => !worksHere(c) && c.where === 'group')
  const inOffice = usable.filter((c) => !worksHere(c) && c.where === 'office')
  // everyone's commands one per line with what they do; role commands packed by role
  const example = (c: CommandSpec) => c.usage.split(' — ')[0]!
  const lines: string[] = [roomLine(ctx)]
  lines.push(...here.filter((c) => c.who === 'everyone').map((c) => `· ${c.usage}`))
  const heads = here.filter((c) => c.who === 'head')
  const staff = here.filter((c) => c.who === 'staff' || (c.who === 'partner' && ctx.isStaff))
  const partner = here.filter((c) => c.who === 'partner' && !ctx.isStaff)
  if (partner.length) lines.push(`单位联络员：${[...partner.map(example), '进度 P3 60% 说明'].join('、')}`)
  if (heads.length) lines.push(`楼组长：${heads.map(example).join('、')}`)
  // many staff commands: names only, so the line stays readable
  if (staff.length) lines.push(`居委：${staff.map(staff.length > 4 ? (c) => c.name : example).join('、')}`)
  if (inGroups.length) lines.push(`在楼栋群里还可以：${inGroups.map((c) => c.name).join('、')}`)
  if (inOffice.length) lines.push(`在工作群或私聊还可以：${inOffice.map((c) => c.name).join('、')}`)
  await ctx.reply(lines.join('\n'))
}

function roomLine(ctx: Ctx): string {
  if (!ctx.room) return '您可以对我说：'
  if (ctx.room.kind === 'staff') return '（居委工作群）您可以说：'
  if (ctx.room.kind === 'council') return '（议事会群）您可以说：'
  if (ctx.room.kind !== 'building') return ctx.isStaff ? '本群还没绑定楼栋。您可以说：' : '您可以对我说：'
  return '您可以对我说：'
}
