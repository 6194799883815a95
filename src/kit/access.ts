import { liaisonPartnerIds } from '../db/partners.js'
import { gridBuildingsOf } from '../db/reports.js'
import { isInStreetRoom } from '../db/street.js'
import { rolesOfPerson } from '../db/roles.js'
import type { Room } from '../db/rooms.js'
import { AppError } from '../domain/errors.js'
import { WHERE_REFUSAL, WHO_REFUSAL, type Audience, type CommandSpec, type Place } from './command.js'
import type { Ctx } from './context.js'

/** What the access check needs to know about the person who speaks. */
export interface Standing {
  isStaff: boolean
  /** a building head of the community */
  isHead: boolean
  /** a department's liaison of the community */
  isLiaison: boolean
  /** a grid member (网格员) of the community */
  isGrid: boolean
  /** a member of the street's 推进办 group */
  isStreet: boolean
}

/** Where a message comes from, as far as access goes. */
export type Spot = Pick<Room, 'kind'> | null

export function whoAllows(who: Audience, s: Standing): boolean {
  if (who === 'everyone') return true
  if (who === 'staff') return s.isStaff
  if (who === 'head') return s.isStaff || s.isHead
  if (who === 'grid') return s.isStaff || s.isGrid
  if (who === 'street') return s.isStreet
  return s.isStaff || s.isLiaison
}

export function whereAllows(where: Place, room: Spot): boolean {
  if (where === 'anywhere') return true
  if (where === 'group') return room !== null
  if (where === 'private') return room === null
  if (where === 'street') return room?.kind === 'street'
  return room === null || room.kind === 'staff'
}

export type Refusal = { code: 'WRONG_ROOM' | 'FORBIDDEN'; text: string }

/** Why this command may not run here, for this person (the room first, then the person); null: it may. */
export function refusalFor(spec: CommandSpec, room: Spot, s: Standing): Refusal | null {
  if (spec.where !== 'anywhere' && !whereAllows(spec.where, room)) {
    return { code: 'WRONG_ROOM', text: spec.refuse?.where ?? WHERE_REFUSAL[spec.where](spec) }
  }
  if (spec.who !== 'everyone' && !whoAllows(spec.who, s)) {
    return { code: 'FORBIDDEN', text: spec.refuse?.who ?? WHO_REFUSAL[spec.who](spec) }
  }
  return null
}

/** A building head of the community (of any community, when it is not known). */
export async function isHeadOf(ctx: Ctx): Promise<boolean> {
  const roles = await rolesOfPerson(ctx.db, { personId: ctx.person.id, ...(ctx.community ? { communityId: ctx.community.id } : {}) })
  return roles.some((r) => r.role === 'building_head' && (ctx.community === null || r.communityId === ctx.community.id))
}

export async function isLiaisonOf(ctx: Ctx): Promise<boolean> {
  if (!ctx.community) return false
  return (await liaisonPartnerIds(ctx.db, { personId: ctx.person.id, communityId: ctx.community.id })).length > 0
}

export async function isGridOf(ctx: Ctx): Promise<boolean> {
  if (!ctx.community) return false
  return (await gridBuildingsOf(ctx.db, { communityId: ctx.community.id, personId: ctx.person.id })).length > 0
}

/** In the street group, or a member of it (asking privately). */
export async function isStreetMember(ctx: Ctx): Promise<boolean> {
  if (ctx.room) return ctx.room.kind === 'street'
  return isInStreetRoom(ctx.db, { personId: ctx.person.id })
}

/** The person's standing, asking the database only for what `needs` names. */
export async function standingOf(ctx: Ctx, needs: { head?: boolean; liaison?: boolean; grid?: boolean; street?: boolean }): Promise<Standing> {
  const isStaff = ctx.isStaff
  const [isHead, isLiaison, isGrid, isStreet] = await Promise.all([
    needs.head && !isStaff ? isHeadOf(ctx) : false,
    needs.liaison && !isStaff ? isLiaisonOf(ctx) : false,
    needs.grid && !isStaff ? isGridOf(ctx) : false,
    needs.street ? isStreetMember(ctx) : false,
  ])
  return { isStaff, isHead, isLiaison, isGrid, isStreet }
}

/** The router's check before a handler runs: throws the refusal (an AppError). */
export async function checkAccess(ctx: Ctx, spec: CommandSpec): Promise<void> {
  if (spec.where === 'anywhere' && spec.who === 'everyone') return
  const standing = await standingOf(ctx, { head: spec.who === 'head', liaison: spec.who === 'partner', grid: spec.who === 'grid', street: spec.who === 'street' })
  const refusal = refusalFor(spec, ctx.room, standing)
  if (refusal) throw new AppError(refusal.code, refusal.text)
}

/** A staff command's community (the router let only staff of ctx.community in). */
export function staffCommunity(ctx: Ctx) {
  if (!ctx.isStaff || !ctx.community) throw new Error('a staff command ran for someone not staff: its spec must say who: staff')
  return ctx.community
}
