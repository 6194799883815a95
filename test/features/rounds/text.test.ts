import { describe, expect, it } from 'vitest'
import { tallyDots, type DotBallot } from '../../../src/domain/rounds/tally.js'
import { rankingBars } from '../../../src/features/rounds/text.js'

const t = (min: number) => new Date(Date.UTC(2026, 11, 1, 0, min))
const CLOSE = t(60)
const ballot = (voterKey: string, building: number | null, dots: number[], at = 0): DotBallot => ({ voterKey, building, dots, castAt: t(at) })

describe('rankingBars', () => {
  it('draws bars relative to the top and shows the counts', () => {
    const { ranking } = tallyDots([ballot('a', 3, [1, 1]), ballot('b', 5, [2])], { projects: [1, 2], closesAt: CLOSE, seed: 's' })
    const lines = rankingBars(ranking, { unit: '票', who: '户', names: new Map([[1, '路灯'], [2, '车棚']]) })
    expect(lines).toEqual(['1. P1 路灯 ██████████ 2票（1户，1栋）', '2. P2 车棚 █████░░░░░ 1票（1户，1栋）'])
  })
})
