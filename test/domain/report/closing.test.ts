import { describe, expect, it } from 'vitest'
import { closingReport, participation, STAGES, voterUnit, type BallotRow, type RoundRow } from '../../../src/domain/report/closing.js'

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 2))
const round = (id: number, kind: string, projectIds: number[], opensAt: Date, status = 'closed'): RoundRow => ({ id, kind, status, projectIds, opensAt })
const ballot = (roundId: number, voterKey: string, buildingId: number | null, dots: number[], home: [string, number] | null = null): BallotRow => ({
  roundId,
  voterKey,
  buildingId,
  dots,
  personHouseholdKey: home?.[0] ?? null,
  personBuildingId: home?.[1] ?? null,
})

describe('participation', () => {
  it('counts households once per building, a person through their household, satisfaction from closed rounds', () => {
    const rounds = [round(1, 'resident', [1], day(1)), round(2, 'resolution', [1], day(2)), round(3, 'acceptance', [1], day(3)), round(4, 'acceptance', [2], day(4), 'open')]
    const ballots = [
      ballot(1, 'household:a', 10, [1]),
      ballot(2, 'household:a', 10, [1]),
      ballot(1, 'person:7', 10, [1], ['b', 20]),
      ballot(3, 'household:a', 10, [5]),
      ballot(3, 'household:c', 20, [3]),
      ballot(4, 'household:c', 20, [1]),
      ballot(1, 'person:99', null, [1]),
    ]
    const { rows, total } = participation({
      buildings: [{ id: 20, number: 5 }, { id: 10, number: 3 }],
      households: [{ buildingId: 10, confirmed: true }, { buildingId: 20, confirmed: false }],
      suggesters: [{ buildingId: 10 }],
      rounds,
      ballots,
    })
    expect(rows.map((r) => [r.building, r.registered, r.confirmed, r.suggested, r.voted, r.rated, r.satisfaction])).toEqual([
      [3, 1, 1, 1, 1, 1, 5],
      [5, 1, 0, 0, 1, 1, 3],
      [null, 0, 0, 0, 1, 0, null],
    ])
    expect(total).toMatchObject({ building: null, registered: 2, voted: 3, rated: 2, satisfaction: 4 })
    expect(voterUnit(ballot(1, 'person:7', 10, [], ['b', 20]))).toEqual({ unit: 'household:b', building: 20 })
  })
})

describe('closingReport', () => {
  it('counts every stage, and days from the first suggestion to the first 完成', () => {
    const r = closingReport({
      buildings: [],
      households: [],
      suggesters: [],
      rounds: [round(5, 'acceptance', [1], day(21)), round(3, 'acceptance', [1], day(11)), round(4, 'acceptance', [2], day(6)), round(6, 'resident', [3], day(2))],
      ballots: [],
      projects: [
        { id: 1, name: 'a', stage: 'accepted', firstSuggestedAt: day(1) },
        { id: 2, name: 'b', stage: 'accepting', firstSuggestedAt: day(2) },
        { id: 3, name: 'c', stage: 'pool', firstSuggestedAt: day(3) },
        { id: 4, name: 'd', stage: 'accepted', firstSuggestedAt: null },
      ],
    })
    expect(r.stages.map((s) => s.stage)).toEqual([...STAGES])
    expect(Object.fromEntries(r.stages.map((s) => [s.stage, s.count]))).toMatchObject({ pool: 1, accepting: 1, accepted: 2, assigned: 0 })
    expect(r.durations).toEqual([
      { project: 1, name: 'a', days: 10 },
      { project: 2, name: 'b', days: 4 },
    ])
    expect([r.medianDays, r.meanDays]).toEqual([7, 7])
  })
  it('has no times without finished projects', () => {
    const r = closingReport({ buildings: [], households: [], suggesters: [], rounds: [], ballots: [], projects: [] })
    expect([r.durations, r.medianDays, r.meanDays]).toEqual([[], null, null])
  })
})
