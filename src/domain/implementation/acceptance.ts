/** What residents' ratings (1–5, one per household) decide about a finished project. */
export interface AcceptanceOutcome {
  raters: number
  /** 0 when nobody rated */
  average: number
  /** counts[0] = how many gave 1 … counts[4] = how many gave 5 */
  counts: number[]
  result: 'accepted' | 'rework' | 'unrated'
}

export function acceptanceOutcome(scores: number[], minAverage: number): AcceptanceOutcome {
  const valid = scores.filter((s) => Number.isInteger(s) && s >= 1 && s <= 5)
  const counts = [1, 2, 3, 4, 5].map((n) => valid.filter((s) => s === n).length)
  if (!valid.length) return { raters: 0, average: 0, counts, result: 'unrated' }
  const average = valid.reduce((a, b) => a + b, 0) / valid.length
  return { raters: valid.length, average, counts, result: average >= minAverage ? 'accepted' : 'rework' }
}

/** 4.25 → "4.3" */
export const formatAverage = (x: number): string => (Math.round(x * 10) / 10).toFixed(1)

// the export reads the labels here (until it moves to its feature and takes them from its index)
export { STAGE_LABEL } from './stages.text.js'
