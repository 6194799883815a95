import { describe, expect, it } from 'vitest'
import { rankCouncilScores, tallyDots, type DotBallot } from '../../../src/domain/rounds/tally.js'

const t = (min: number) => new Date(Date.UTC(2026, 11, 1, 0, min))
const CLOSE = t(60)
const ballot = (voterKey: string, building: number | null, dots: number[], at = 0): DotBallot => ({ voterKey, building, dots, castAt: t(at) })

describe('tallyDots', () => {
  it('stacks repeated dots and counts distinct voters and buildings', () => {
    const { ranking, voters } = tallyDots([ballot('3-502', 3, [1, 1, 2]), ballot('5-101', 5, [1]), ballot('3-601', 3, [2])], { projects: [1, 2, 3], closesAt: CLOSE, seed: 's' })
    expect(voters).toBe(3)
    expect(ranking.map((r) => [r.project, r.value, r.supporters, r.buildings, r.rank])).toEqual([
      [1, 3, 2, 2, 1],
      [2, 2, 2, 1, 2],
      [3, 0, 0, 0, 3],
    ])
  })

  it('counts only the latest ballot of a voter (re-voting replaces)', () => {
    const { ranking } = tallyDots([ballot('3-502', 3, [1, 1, 1], 1), ballot('3-502', 3, [2], 5)], { projects: [1, 2], closesAt: CLOSE, seed: 's' })
    expect(ranking[0]).toMatchObject({ project: 2, value: 1 })
    expect(ranking[1]).toMatchObject({ project: 1, value: 0 })
  })

  it('refuses late ballots, and a late re-vote does not replace the one in time', () => {
    const { ranking, late } = tallyDots([ballot('a', 3, [1], 10), ballot('a', 3, [2], 61)], { projects: [1, 2], closesAt: CLOSE, seed: 's' })
    expect(late).toBe(1)
    expect(ranking[0]).toMatchObject({ project: 1, value: 1 })
  })

  it('breaks ties by supporters, then buildings, then the published lot', () => {
    // 1 and 2: 2 votes each; 1 from two voters, 2 from one voter
    const bySupporters = tallyDots([ballot('a', 3, [1, 2, 2]), ballot('b', 3, [1])], { projects: [1, 2], closesAt: CLOSE, seed: 's' }).ranking
    expect(bySupporters.map((r) => r.project)).toEqual([1, 2])
    // same votes and voters: more buildings first
    const byBuildings = tallyDots([ballot('a', 3, [1, 2]), ballot('b', 5, [1]), ballot('c', 3, [2])], { projects: [1, 2], closesAt: CLOSE, seed: 's' }).ranking
    expect(byBuildings.map((r) => r.project)).toEqual([1, 2])
    // all equal: the lot decides, the same way for the same seed, maybe otherwise for another
    const tied = (seed: string) => tallyDots([ballot('a', 3, [1, 2])], { projects: [1, 2], closesAt: CLOSE, seed }).ranking.map((r) => r.project)
    expect(tied('公开种子')).toEqual(tied('公开种子'))
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((s) => tied(s).join()))
    expect(orders.size).toBe(2)
  })

  it('ranks an empty round (abstentions only) by the lot', () => {
    const { ranking, voters } = tallyDots([], { projects: [4, 5, 6], closesAt: CLOSE, seed: 'x' })
    expect(voters).toBe(0)
    expect(ranking.map((r) => r.value)).toEqual([0, 0, 0])
    expect(new Set(ranking.map((r) => r.project))).toEqual(new Set([4, 5, 6]))
  })
})

describe('rankCouncilScores', () => {
  const info = [
    { project: 1, supporters: 5, buildings: 2 },
    { project: 2, supporters: 9, buildings: 3 },
    { project: 3, supporters: 1, buildings: 1 },
  ]
  it('ranks by the sum of mean urgency and mean importance; the latest score of a member counts', () => {
    const ranked = rankCouncilScores(
      [
        { member: 'a', project: 1, urgency: 5, importance: 5, at: t(1) },
        { member: 'b', project: 1, urgency: 3, importance: 3, at: t(1) },
        { member: 'a', project: 2, urgency: 1, importance: 1, at: t(1) },
        { member: 'a', project: 2, urgency: 4, importance: 4, at: t(2) },
      ],
      { projects: info, seed: 's' },
    )
    // P1: (5+3)/2 + (5+3)/2 = 8 from two members; P2: member a's later 4+4 = 8; tied on score,
    // P2 has more supporters among residents
    expect(ranked.map((r) => [r.project, r.value, r.raters, r.median])).toEqual([
      [2, 8, 1, 8],
      [1, 8, 2, 8],
      [3, 0, 0, 0],
    ])
  })

  it('breaks a score tie by the projects supporters', () => {
    const ranked = rankCouncilScores(
      [
        { member: 'a', project: 1, urgency: 4, importance: 4, at: t(1) },
        { member: 'a', project: 2, urgency: 4, importance: 4, at: t(1) },
      ],
      { projects: info, seed: 's' },
    )
    expect(ranked.map((r) => r.project).slice(0, 2)).toEqual([2, 1])
  })
})
