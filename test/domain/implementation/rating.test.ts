import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_COMMENT_CHARS, parseRating } from '../../../src/domain/implementation/rating.js'
import { reasonText } from '../../../src/features/implementation/reasons.text.js'

const CJK = /[\u4e00-\u9fff]/
const RANGE = '请打 1 到 5 分，5 分最满意，例如「评价 P3 5 很满意」'

describe('parseRating', () => {
  it.each([
    ['P3 5 很满意', 3, 5, '很满意'],
    ['P3 5分 很满意', 3, 5, '很满意'],
    ['P3 5 分，很满意', 3, 5, '很满意'],
    ['P3 五星', 3, 5, ''],
    ['P3 五星好评', 3, 5, '好评'],
    ['P3 4颗星', 3, 4, ''],
    ['P3 打4分', 3, 4, ''],
    ['P3 ⭐⭐⭐⭐', 3, 4, ''],
    ['P3 ⭐️⭐️⭐️', 3, 3, ''],
    ['P3 ★★★☆☆ 还要改进', 3, 3, '还要改进'],
    ['P3 满意', 3, 4, '满意'],
    ['P3 比较满意', 3, 4, '比较满意'],
    ['P3 非常满意', 3, 5, '非常满意'],
    ['P3 很满意', 3, 5, '很满意'],
    ['P3 特别满意', 3, 5, '特别满意'],
    ['P3 十分满意', 3, 5, '十分满意'],
    ['P3 一般', 3, 3, '一般'],
    ['P3 还行', 3, 3, '还行'],
    ['P3 还可以吧', 3, 3, '还可以吧'],
    ['P3 不满意', 3, 2, '不满意'],
    ['P3 不太满意，灯太暗', 3, 2, '不太满意，灯太暗'],
    ['P3 不是很满意', 3, 2, '不是很满意'],
    ['P3 很不满意', 3, 1, '很不满意'],
    ['P3 非常不满意', 3, 1, '非常不满意'],
    ['P3 太差了', 3, 1, '太差了'],
    ['5 很好', null, 5, '很好'],
    ['5', null, 5, ''],
    ['五', null, 5, ''],
    ['很满意', null, 5, '很满意'],
    ['P3 4 路灯亮了，但是位置偏了一点', 3, 4, '路灯亮了，但是位置偏了一点'],
    ['p3 五 还行', 3, 5, '还行'],
    ['Ｐ３ ５ 很满意', 3, 5, '很满意'],
    ['P3 很满意 5分', 3, 5, '很满意'],
    ['P3 很满意 4', 3, 4, '很满意'],
    ['P3 3号楼路灯亮了 很满意', 3, 5, '3号楼路灯亮了 很满意'],
    ['P3 满分', 3, 5, '满分'],
    ['P3,5,很满意', 3, 5, '很满意'],
  ])('%s', (input, project, score, comment) => {
    const r = parseRating(input)
    expect(r.ok && r.value).toEqual({ project, score, comment })
  })

  it.each(['P3 6', 'P3 0', 'P3 10分', 'P3 4.5分', 'P3 ☆☆☆', 'P3 ⭐⭐⭐⭐⭐⭐'])('refuses %j: scores are 1 to 5', (input) => {
    const r = parseRating(input)
    expect(!r.ok && r.reason.code).toBe('range')
    expect(!r.ok && reasonText.rating(r.reason)).toContain(RANGE)
  })

  it.each(['', 'P3', 'P3 路灯', '随便说说', '😀'])('refuses %j with the example', (input) => {
    const r = parseRating(input)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason.code).toBe('unread')
    if (!r.ok) expect(reasonText.rating(r.reason)).toContain('评价 P3 5 很满意')
  })

  it('keeps at most 200 characters of comment, cut by code point', () => {
    const r = parseRating(`P3 5 ${'😀'.repeat(300)}`)
    expect(r.ok && [...r.value.comment].length).toBe(MAX_COMMENT_CHARS)
    expect(r.ok && r.value.comment).toBe('😀'.repeat(MAX_COMMENT_CHARS))
  })

  it('never throws; an acceptance is 1 to 5 with a short trimmed comment; a rejection is short Chinese', () => {
    const ratingish = fc
      .array(fc.constantFrom('P3', 'p', '3', '5', '五', '十', '分', '星', '⭐', '★', '☆', '很', '不', '满意', '一般', '太差', ' ', '，', '😀', '号楼', '.', '6', '钟'), { maxLength: 10 })
      .map((a) => a.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 300 }), ratingish), (s) => {
        const r = parseRating(s)
        if (r.ok) {
          expect([1, 2, 3, 4, 5]).toContain(r.value.score)
          expect([...r.value.comment].length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
          expect(r.value.comment).toBe(r.value.comment.trim())
        } else {
          expect(reasonText.rating(r.reason)).toMatch(CJK)
          expect(reasonText.rating(r.reason).length).toBeLessThan(120)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('is quick on a very long message', () => {
    const t = Date.now()
    parseRating(`P3 ${'一'.repeat(20000)}`)
    parseRating(`P3 ${'⭐'.repeat(20000)}`)
    parseRating(`P3 ${'不'.repeat(20000)}`)
    expect(Date.now() - t).toBeLessThan(1000)
  })
})
