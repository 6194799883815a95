import { standingOf, whereAllows, whoAllows, type Spot, type Standing } from '../../kit/access.js'
import { usageExample, type CommandSpec } from '../../kit/command.js'
import type { Ctx } from '../../kit/context.js'
import { HELP } from './lexicon.js'
import { helpText as t } from './text.js'

/** what fits a phone's screen without scrolling */
const MAX_LINES = 10

export interface HelpSections {
  /** what this person may say here */
  here: CommandSpec[]
  /** theirs, but for a building's group */
  inGroups: CommandSpec[]
  /** theirs, but for the staff group or a private chat */
  inOffice: CommandSpec[]
  /** theirs, but for the street's 推进办 group */
  inStreet: CommandSpec[]
}

/**
 * The listed commands this person may say, by where: the same check the router makes, except
 * that a group command is shown in the staff group as one for the building groups (it is meant
 * for them; said in the staff group, its use-case explains).
 */
export function helpSections(specs: readonly CommandSpec[], room: Spot, standing: Standing): HelpSections {
  const usable = specs.filter((c) => whoAllows(c.who, standing) && !c.unlisted && c.name !== HELP)
  const worksHere = (c: CommandSpec) => whereAllows(c.where, room) && !(c.where === 'group' && room?.kind === 'staff')
  const here = usable.filter(worksHere)
  return {
    here,
    inGroups: usable.filter((c) => !worksHere(c) && c.where === 'group'),
    inOffice: usable.filter((c) => !worksHere(c) && c.where === 'office'),
    inStreet: usable.filter((c) => !worksHere(c) && c.where === 'street'),
  }
}

/** 帮助: what this person can do in this room, in a few short lines. */
export async function showHelp(ctx: Ctx): Promise<void> {
  const standing = await standingOf(ctx, { head: true, liaison: true, grid: true, street: true })
  const { here, inGroups, inOffice, inStreet } = helpSections(ctx.registry.specs, ctx.room, standing)
  // everyone's commands one per line with what they do; role commands packed by role
  const lines: string[] = [t.here(ctx.room, ctx.isStaff)]
  const everyone = here.filter((c) => c.who === 'everyone')
  lines.push(...everyone.map((c) => t.everyone(c.usage)))
  const heads = here.filter((c) => c.who === 'head')
  const staff = here.filter((c) => c.who === 'staff' || ((c.who === 'partner' || c.who === 'grid') && ctx.isStaff))
  const partner = here.filter((c) => c.who === 'partner' && !ctx.isStaff)
  const grid = here.filter((c) => c.who === 'grid' && !ctx.isStaff)
  const street = here.filter((c) => c.who === 'street')
  const names = (specs: CommandSpec[]) => specs.map((c) => c.name)
  if (partner.length) lines.push(t.partner(partner.map(usageExample)))
  if (heads.length) lines.push(t.heads(heads.map(usageExample)))
  if (grid.length) lines.push(t.grid(grid.map(usageExample)))
  if (street.length) lines.push(t.street(street.map(usageExample)))
  // many staff commands: names only, so the line stays readable
  if (staff.length) lines.push(t.staff(staff.length > 5 ? names(staff) : staff.map(usageExample)))
  if (inGroups.length) lines.push(t.inGroups(names(inGroups)))
  if (inOffice.length) lines.push(t.inOffice(names(inOffice)))
  if (inStreet.length) lines.push(t.inStreet(names(inStreet)))
  // a long list is not read on a phone: staff and heads get everyone's commands on one line
  if (lines.length > MAX_LINES) lines.splice(1, everyone.length, t.everyonePacked(names(everyone)))
  await ctx.reply(lines.join('\n'))
}
