import { maskDoors } from '../../domain/address.js'
import { placeOfPin } from '../../domain/suggestions/pin.js'
import { cut, normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../context.js'
import { pinText } from './text.js'

/** A location pin as a dialog's place: shown as the phone showed it, read in Simplified. */
export interface PinnedPlace {
  place: string
  building: number | null
  placeKind: string | null
  coords?: { latitude: number; longitude: number }
}

/** This message's location pin as a place (the intake's "where", a 随手拍's place); undefined without one. */
export function pinnedPlace(ctx: Pick<Ctx, 'msg' | 'registry'>, maxPlace: number): PinnedPlace | undefined {
  const pin = ctx.msg.place
  if (!pin) return undefined
  const simplify = ctx.registry.simplify
  const read = placeOfPin({ ...pin, name: simplify(pin.name ?? ''), ...(pin.address ? { address: simplify(pin.address) } : {}) }, maxPlace)
  const shown = normalizeInput(pin.name ?? '') || normalizeInput(pin.address ?? '')
  return {
    // repeated in groups: a door number in a pin's name (a home pinned) is not
    place: shown ? maskDoors(cut(shown, maxPlace)) : pinText.unnamed,
    building: read.building ?? null,
    placeKind: read.placeKind ?? null,
    ...(read.latitude !== null && read.longitude !== null ? { coords: { latitude: read.latitude, longitude: read.longitude } } : {}),
  }
}
