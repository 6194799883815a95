import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCouncilSpec, type QuotaRule } from '../../../src/domain/council/quotas.js'
import { describeRules, quotaReply } from '../../../src/features/council/text.js'

const ok = (s: string) => {
  const r = parseCouncilSpec(s)
  if (!r.ok) throw new Error(`not parsed: ${s} → ${quotaReply(r.reason)}`)
  return r.value
}

describe('parseCouncilSpec', () => {
  it.each<[string, number, QuotaRule[]]>([
    ['40席 每栋至少1席 女性至少15席 60岁以上至多20席', 40, [
      { feature: 'building', value: '*', min: 1 },
      { feature: 'gender', value: '女', min: 15 },
      { feature: 'age', value: '60岁以上', max: 20 },
    ]],
    ['四十席，每栋至少一席，女性不少于十五人', 40, [
      { feature: 'building', value: '*', min: 1 },
      { feature: 'gender', value: '女', min: 15 },
    ]],
    ['共40人 3号楼最少2名 三号楼最多5名', 40, [{ feature: 'building', value: '3', min: 2, max: 5 }]],
    ['４０席 每一栋不少于1席 男不超过25席 青年至少5席 中年10-20席 老年人最多二十席 业主至多30人 租户至少3人', 40, [
      { feature: 'building', value: '*', min: 1 },
      { feature: 'gender', value: '男', max: 25 },
      { feature: 'age', value: '18-39岁', min: 5 },
      { feature: 'age', value: '40-59岁', min: 10, max: 20 },
      { feature: 'age', value: '60岁以上', max: 20 },
      { feature: 'tenure', value: '业主', max: 30 },
      { feature: 'tenure', value: '租户', min: 3 },
    ]],
    ['10席 18-39岁至少2席 六十岁以上至多4席 女5席', 10, [
      { feature: 'age', value: '18-39岁', min: 2 },
      { feature: 'age', value: '60岁以上', max: 4 },
      { feature: 'gender', value: '女', min: 5, max: 5 },
    ]],
    ['40席', 40, []],
  ])('%s', (input, seats, rules) => {
    expect(ok(input)).toEqual({ seats, rules })
  })

  it.each([
    ['', 'empty', '请写明席位和配额'],
    ['每栋至少1席', 'noSeats', '请写明总席位'],
    ['40席 女性至少', 'noCount', '女性要多少席'],
    ['40席 党员至少5席', 'unknown', '没看懂「党员至少5席」'],
    ['40席 女性至少30席 女性至多20席', 'contradiction', '自相矛盾'],
    ['4席 女性至少5席', 'overSeats', '超过总席位 4 席'],
    ['0席', 'seatsRange', '总席位应在 1 到 500 之间'],
  ])('rejects %j helpfully', (input, code, reply) => {
    const r = parseCouncilSpec(input)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.reason.code).toBe(code)
      expect(quotaReply(r.reason)).toContain(reply)
    }
  })

  it('never throws; a rejection is a short Chinese sentence', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789席人每栋号楼女男至少多不超过青中老年岁以上业主租户一二三十 ,，、-') })), (s) => {
        const r = parseCouncilSpec(s)
        if (!r.ok) {
          const reply = quotaReply(r.reason)
          expect(reply.length).toBeGreaterThan(0)
          expect(reply.length).toBeLessThan(200)
          expect(reply).toMatch(/[\u4e00-\u9fff]/)
        } else {
          expect(r.value.seats).toBeGreaterThanOrEqual(1)
          for (const q of r.value.rules) expect((q.min ?? 0) <= (q.max ?? r.value.seats)).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('reads back what describeRules writes', () => {
    const rule = fc.record({
      feature: fc.constantFrom('building', 'gender', 'age', 'tenure'),
      pick: fc.nat(20),
      a: fc.nat(20),
      b: fc.nat(20),
      kind: fc.constantFrom('min', 'max', 'both'),
    })
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 500 }), fc.array(rule, { maxLength: 6 }), (seats, raw) => {
        const values: Record<string, string[]> = { building: ['*', '3', '12'], gender: ['女', '男'], age: ['18-39岁', '40-59岁', '60岁以上'], tenure: ['业主', '租户'] }
        const rules: QuotaRule[] = []
        for (const r of raw) {
          const vs = values[r.feature]!
          const value = vs[r.pick % vs.length]!
          if (rules.some((x) => x.feature === r.feature && x.value === value)) continue
          const [lo, hi] = [Math.min(r.a, r.b), Math.max(r.a, r.b)]
          rules.push({ feature: r.feature as QuotaRule['feature'], value, ...(r.kind === 'max' ? { max: hi } : r.kind === 'min' ? { min: lo } : { min: lo, max: hi }) })
        }
        const text = `${seats}席 ${describeRules(rules).replace(/，/g, ' ')}`
        expect(ok(text)).toEqual({ seats, rules })
      }),
      { numRuns: 500 },
    )
  })
})
