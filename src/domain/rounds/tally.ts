import { createHash } from 'node:crypto'

export interface DotBallot {
  /** one ballot per household (or per person, as the round says) */
  voterKey: string
  building: number | null
  dots: number[]
  castAt: Date
}

export interface RankedProject {
  project: number
  /** dots, or for a council round the score (sum of the two means) */
  value: number
  /** distinct voters (or raters) */
  supporters: number
  buildings: number
  rank: number
}

/** A project's place in the lot of a round: the SHA-256 of the seed and the project number. */
function lot(seed: string, project: number): string {
  return createHash('sha256').update(`${seed}:${project}`).digest('hex')
}

/**
 * The ranking rules announced when a round opens: most votes (or the highest score), then more
 * distinct supporters, then more buildings, then a lot drawn from a seed published at opening.
 */
function rank(rows: Omit<RankedProject, 'rank'>[], seed: string): RankedProject[] {
  const sorted = [...rows].sort(
    (a, b) => b.value - a.value || b.supporters - a.supporters || b.buildings - a.buildings || lot(seed, a.project).localeCompare(lot(seed, b.project)),
  )
  return sorted.map((r, i) => ({ ...r, rank: i + 1 }))
}

/**
 * Dot voting: the latest ballot of each voter before the close counts (re-voting replaces);
 * a repeated number stacks dots; projects with no votes are ranked too (value 0).
 */
export function tallyDots(ballots: DotBallot[], p: { projects: number[]; closesAt: Date; seed: string }): { ranking: RankedProject[]; voters: number; late: number } {
  const latest = new Map<string, DotBallot>()
  let late = 0
  for (const b of ballots) {
    if (b.castAt > p.closesAt) {
      late++
      continue
    }
    const prev = latest.get(b.voterKey)
    if (!prev || b.castAt >= prev.castAt) latest.set(b.voterKey, b)
  }
  const rows = p.projects.map((project) => {
    const backers = [...latest.values()].filter((b) => b.dots.includes(project))
    return {
      project,
      value: backers.reduce((n, b) => n + b.dots.filter((d) => d === project).length, 0),
      supporters: backers.length,
      buildings: new Set(backers.map((b) => b.building).filter((x) => x !== null)).size,
    }
  })
  return { ranking: rank(rows, p.seed), voters: latest.size, late }
}

export interface CouncilScore {
  member: string
  project: number
  urgency: number
  importance: number
  at: Date
}

/** a council round's project: the score and what it is made of */
export type RankedScore = RankedProject & { urgency: number; importance: number; median: number; raters: number }

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
function median(xs: number[]): number {
  if (!xs.length) return 0
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/**
 * Council round: per project, the mean urgency + the mean importance (a member's latest score
 * counts; abstaining = not scoring); the median of members' totals is reported as a check.
 */
export function rankCouncilScores(
  scores: CouncilScore[],
  p: { projects: { project: number; supporters: number; buildings: number }[]; seed: string },
): RankedScore[] {
  const latest = new Map<string, CouncilScore>()
  for (const s of scores) {
    const key = `${s.member}:${s.project}`
    const prev = latest.get(key)
    if (!prev || s.at >= prev.at) latest.set(key, s)
  }
  const byProject = (project: number) => [...latest.values()].filter((s) => s.project === project)
  const extra = new Map<number, { urgency: number; importance: number; median: number; raters: number }>()
  const rows = p.projects.map((info) => {
    const mine = byProject(info.project)
    const urgency = mean(mine.map((s) => s.urgency))
    const importance = mean(mine.map((s) => s.importance))
    extra.set(info.project, { urgency, importance, median: median(mine.map((s) => s.urgency + s.importance)), raters: mine.length })
    // supporters and buildings are the project's (its suggesters), as the tie rules say
    return { project: info.project, value: Math.round((urgency + importance) * 1000) / 1000, supporters: info.supporters, buildings: info.buildings }
  })
  return rank(rows, p.seed).map((r) => ({ ...r, ...extra.get(r.project)! }))
}
