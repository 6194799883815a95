import { standingOf, whereAllows, whoAllows, type Spot, type Standing } from '../kit/access.js'
import { usageExample, type CommandSpec } from '../kit/command.js'
import type { Ctx } from '../kit/context.js'

export interface HelpSections {
  /** what this person may say here */
  here: CommandSpec[]
  /** theirs, but for a building's group */
  inGroups: CommandSpec[]
  /** theirs, but for the staff group or a private chat */
  inOffice: CommandSpec[]
}

/**
 * The listed commands this person may say, by where: the same check the router makes, except
 * that a group command is shown in the staff group as one for the building groups (it is meant
 * for them; said in the staff group, its use-case explains).
 */
export function helpSections(specs: readonly CommandSpec[], room: Spot, standing: Standing): HelpSections {
  const usable = specs.filter((c) => whoAllows(c.who, standing) && !c.unlisted && c.name !== '帮助')
  const worksHere = (c: CommandSpec) => whereAllows(c.where, room) && !(c.where === 'group' && room?.kind === 'staff')
  const here = usable.filter(worksHere)
  return {
    here,
    inGroups: usable.filter((c) => !worksHere(c) && c.where === 'group'),
    inOffice: usable.filter((c) => !worksHere(c) && c.where === 'office'),
  }
}

/** 帮助: what this person can do in this room, in a few short lines. */
export async function showHelp(ctx: Ctx): Promise<void> {
  const standing = await standingOf(ctx, { head: true, liaison: true })
  const { here, inGroups, inOffice } = helpSections(ctx.registry.specs, ctx.room, standing)
  // everyone's commands one per line with what they do; role commands packed by role
  const lines: string[] = [roomLine(ctx)]
  lines.push(...here.filter((c) => c.who === 'everyone').map((c) => `· ${c.usage}`))
  const heads = here.filter((c) => c.who === 'head')
  const staff = here.filter((c) => c.who === 'staff' || (c.who === 'partner' && ctx.isStaff))
  const partner = here.filter((c) => c.who === 'partner' && !ctx.isStaff)
  if (partner.length) lines.push(`单位联络员：${[...partner.map(usageExample), '进度 P3 60% 说明'].join('、')}`)
  if (heads.length) lines.push(`楼组长：${heads.map(usageExample).join('、')}`)
  // many staff commands: names only, so the line stays readable
  if (staff.length) lines.push(`居委：${staff.map(staff.length > 4 ? (c) => c.name : usageExample).join('、')}`)
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
