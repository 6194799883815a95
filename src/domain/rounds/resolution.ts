import { above, needed, reaches, type Share } from '../deliberation/share.js'

export interface ResolutionOutcome {
  yes: number
  no: number
  cast: number
  eligible: number
  /** yes as a percent of those who voted */
  share: number
  /** null: the resolution has no quorum */
  quorum: { share: Share; needed: number; met: boolean } | null
  /** yes above the pass line of those who voted, and the quorum (if any) met */
  passed: boolean
}

/**
 * The rule announced at opening: the quorum (a share of the electorate taking part) must be
 * reached; then yes must be strictly above the pass line of those who voted — a tie on the line
 * (5 of 10 under 过半) does not pass.
 */
export function resolutionOutcome(p: { yes: number; cast: number; eligible: number; pass: Share; quorum: Share | null }): ResolutionOutcome {
  const no = p.cast - p.yes
  const share = p.cast ? (100 * p.yes) / p.cast : 0
  const quorum = p.quorum ? { share: p.quorum, needed: Math.max(1, needed(p.eligible, p.quorum)), met: p.eligible > 0 && reaches(p.cast, p.eligible, p.quorum) } : null
  const passed = p.cast > 0 && above(p.yes, p.cast, p.pass) && (quorum === null || quorum.met)
  return { yes: p.yes, no, cast: p.cast, eligible: p.eligible, share, quorum, passed }
}
