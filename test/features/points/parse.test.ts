import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_AWARD, parseBoardName, parseItem, parseItemRef, parsePointsEntry } from '../../../src/features/points/parse.js'
import { pointsText as t } from '../../../src/features/points/text.js'
import { expectShortSentence, typed } from '../sentences.js'

const RUNS = { numRuns: 1000 }

describe('记分', () => {
  it('reads an amount and a reason, with the @-mention anywhere; 冲正 of an entry', () => {
    expect(parsePointsEntry('@张三\u2005 10 清理楼道')).toEqual({ ok: true, value: { kind: 'award', points: 10, reason: '清理楼道' } })
    expect(parsePointsEntry('10分 清理楼道 @张三\u2005')).toEqual({ ok: true, value: { kind: 'award', points: 10, reason: '清理楼道' } })
    expect(parsePointsEntry('五分 帮忙搬东西')).toEqual({ ok: true, value: { kind: 'award', points: 5, reason: '帮忙搬东西' } })
    expect(parsePointsEntry('冲正 15 记错了')).toEqual({ ok: true, value: { kind: 'reverse', entryId: 15, reason: '记错了' } })
    expect(parsePointsEntry('冲正 #15 记错了')).toEqual({ ok: true, value: { kind: 'reverse', entryId: 15, reason: '记错了' } })
  })

  it('refuses what it cannot take, saying how', () => {
    const reason = (s: string) => {
      const r = parsePointsEntry(s)
      return r.ok ? null : r.reason.code
    }
    expect(reason('@张三 清理楼道')).toBe('no-amount')
    expect(reason('-5 记错了')).toBe('negative')
    expect(reason('0 什么')).toBe('bad-amount')
    expect(reason(`${MAX_AWARD + 1} 太多`)).toBe('bad-amount')
    expect(reason('10')).toBe('no-reason')
    expect(reason('冲正 记错了')).toBe('no-entry')
    expect(reason('冲正 15')).toBe('no-reason')
  })

  it('never throws; every refusal is one short Chinese sentence; an award is 1..100 with a reason', () => {
    fc.assert(
      fc.property(typed(['记分', '冲正', '清理楼道', '分', '积分']), (s) => {
        const r = parsePointsEntry(s)
        if (!r.ok) return expectShortSentence(t.entryProblem(r.reason))
        if (r.value.kind === 'award') expect(r.value.points >= 1 && r.value.points <= MAX_AWARD).toBe(true)
        expect(r.value.reason.length).toBeGreaterThan(0)
      }),
      RUNS,
    )
  })
})

describe('积分商品', () => {
  it('reads name, cost, stock and 下架 in any order', () => {
    expect(parseItem('洗衣液 50分 库存20')).toEqual({ ok: true, value: { name: '洗衣液', cost: 50, stock: 20, off: false } })
    expect(parseItem('库存 20瓶 洗衣液 50积分')).toEqual({ ok: true, value: { name: '洗衣液', cost: 50, stock: 20, off: false } })
    expect(parseItem('洗衣液 库存30')).toEqual({ ok: true, value: { name: '洗衣液', stock: 30, off: false } })
    expect(parseItem('洗衣液 下架')).toEqual({ ok: true, value: { name: '洗衣液', off: true } })
  })

  it('never throws; every refusal is one short Chinese sentence', () => {
    fc.assert(
      fc.property(typed(['洗衣液', '分', '库存', '下架', '毛巾']), (s) => {
        const r = parseItem(s)
        if (!r.ok) return expectShortSentence(t.itemProblem(r.reason))
        expect(r.value.name.length).toBeGreaterThan(0)
        expect(r.value.cost === undefined || r.value.cost >= 1).toBe(true)
        expect(r.value.stock === undefined || r.value.stock >= 0).toBe(true)
      }),
      RUNS,
    )
  })
})

describe('兑换 / 核销', () => {
  it('an item by name, or a redemption by its code', () => {
    expect(parseItemRef('洗衣液')).toEqual({ name: '洗衣液' })
    expect(parseItemRef('@张三\u2005 洗衣液')).toEqual({ name: '洗衣液' })
    expect(parseItemRef('D7')).toEqual({ code: 7, name: '' })
    expect(parseItemRef('ｄ７')).toEqual({ code: 7, name: '' })
  })

  it('never throws', () => {
    fc.assert(fc.property(typed(['洗衣液', 'D', 'd']), (s) => void parseItemRef(s)), RUNS)
  })
})

describe('积分榜 称呼', () => {
  it('a short name without digits, or 不上榜', () => {
    expect(parseBoardName('张阿姨')).toEqual({ ok: true, value: '张阿姨' })
    expect(parseBoardName('不上榜。')).toEqual({ ok: true, value: null })
    expect(parseBoardName('3号楼502张阿姨')).toEqual({ ok: false, reason: { code: 'digits' } })
  })

  it('never throws; every refusal is one short Chinese sentence; a name never has a digit', () => {
    fc.assert(
      fc.property(typed(['张阿姨', '不上榜', '匿名']), (s) => {
        const r = parseBoardName(s)
        if (!r.ok) return expectShortSentence(t.boardName(r.reason))
        if (r.value !== null) expect(r.value).not.toMatch(/\p{N}/u)
      }),
      RUNS,
    )
  })
})
