/**
 * Seeded synthetic pools for the bench and tests: volunteers skew old, female and owner, and some
 * buildings have very few — the shape that makes naive draws unfair.
 */
import type { Candidate, Instance, Quota } from './types.js'
import { GENDER, TENURE } from '../council/lexicon.js'
import { seededRandom } from '../random.js'

// re-exported: the bench and tests take it from here
export { seededRandom }

function pick<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rand() * total
  for (const [v, w] of items) {
    r -= w
    if (r < 0) return v
  }
  return items[items.length - 1]![0]
}

export interface SyntheticOptions {
  candidates?: number
  seats?: number
  buildings?: number
  seed?: number
  /**
   * Quota categories: 4 (default: building, age, gender, tenure) or 6 (adds years of residence and
   * education, the shape of the issue-15 pools: ~190 distinct types among 400 volunteers).
   */
  categories?: 4 | 6
}

/** Default: 404 candidates, 40 seats, 10 buildings (as in the Nature paper's instance size). */
export function syntheticInstance(options: SyntheticOptions = {}): Instance {
  const n = options.candidates ?? 404
  const seats = options.seats ?? 40
  const nb = options.buildings ?? 10
  const rand = seededRandom(options.seed ?? 2021)
  // building b gets weight ~ 1/(b+1): the last buildings are scarce
  const buildingWeights = Array.from({ length: nb }, (_, b) => [String(b + 1), 1 / (b + 1.5)] as const)
  const candidates: Candidate[] = []
  for (let i = 0; i < n; i++) {
    const age = pick(rand, [['18-39', 0.14], ['40-59', 0.34], ['60+', 0.52]])
    const gender = pick(rand, [[GENDER.female, 0.64], [GENDER.male, 0.36]])
    // renters volunteer rarely, young renters a bit more often than old ones
    const tenure = pick(rand, [[TENURE.owner, age === '18-39' ? 0.7 : 0.9], [TENURE.renter, age === '18-39' ? 0.3 : 0.1]])
    const features: Record<string, string> = { building: pick(rand, buildingWeights), age, gender, tenure }
    if (options.categories === 6) {
      // newcomers are mostly young; few volunteers left school early
      features.years = pick(rand, [['0-9', age === '18-39' ? 0.7 : 0.1], ['10+', age === '18-39' ? 0.3 : 0.9]])
      features.education = pick(rand, [['school', age === '60+' ? 0.6 : 0.15], ['college', 0.25], ['degree', age === '60+' ? 0.15 : 0.6]])
    }
    candidates.push({ id: `c${String(i + 1).padStart(4, '0')}`, features })
  }
  const share = (f: number, slack: number): [number, number] => [Math.max(0, Math.floor(seats * f - slack)), Math.ceil(seats * f + slack)]
  const quota = (feature: string, value: string, [min, max]: [number, number]): Quota => ({ feature, value, min, max })
  const maxPerBuilding = Math.max(1, Math.ceil((2 * seats) / nb))
  const quotas: Quota[] = [
    ...Array.from({ length: nb }, (_, b) => quota('building', String(b + 1), [1, maxPerBuilding])),
    // residents' population shares, not the volunteers'
    quota('age', '18-39', share(0.3, 1)),
    quota('age', '40-59', share(0.35, 1)),
    quota('age', '60+', share(0.35, 1)),
    quota('gender', GENDER.female, share(0.5, 1)),
    quota('gender', GENDER.male, share(0.5, 1)),
    quota('tenure', TENURE.owner, share(0.75, 1)),
    quota('tenure', TENURE.renter, share(0.25, 1)),
    ...(options.categories === 6
      ? [
          quota('years', '0-9', share(0.3, 1)),
          quota('years', '10+', share(0.7, 1)),
          quota('education', 'school', share(0.3, 1)),
          quota('education', 'college', share(0.35, 1)),
          quota('education', 'degree', share(0.35, 1)),
        ]
      : []),
  ]
  return { candidates, seats, quotas }
}
