import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskDoors, parseGridArgs, parseReportRef } from '../../../src/features/reports/parse.js'
import { reportText as t } from '../../../src/features/reports/text.js'
import { expectShortSentence, typed } from '../sentences.js'

const RUNS = { numRuns: 1000 }

describe('a report’s code and the words after it', () => {
  it('reads R12 anywhere, tolerantly; the rest keeps Chinese punctuation', () => {
    expect(parseReportRef('R12 已清理')).toEqual({ ok: true, value: { id: 12, rest: '已清理' } })
    expect(parseReportRef('ｒ１２，已清理，垃圾已运走')).toEqual({ ok: true, value: { id: 12, rest: '已清理，垃圾已运走' } })
    expect(parseReportRef('已清理 r 7')).toEqual({ ok: true, value: { id: 7, rest: '已清理' } })
    expect(parseReportRef('已清理').ok).toBe(false)
    expect(parseReportRef('R0').ok).toBe(false)
  })

  it('never throws; a refusal is one short Chinese sentence', () => {
    fc.assert(
      fc.property(typed(['R', 'r', '已清理', '处理']), (s) => {
        const r = parseReportRef(s)
        if (!r.ok) return expectShortSentence(t.needCode(t.examples.handle))
        expect(r.value.id).toBeGreaterThan(0)
      }),
      RUNS,
    )
  })
})

describe('网格员 buildings', () => {
  it('reads lists, ranges and bare numbers; 取消', () => {
    const b = (s: string) => {
      const r = parseGridArgs(s)
      return r.ok ? r.value : r.reason.code
    }
    expect(b('@李四\u2005 3号楼 5号楼')).toEqual({ buildings: [3, 5], revoke: false })
    expect(b('3、5号楼 @李四')).toEqual({ buildings: [3, 5], revoke: false })
    expect(b('三号楼到六号楼')).toEqual({ buildings: [3, 4, 5, 6], revoke: false })
    expect(b('3-6栋')).toEqual({ buildings: [3, 4, 5, 6], revoke: false })
    expect(b('3 5')).toEqual({ buildings: [3, 5], revoke: false })
    expect(b('@李四 取消')).toEqual({ buildings: [], revoke: true })
    expect(b('@李四')).toBe('no-building')
    expect(b('1000号楼')).toBe('bad-building')
    expect(b('1-200号楼')).toBe('too-many')
  })

  it('never throws; every refusal is one short Chinese sentence; buildings are 1..999', () => {
    fc.assert(
      fc.property(typed(['号楼', '栋', '到', '-', '取消', '、']), (s) => {
        const r = parseGridArgs(s)
        if (!r.ok) return expectShortSentence(t.gridProblem(r.reason))
        expect(r.value.buildings.every((n) => n >= 1 && n <= 999)).toBe(true)
      }),
      RUNS,
    )
  })
})

describe('door numbers never reach a group', () => {
  it('masks doors and phones; keeps buildings, years, money and counts', () => {
    expect(maskDoors('5号楼502门口堆了杂物')).toBe('5号楼***门口堆了杂物')
    expect(maskDoors('2单元1201漏水，电话13812345678')).toBe('2单元***漏水，电话***')
    expect(maskDoors('101号楼门口，2026年修过，花了300元，100个桶')).toBe('101号楼门口，2026年修过，花了300元，100个桶')
  })

  it('never throws, and no run of 3+ digits that could be a door is left', () => {
    fc.assert(
      fc.property(typed(['门口', '室', '号', '单元']), (s) => {
        const masked = maskDoors(s)
        for (const m of masked.matchAll(/(?<![\d.])\d{3,}(?![\d.])/g)) {
          expect(masked.slice(m.index! + m[0].length)).toMatch(/^\s*(号楼|栋|幢|座|#|年|元|块|米|平|分|%|月|日|天|小时|斤|公斤|吨|个|辆|人)/)
        }
      }),
      RUNS,
    )
  })
})
