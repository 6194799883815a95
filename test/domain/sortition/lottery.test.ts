import { beforeAll, describe, expect, it } from 'vitest'
import { panelProblems } from '../../../src/domain/sortition/groups.js'
import { computeProbabilities, type SelectionResult } from '../../../src/domain/sortition/leximin.js'
import { buildLottery, type Lottery } from '../../../src/domain/sortition/lottery.js'
import { syntheticInstance } from '../../../src/domain/sortition/synthetic.js'
import type { Instance } from '../../../src/domain/sortition/types.js'
import { people } from './helpers.js'

async function lotteryFor(instance: Instance): Promise<{ selection: SelectionResult; lottery: Lottery }> {
  const selection = await computeProbabilities(instance)
  if (!selection.feasible) throw new Error(selection.reasons.join('；'))
  return { selection, lottery: await buildLottery(instance, selection) }
}

describe('transparent lottery of 1000 panels', () => {
  // 80 volunteers, 12 seats, quotas on 4 buildings, age, gender and tenure; scarce groups included
  const instance = syntheticInstance({ candidates: 80, seats: 12, buildings: 4, seed: 7 })
  let selection: SelectionResult
  let lottery: Lottery
  beforeAll(async () => {
    ;({ selection, lottery } = await lotteryFor(instance))
  })

  it('has 1000 panels, each satisfying every quota', () => {
    expect(lottery.panels).toHaveLength(1000)
    const byId = new Map(instance.candidates.map((c) => [c.id, c]))
    for (const p of lottery.panels) expect(panelProblems(instance, p, byId)).toEqual([])
  })

  it('reproduces every computed probability within 1/1000', () => {
    expect(lottery.exact).toBe(true)
    const counts = new Map<string, number>()
    for (const p of lottery.panels) for (const id of p) counts.set(id, (counts.get(id) ?? 0) + 1)
    for (const c of instance.candidates) {
      const freq = (counts.get(c.id) ?? 0) / 1000
      expect(Math.abs(freq - selection.probabilities[c.id]!)).toBeLessThanOrEqual(0.001 + 1e-9)
      expect(lottery.chances[c.id]).toBe(freq)
    }
    expect(lottery.maxDeviation).toBeLessThanOrEqual(0.001 + 1e-9)
  })

  it('is deterministic', async () => {
    const again = await buildLottery(instance, selection)
    expect(again.panels).toEqual(lottery.panels)
  })

  it('a symmetric pool gives everyone exactly the same number of panels', async () => {
    const { lottery: l } = await lotteryFor({ candidates: people(10, {}), seats: 4, quotas: [] })
    const counts = new Map<string, number>()
    for (const p of l.panels) for (const id of p) counts.set(id, (counts.get(id) ?? 0) + 1)
    expect(new Set(counts.values())).toEqual(new Set([400]))
  })

  it('a forced candidate is on every panel', async () => {
    const candidates = [...people(1, { building: '3' }, 'a'), ...people(9, { building: '5' }, 'b')]
    const { lottery: l } = await lotteryFor({ candidates, seats: 3, quotas: [{ feature: 'building', value: '3', min: 1, max: 3 }] })
    expect(l.panels.every((p) => p.includes('a1'))).toBe(true)
    expect(l.chances.a1).toBe(1)
  })
})
