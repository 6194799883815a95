import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectShortSentence, typed } from '../../features/sentences.js'
import { parseResolutionSpec, parseRoundSpec } from '../../../src/domain/rounds/spec.js'
import { roundText as t } from '../../../src/features/rounds/text.js'

describe('parseRoundSpec', () => {
  it('reads the projects, the dots and whose they are, and the deadline words', () => {
    expect(parseRoundSpec('P1-P3 P7 每人2票 截止 明天20点')).toEqual({ ok: true, value: { projects: [1, 2, 3, 7], dots: 2, per: 'person', deadline: '明天20点' } })
    expect(parseRoundSpec('P1 P2 截止：12月5日20:00')).toEqual({ ok: true, value: { projects: [1, 2], dots: 3, per: 'household', deadline: '12月5日20:00' } })
  })

  it.each([
    ['P1-P8 每户3票', { code: 'noDeadline' }],
    ['P1-P8 截止', { code: 'noDeadline' }],
    ['P1-P300 截止 明天', { code: 'rangeTooLarge', from: 1, to: 300 }],
    ['P1 截止 明天', { code: 'tooFewProjects' }],
    ['P1 P2 每户30票 截止 明天', { code: 'dots' }],
  ])('%s → %j', (input, reason) => {
    expect(parseRoundSpec(input)).toEqual({ ok: false, reason })
  })

  it('says the example of the command it was said with', () => {
    const r = parseRoundSpec('P1')
    if (r.ok) throw new Error('read')
    expect(t.voteSpecRefusal(r.reason)).toBe('请写截止时间，例如「开启投票 P1-P8 每户3票 截止 12月5日20:00」。')
    expect(t.councilSpecRefusal(r.reason)).toBe('请写截止时间，例如「开启评议 P1-P8 截止 12月5日20:00」。')
  })
})

describe('parseResolutionSpec', () => {
  it('reads the round, the pass line (50% unless said) and the deadline words', () => {
    expect(parseResolutionSpec('T1 通过线 60% 截止 12月8日20:00')).toEqual({
      ok: true,
      value: { ref: '1', passPercent: 60, pass: { num: 3, den: 5 }, electorate: 'household', quorum: null, deadline: '12月8日20:00' },
    })
    expect(parseResolutionSpec('t2 截至：明天')).toEqual({ ok: true, value: { ref: '2', passPercent: 50, pass: { num: 1, den: 2 }, electorate: 'household', quorum: null, deadline: '明天' } })
  })

  it('reads a representatives’ resolution with its pass line and quorum, and a household quorum', () => {
    expect(parseResolutionSpec('T1 居民代表 通过线 过半 到会 三分之二 截止 12月8日20:00')).toEqual({
      ok: true,
      value: { ref: '1', passPercent: 50, pass: { num: 1, den: 2 }, electorate: 'representative', quorum: { num: 2, den: 3 }, deadline: '12月8日20:00' },
    })
    const q = parseResolutionSpec('T3 通过线 60% 参与率至少 50% 截止 明天')
    expect(q.ok && [q.value.pass, q.value.quorum, q.value.electorate]).toEqual([{ num: 3, den: 5 }, { num: 1, den: 2 }, 'household'])
    const two = parseResolutionSpec('T2 代表 通过线 2/3 截止 明天')
    expect(two.ok && [two.value.pass, two.value.passPercent, two.value.quorum]).toEqual([{ num: 2, den: 3 }, 67, null])
  })

  it('never throws; every refusal is one short sentence', () => {
    fc.assert(
      fc.property(typed(['T1', '居民代表', '通过线', '过半', '到会', '三分之二', '参与率至少', '50%', '2/3', '截止', '明天', '百分之']), (input) => {
        const r = parseResolutionSpec(input)
        if (!r.ok) expectShortSentence(t.resolutionSpecRefusal(r.reason))
      }),
    )
  })

  it.each([
    ['通过线 50% 截止 明天', 'missing'],
    ['T1 通过线 50%', 'missing'],
    ['T1 通过线 0% 截止 明天', 'passPercent'],
    ['T1 通过线 101% 截止 明天', 'passPercent'],
  ])('%s → %s', (input, code) => {
    const r = parseResolutionSpec(input)
    expect(!r.ok && r.reason.code).toBe(code)
    expect(!r.ok && t.resolutionSpecRefusal(r.reason)).toContain('例如「开启决议 T1 通过线 50% 截止 12月8日20:00」')
  })
})
