import { cut, normalizeInput } from '../text.js'
import { parsePlace } from './understand.js'

/** What a location pin says (the chat adapter's LocationPin). */
export interface Pin {
  name: string
  address?: string
  latitude?: number
  longitude?: number
}

/** A location pin read as a place: its name as shown, the building when the name says one, and where it is. */
export interface PinPlace {
  /** the pin's name (or address), as the phone showed it; null when it had neither */
  place: string | null
  building?: number
  placeKind?: string
  latitude: number | null
  longitude: number | null
}

const inRange = (x: number | undefined, limit: number): x is number => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= limit
/** about 10 cm: more digits say nothing more about a place */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6

/**
 * Reads a pin (`name`/`address` already in Simplified, to parse): "阳光小区3号楼" is building 3;
 * "小区东门" is the place 东门. Coordinates are kept only when both are real numbers in range (and
 * not both 0).
 */
export function placeOfPin(pin: Pin, maxPlace: number): PinPlace {
  const name = normalizeInput(pin.name ?? '')
  const address = normalizeInput(pin.address ?? '')
  const shown = name || address
  // 0,0 is what puppets give when they have no coordinates
  const real = inRange(pin.latitude, 90) && inRange(pin.longitude, 180) && !(pin.latitude === 0 && pin.longitude === 0)
  const coords = real ? { latitude: round6(pin.latitude!), longitude: round6(pin.longitude!) } : { latitude: null, longitude: null }
  if (!shown) return { place: null, ...coords }
  // the name first; the address may say the building when the name is a shop's
  const read = [name, address].filter(Boolean).map((s) => parsePlace(s)).find((r) => r.ok && r.value.building !== undefined) ?? parsePlace(shown)
  const v = read.ok ? read.value : undefined
  return {
    place: cut(shown, maxPlace),
    ...(v?.building !== undefined ? { building: v.building } : {}),
    ...(v?.placeKind !== undefined ? { placeKind: v.placeKind } : {}),
    ...coords,
  }
}
