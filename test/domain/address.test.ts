import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addressText } from '../../src/domain/address.text.js'
import { buildingLabel, doorNumber, householdLabel, neighbourName, parseBuilding, parseHousehold, type BuildingRead, type HouseholdAddress, type HouseholdReason } from '../../src/domain/address.js'
import type { Parsed } from '../../src/domain/parsed.js'
import { householdText } from '../../src/features/households/text.js'

const CJK = /[\u4e00-\u9fff]/

/** A rejection must be a short Chinese sentence, never empty, never a stack trace. */
function expectHelpfulSentence(reply: string): void {
  expect(reply.trim()).not.toBe('')
  expect(reply).toMatch(CJK)
  expect(reply).toMatch(/[。？]$/)
  expect(reply.length).toBeLessThan(80)
  expect(reply).not.toMatch(/Error|undefined|NaN|Infinity|at \w+ \(/)
}

/** parseBuilding's refusal: a reason and its sentence (addressText) */
function buildingRefusal(p: BuildingRead): string {
  expect(p.ok).toBe(false)
  if (p.ok) return ''
  const sentence = addressText.buildingRefused(p.reason)
  expectHelpfulSentence(sentence)
  return sentence
}

/** parseHousehold's refusal: a reason, and the sentence 登记 says for it */
function householdRefusal(p: Parsed<HouseholdAddress, HouseholdReason>): string {
  expect(p.ok).toBe(false)
  if (p.ok) return ''
  const sentence = householdText.householdRefused(p.reason)
  expectHelpfulSentence(sentence)
  return sentence
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
    expect(p.ok || p.reason).toEqual({ code: 'noBuilding' })
    expect(buildingRefusal(p)).toContain('3号楼')
  })

  it.each([
    ['0号楼', '0'],
    ['0', '0'],
    ['1000号楼', '1000'],
    ['12345号楼', '12345'], // not read as 2345
    ['5023栋', '5023'],
  ])('%j is out of range and says so', (s, shown) => {
    const p = parseBuilding(s)
    expect(p.ok || p.reason).toEqual({ code: 'badBuilding', typed: shown, max: 999 })
    expect(buildingRefusal(p)).toContain(`楼号 ${shown} 不对`)
  })

  it('does not repeat an absurdly long number back', () => {
    const p = parseBuilding(`${'9'.repeat(500)}号楼`)
    expect(p.ok || p.reason).toEqual({ code: 'badBuilding', typed: null, max: 999 })
    expect(buildingRefusal(p)).toBe('楼号 不对，请写 1 到 999 之间的楼号。')
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
        } else buildingRefusal(p)
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
    ['', 'noAddress', undefined, '楼号和门牌'],
    ['   ', 'noAddress', undefined, '楼号和门牌'],
    ['楼', 'noAddress', undefined, '楼号和门牌'],
    ['abc', 'noAddress', undefined, '楼号和门牌'],
    ['502', 'noAddress', undefined, '楼号和门牌'],
    ['三单元五零二', 'noAddress', undefined, '楼号和门牌'],
    ['3号楼', 'noRoom', undefined, '门牌号'],
    ['三号楼', 'noRoom', undefined, '门牌号'],
    ['3号楼 2单元', 'noRoom', undefined, '门牌号'],
    ['3号楼 5楼', 'noRoom', undefined, '门牌号'],
    ['3号楼 502.5', 'noRoom', undefined, '门牌号'],
    ['3号楼 0', 'badRoom', '0', '门牌号 0 不对'],
    ['3-0', 'badRoom', '0', '门牌号 0 不对'],
    ['3号楼 123456', 'badRoom', '123456', '门牌号 123456 不对'],
    ['0号楼 502', 'badBuilding', '0', '楼号 0 不对'],
    ['0-502', 'badBuilding', '0', '楼号 0 不对'],
    ['1000号楼 1', 'badBuilding', '1000', '楼号 1000 不对'],
    ['12345号楼 502', 'badBuilding', '12345', '楼号 12345 不对'],
    ['3-0-502', 'badUnit', '0', '单元号 0 不对'],
    ['3号楼 100单元 502', 'badUnit', '100', '单元号 100 不对'],
  ])('%j is refused: %s', (s, code, typed, hint) => {
    const p = parseHousehold(s)
    expect(p.ok || p.reason).toEqual(typed === undefined ? { code } : { code, typed })
    const sentence = householdRefusal(p)
    expect(sentence).toContain(hint)
    expect(sentence).toContain('登记 3号楼 502') // always shows an example
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
        } else householdRefusal(p)
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

describe('doorNumber', () => {
  it('is the door without the unit', () => {
    expect(doorNumber('502')).toBe('502')
    expect(doorNumber('2单元502')).toBe('502')
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
