import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDotVote, parseScores } from '../../../src/domain/rounds/ballots.js'
import { roundText as t } from '../../../src/features/rounds/text.js'

describe('parseDotVote', () => {
  it.each([
    ['3 7 12', [3, 7, 12]],
    ['3、7、12', [3, 7, 12]],
    ['P3 P7', [3, 7]],
    ['p3,p7', [3, 7]],
    ['三 七', [3, 7]],
    ['3 3 7', [3, 3, 7]],
    ['３ ７', [3, 7]],
    ['投3号和7号', [3, 7]],
  ])('%s → %j', (input, expected) => {
    const r = parseDotVote(input, { dots: 3 })
    expect(r.ok && r.value).toEqual(expected)
  })

  it('refuses more dots than the round allows, and says how many', () => {
    const r = parseDotVote('1 2 3 4', { dots: 3 })
    expect(!r.ok && r.reason).toEqual({ code: 'tooMany', count: 4 })
    expect(!r.ok && t.dotVoteRefusal(r.reason, 3)).toContain('每户最多 3 票，您写了 4 票')
  })

  it.each(['', '随便', '3号楼的路灯', '0'])('refuses %j with a helpful reply', (input) => {
    const r = parseDotVote(input, { dots: 3 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(t.dotVoteRefusal(r.reason, 3)).toMatch(/投票 3 7 12|请少选/)
  })

  it('never throws; every rejection is Chinese and every acceptance is within the dots', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (s, dots) => {
        const r = parseDotVote(s, { dots })
        if (r.ok) expect(r.value.length).toBeLessThanOrEqual(dots)
        else expect(t.dotVoteRefusal(r.reason, dots)).toMatch(/[\u4e00-\u9fff]/)
      }),
      { numRuns: 500 },
    )
  })
})

describe('parseScores', () => {
  it.each([
    ['P3 5 4', [{ project: 3, urgency: 5, importance: 4 }]],
    ['P3 5 4，P7 3 3', [{ project: 3, urgency: 5, importance: 4 }, { project: 7, urgency: 3, importance: 3 }]],
    ['p3:5/4', [{ project: 3, urgency: 5, importance: 4 }]],
    ['P3 紧迫5 重要4', [{ project: 3, urgency: 5, importance: 4 }]],
    ['P3 五 四', [{ project: 3, urgency: 5, importance: 4 }]],
    ['P3 5 4 P3 2 2', [{ project: 3, urgency: 2, importance: 2 }]],
  ])('%s', (input, expected) => {
    const r = parseScores(input)
    expect(r.ok && r.value).toEqual(expected)
  })

  it.each(['P3 6 4', 'P3 0 1'])('refuses %s: scores are 1 to 5', (input) => {
    const r = parseScores(input)
    expect(!r.ok && r.reason).toEqual({ code: 'outOfRange', project: 3 })
    expect(!r.ok && t.scoresRefusal(r.reason)).toContain('1 到 5 之间')
  })

  it('never throws; every rejection shows the format', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseScores(s)
        if (!r.ok) expect(t.scoresRefusal(r.reason)).toContain('P3 5 4')
        else expect(r.value.every((x) => x.urgency >= 1 && x.urgency <= 5 && x.importance >= 1 && x.importance <= 5)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
