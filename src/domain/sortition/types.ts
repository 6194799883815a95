/** A volunteer in the frozen pool. `features` holds only what the quotas need; a missing key = skipped. */
export interface Candidate {
  id: string
  features: Record<string, string>
}

/** Seats for candidates whose `features[feature] === value` must lie in [min, max]. */
export interface Quota {
  feature: string
  value: string
  min: number
  max: number
}

export interface Instance {
  candidates: Candidate[]
  seats: number
  quotas: Quota[]
}

export type Algorithm = 'leximin' | 'maximin'
