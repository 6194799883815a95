/**
 * The campaign's evaluation indices (结项报告, after the seed's 评价指标体系): who took part in each
 * building, where the projects stand, how long a suggestion took to become finished work. Pure:
 * the rows come from the database, the numbers are made here (and the export uses the same).
 */

export interface BallotRow {
  roundId: number
  /** 'household:<key>' or 'person:N' */
  voterKey: string
  buildingId: number | null
  /** a 'person:N' voter's current household, if any */
  personHouseholdKey: string | null
  personBuildingId: number | null
  dots: number[]
}

export interface RoundRow {
  id: number
  kind: string
  status: string
  projectIds: number[]
  opensAt: Date
  /** 'household' | 'person' | 'representative' (a representatives' resolution: not a household's vote) */
  per?: string
}

export interface ParticipationInput {
  buildings: { id: number; number: number }[]
  /** households with at least one person bound, and whether one of them is confirmed */
  households: { buildingId: number; confirmed: boolean }[]
  /** distinct households of people who suggested */
  suggesters: { buildingId: number }[]
  rounds: RoundRow[]
  ballots: BallotRow[]
}

export interface ParticipationRow {
  /** null: ballots whose building is not known */
  building: number | null
  registered: number
  confirmed: number
  suggested: number
  voted: number
  rated: number
  /** mean rating (1–5) in finished acceptance rounds, one decimal; null: none */
  satisfaction: number | null
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)

/** A rating given in an acceptance round: dots [score], 1–5. */
export const ratingOf = (b: Pick<BallotRow, 'dots'>): number | null => {
  const r = b.dots[0]
  return Number.isInteger(r) && r! >= 1 && r! <= 5 ? r! : null
}

/**
 * The household behind a ballot and its building: 'household:<key>' directly (the ballot keeps
 * the building), 'person:N' through the person's household. An erased person's ballot has no
 * household any more: it counts as its own.
 */
export function voterUnit(b: BallotRow): { unit: string; building: number | null } {
  if (b.voterKey.startsWith('household:') || b.personHouseholdKey === null) return { unit: b.voterKey, building: b.buildingId }
  return { unit: `household:${b.personHouseholdKey}`, building: b.personBuildingId ?? b.buildingId }
}

/** Per building (by id): registration, suggestions, votes and ratings counted in households, and satisfaction. */
export function participation(p: ParticipationInput): { rows: ParticipationRow[]; total: ParticipationRow } {
  const roundOf = new Map(p.rounds.map((r) => [r.id, r]))
  const voters = new Map<number | null, Set<string>>()
  const raters = new Map<number | null, Set<string>>()
  const ratings = new Map<number | null, number[]>()
  const add = <T>(m: Map<number | null, T>, k: number | null, empty: () => T) => m.get(k) ?? m.set(k, empty()).get(k)!
  for (const b of p.ballots) {
    const round = roundOf.get(b.roundId)
    if (!round) continue
    const { unit, building } = voterUnit(b)
    // households voting: a representatives' resolution is not a household's vote
    if (round.kind === 'resident' || (round.kind === 'resolution' && round.per !== 'representative')) add(voters, building, () => new Set()).add(unit)
    if (round.kind !== 'acceptance') continue
    add(raters, building, () => new Set()).add(unit)
    // satisfaction from finished rounds only, like the published results
    const r = ratingOf(b)
    if (round.status === 'closed' && r !== null) add(ratings, building, () => []).push(r)
  }
  const line = (id: number | null, number: number | null): ParticipationRow => ({
    building: number,
    registered: p.households.filter((h) => h.buildingId === id).length,
    confirmed: p.households.filter((h) => h.buildingId === id && h.confirmed).length,
    suggested: p.suggesters.filter((h) => h.buildingId === id).length,
    voted: voters.get(id)?.size ?? 0,
    rated: raters.get(id)?.size ?? 0,
    satisfaction: round1(mean(ratings.get(id) ?? [])),
  })
  const rows = [...p.buildings].sort((a, b) => a.number - b.number).map((b) => line(b.id, b.number))
  // ballots whose building is unknown (no household, no building recorded) still count in the total
  if (voters.has(null) || raters.has(null)) rows.push(line(null, null))
  const sum = (k: 'registered' | 'confirmed' | 'suggested' | 'voted' | 'rated') => rows.reduce((n, r) => n + r[k], 0)
  return {
    rows,
    total: {
      building: null,
      registered: sum('registered'),
      confirmed: sum('confirmed'),
      suggested: sum('suggested'),
      voted: sum('voted'),
      rated: sum('rated'),
      satisfaction: round1(mean([...ratings.values()].flat())),
    },
  }
}

/** The stages a project goes through, in order (projects.stage). */
export const STAGES = ['pool', 'assigned', 'accepting', 'rework', 'unrated', 'accepted'] as const

export interface ClosingInput extends ParticipationInput {
  /** the campaign's projects with the first time one of their suggestions was made */
  projects: { id: number; name: string; stage: string; firstSuggestedAt: Date | null }[]
}

export interface ClosingReport {
  participation: { rows: ParticipationRow[]; total: ParticipationRow }
  /** every stage with its number of projects (0 included), in STAGES order; unknown stages after */
  stages: { stage: string; count: number }[]
  /** finished projects (完成 opened their acceptance): days from the first suggestion to 完成 */
  durations: { project: number; name: string; days: number }[]
  medianDays: number | null
  meanDays: number | null
}

const DAY = 86_400_000

/** The median of a sorted list (the mean of the middle two for an even count). */
function median(sorted: number[]): number | null {
  if (!sorted.length) return null
  const m = sorted.length >> 1
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2
}

export function closingReport(p: ClosingInput): ClosingReport {
  const counts = new Map<string, number>(STAGES.map((s) => [s, 0]))
  for (const x of p.projects) counts.set(x.stage, (counts.get(x.stage) ?? 0) + 1)
  // finished = the first acceptance round's opening (完成 was said then)
  const finished = new Map<number, Date>()
  for (const r of [...p.rounds].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())) {
    if (r.kind !== 'acceptance') continue
    for (const id of r.projectIds) if (!finished.has(id)) finished.set(id, r.opensAt)
  }
  const durations = p.projects
    .filter((x) => x.firstSuggestedAt !== null && finished.has(x.id))
    .map((x) => ({ project: x.id, name: x.name, days: Math.max(0, Math.round(((finished.get(x.id)!.getTime() - x.firstSuggestedAt!.getTime()) / DAY) * 10) / 10) }))
    .sort((a, b) => a.project - b.project)
  const days = durations.map((d) => d.days).sort((a, b) => a - b)
  const avg = mean(days)
  return {
    participation: participation(p),
    stages: [...counts].map(([stage, count]) => ({ stage, count })),
    durations,
    medianDays: median(days),
    meanDays: avg === null ? null : Math.round(avg * 10) / 10,
  }
}
