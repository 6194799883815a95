import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildingLabel, householdLabel, neighbourName, parseBuilding, parseHousehold, type Parsed } from '../../src/domain/address.js'

const CJK = /[\u4e00-\u9fff]/

/** A rejection must be a short Chinese sentence, never empty, never a stack trace. */
function expectHelpfulRejection(p: Parsed<unknown>): void {
  expect(p.ok).toBe(false)
  if (p.ok) return
  expect(p.reply.trim()).not.toBe('')
  expect(p.reply).toMatch(CJK)
  expect(p.reply).toMatch(/[。？]$/)
  expect(p.reply.length).toBeLessThan(80)
  expect(p.reply).not.toMatch(/Error|undefined|NaN|Infinity|at \w+ \(/)
}

describe('parseBuilding', () => {
  it.each([
    ['3号楼', 3],
    ['三号楼', 3],
    ['３号楼', 3],
    ['3栋', 3],
    ['3幢', 3],
    ['3座', 3],
    ['3#', 3],
    ['3#楼', 3],
    ['３＃', 3],
    ['第3栋', 3],
    ['第三栋', 3],
    ['第 3 栋', 3],
    ['十二栋', 12],
    ['十二号楼', 12],
    ['两号楼', 2],
    ['一百零五号楼', 105],
    ['3 号楼', 3],
    ['3号', 3],
    ['三楼', 3],
    ['3', 3],
    ['  3  ', 3],
    ['03号楼', 3],
    ['999号楼', 999],
    ['3号楼 502', 3],
    ['3栋2单元502室', 3],
    ['我住3号楼', 3],
    ['5楼 3号楼', 3], // 号楼 wins over a bare 楼
    ['①号楼', 1],
  ])('%j → %d', (s, n) => {
    expect(parseBuilding(s)).toEqual({ ok: true, value: n })
  })

  it.each(['', '   ', '楼', '号楼', 'abc', '第栋', '3.5号楼', '2单元', '502室', '路灯坏了', '3-502', '#'])('%j asks for a building number', (s) => {
    const p = parseBuilding(s)
    expectHelpfulRejection(p)
    if (!p.ok) expect(p.reply).toContain('3号楼')
  })

  it.each([
    ['0号楼', '0'],
    ['0', '0'],
    ['1000号楼', '1000'],
    ['12345号楼', '12345'], // not read as 2345
    ['5023栋', '5023'],
  ])('%j is out of range and says so', (s, shown) => {
    const p = parseBuilding(s)
    expectHelpfulRejection(p)
    if (!p.ok) expect(p.reply).toContain(`楼号 ${shown} 不对`)
  })

  it('does not repeat an absurdly long number back', () => {
    const p = parseBuilding(`${'9'.repeat(500)}号楼`)
    expectHelpfulRejection(p)
  })

  it('reads any building 1..999 in digits, full-width or Chinese', () => {
    const fullWidth = (n: number) => [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('号楼', '栋', '幢', '座', '#'), (n, suffix) => {
        expect(parseBuilding(`${n}${suffix}`)).toEqual({ ok: true, value: n })
        expect(parseBuilding(`${fullWidth(n)}${suffix}`)).toEqual({ ok: true, value: n })
        expect(parseBuilding(buildingLabel(n))).toEqual({ ok: true, value: n })
      }),
    )
  })

  it('never throws; a rejection is always a helpful Chinese reply', () => {
    const addressy = fc.string({ unit: fc.constantFrom(...'0123456789三十二号楼栋幢#第单元室- ．.３'), maxLength: 30 })
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), addressy), (s) => {
        const p = parseBuilding(s)
        if (p.ok) {
          expect(Number.isInteger(p.value)).toBe(true)
          expect(p.value).toBeGreaterThanOrEqual(1)
          expect(p.value).toBeLessThanOrEqual(999)
        } else expectHelpfulRejection(p)
      }),
    )
  })
})

describe('parseHousehold', () => {
  it.each([
    ['3号楼 502', 3, '502'],
    ['3号楼502', 3, '502'],
    ['3号楼 502室', 3, '502'],
    ['3栋2单元502室', 3, '2单元502'],
    ['3号楼 2单元 502', 3, '2单元502'],
    ['三号楼五零二', 3, '502'],
    ['三号楼 五百零二', 3, '502'],
    ['三号楼 二单元 五零二', 3, '2单元502'],
    ['十二幢一单元一二零一', 12, '1单元1201'],
    ['3-502', 3, '502'],
    ['3 - 502', 3, '502'],
    ['3-2-502', 3, '2单元502'],
    ['12-1201', 12, '1201'],
    ['3－502', 3, '502'],
    ['3—2—502', 3, '2单元502'],
    ['3 502', 3, '502'],
    ['3 2 502', 3, '2单元502'],
    ['３号楼５０２', 3, '502'],
    ['３号楼　５０２室', 3, '502'],
    ['12幢1单元1201', 12, '1单元1201'],
    ['3#502', 3, '502'],
    ['3#楼502', 3, '502'],
    ['第3栋502', 3, '502'],
    ['3栋 2-502', 3, '2单元502'],
    ['3号楼-502', 3, '502'],
    ['3号楼 502 2单元', 3, '2单元502'],
    ['2单元 3号楼 502', 3, '2单元502'],
    ['3号楼五层502', 3, '502'], // the floor is skipped
    ['3号楼 5楼 502', 3, '502'],
    ['3号楼 2单元502 楼上', 3, '2单元502'],
    ['3号楼 502 电话13912345678', 3, '502'],
    ['3楼502', 3, '502'],
    ['3号502', 3, '502'],
    ['3号楼 5023号', 3, '5023'],
    ['3号楼 一千零一', 3, '1001'],
    ['3号楼 0502', 3, '502'],
    ['我家是3号楼502', 3, '502'],
  ])('%j → building %d, unit %j', (s, building, unit) => {
    expect(parseHousehold(s)).toEqual({ ok: true, value: { building, unit } })
  })

  it.each([
    ['', '楼号和门牌'],
    ['   ', '楼号和门牌'],
    ['楼', '楼号和门牌'],
    ['abc', '楼号和门牌'],
    ['502', '楼号和门牌'],
    ['三单元五零二', '楼号和门牌'],
    ['3号楼', '门牌号'],
    ['三号楼', '门牌号'],
    ['3号楼 2单元', '门牌号'],
    ['3号楼 5楼', '门牌号'],
    ['3号楼 502.5', '门牌号'],
    ['3号楼 0', '门牌号 0 不对'],
    ['3-0', '门牌号 0 不对'],
    ['3号楼 123456', '门牌号 123456 不对'],
    ['0号楼 502', '楼号 0 不对'],
    ['0-502', '楼号 0 不对'],
    ['1000号楼 1', '楼号 1000 不对'],
    ['12345号楼 502', '楼号 12345 不对'],
    ['3-0-502', '单元号 0 不对'],
    ['3号楼 100单元 502', '单元号 100 不对'],
  ])('%j is refused: %s', (s, hint) => {
    const p = parseHousehold(s)
    expectHelpfulRejection(p)
    if (!p.ok) {
      expect(p.reply).toContain(hint)
      expect(p.reply).toContain('登记 3号楼 502') // always shows an example
    }
  })

  it('round-trips through householdLabel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
        fc.integer({ min: 1, max: 99999 }),
        (building, unitNo, room) => {
          const unit = unitNo === undefined ? String(room) : `${unitNo}单元${room}`
          const label = householdLabel({ building, unit })
          expect(parseHousehold(label)).toEqual({ ok: true, value: { building, unit } })
          const dashed = unitNo === undefined ? `${building}-${room}` : `${building}-${unitNo}-${room}`
          expect(parseHousehold(dashed)).toEqual({ ok: true, value: { building, unit } })
        },
      ),
    )
  })

  it('never throws; a rejection is always a helpful Chinese reply', () => {
    const addressy = fc.string({ unit: fc.constantFrom(...'0123456789三五零二号楼栋#单元室层- —.３５'), maxLength: 40 })
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), addressy), (s) => {
        const p = parseHousehold(s)
        if (p.ok) {
          expect(p.value.building).toBeGreaterThanOrEqual(1)
          expect(p.value.building).toBeLessThanOrEqual(999)
          expect(p.value.unit).toMatch(/^(?:[1-9]\d?单元)?[1-9]\d{0,4}$/)
        } else expectHelpfulRejection(p)
      }),
    )
  })

  it('handles 5,000 characters quickly', () => {
    const t = performance.now()
    expect(parseHousehold(`3号楼 ${'5'.repeat(5000)}`).ok).toBe(false)
    expect(parseHousehold(`${'3 '.repeat(2500)}`).ok).toBe(false)
    expect(parseHousehold(`${'第'.repeat(5000)}3号楼 502`)).toEqual({ ok: true, value: { building: 3, unit: '502' } })
    expect(parseBuilding('1'.repeat(5000) + '号楼').ok).toBe(false)
    expect(performance.now() - t).toBeLessThan(1000)
  })
})

describe('neighbourName (代提: the name without the door number)', () => {
  it('cuts the address however it was typed', () => {
    for (const typed of ['王奶奶 3号楼 502', '王奶奶3号楼502', '王奶奶三号楼五零二', '王奶奶 3-2-502', '王奶奶#3']) expect(neighbourName(typed)).toBe('王奶奶')
    expect(neighbourName('3号楼502')).toBe('邻居')
  })
  it('never throws and never shows a digit', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => !/[0-9０-９]/.test(neighbourName(s))))
  })
})
