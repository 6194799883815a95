import { describe, expect, it } from 'vitest'
import { checkFeasibility, quickInfeasibility } from '../../../src/domain/sortition/feasibility.js'
import { computeProbabilities } from '../../../src/domain/sortition/leximin.js'
import type { Quota } from '../../../src/domain/sortition/types.js'
import { people } from './helpers.js'

const buildings = (n: number, each: number) => Array.from({ length: n }, (_, b) => people(each, { building: String(b + 1) }, `b${b + 1}-`)).flat()
const perBuilding = (n: number, min: number, max: number): Quota[] =>
  Array.from({ length: n }, (_, b) => ({ feature: 'building', value: String(b + 1), min, max }))

describe('feasibility explained in Chinese', () => {
  it('a building with no volunteers', async () => {
    const r = await checkFeasibility({ candidates: buildings(2, 5), seats: 4, quotas: [...perBuilding(2, 1, 4), { feature: 'building', value: '3', min: 1, max: 2 }] })
    expect(r).toEqual({ feasible: false, reasons: ['3号楼至少 1 席，但3号楼没有报名者'] })
  })

  it('per-building minimums add up to more than the seats', () => {
    expect(quickInfeasibility({ candidates: buildings(12, 3), seats: 10, quotas: perBuilding(12, 1, 3) })).toEqual(['各栋最少席位合计 12 席，超过总席位 10 席'])
  })

  it('too few volunteers of a group', () => {
    const candidates = [...people(20, { gender: '女' }, 'w'), ...people(40, { gender: '男' }, 'm')]
    expect(quickInfeasibility({ candidates, seats: 40, quotas: [{ feature: 'gender', value: '女', min: 25, max: 30 }] })).toEqual(['女性至少 25 席，但只有 20 位女性报名'])
  })

  it('maximums too tight to fill the seats', () => {
    const r = quickInfeasibility({ candidates: buildings(3, 10), seats: 10, quotas: perBuilding(3, 1, 3) })
    expect(r).toEqual(['按各栋的上限（1号楼应为 1–3 席，2号楼应为 1–3 席，3号楼应为 1–3 席），最多只能选出 9 人，不足总席位 10 席'])
  })

  it('malformed quotas and pools', () => {
    const r = quickInfeasibility({ candidates: [...people(2, {}), ...people(1, {})], seats: 0, quotas: [{ feature: 'gender', value: '女', min: 3, max: 1 }] })
    expect(r).toEqual(['席位数必须是正整数', '报名名单中编号「p1」重复', '女性至少 3 席，但又规定至多 1 席，自相矛盾'])
  })

  it('quotas that only clash in combination: the solver finds it, and says which to relax', async () => {
    // 2 seats, both must be women and both must be 60+, but no woman is 60+
    const candidates = [...people(2, { gender: '女', age: '18-39' }, 'w'), ...people(2, { gender: '男', age: '60+' }, 'm')]
    const quotas: Quota[] = [
      { feature: 'gender', value: '女', min: 2, max: 2 },
      { feature: 'age', value: '60+', min: 2, max: 2 },
    ]
    expect(quickInfeasibility({ candidates, seats: 2, quotas })).toEqual([])
    const r = await computeProbabilities({ candidates, seats: 2, quotas })
    expect(r.feasible).toBe(false)
    if (r.feasible) return
    expect(r.reasons[0]).toContain('合在一起无法同时满足')
    expect(r.reasons[1]).toBe('放宽「各年龄段」或「性别」的配额即可')
    expect(r).not.toHaveProperty('distribution')
  })

  it('a feasible instance passes', async () => {
    expect(await checkFeasibility({ candidates: buildings(3, 4), seats: 6, quotas: perBuilding(3, 1, 3) })).toEqual({ feasible: true })
  })
})
