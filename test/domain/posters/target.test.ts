import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePosterTarget } from '../../../src/domain/posters/target.js'
import { posterText } from '../../../src/features/posters/text.js'
import { expectShortSentence, typed } from '../../features/sentences.js'

describe('parsePosterTarget', () => {
  it.each([
    ['T1', { kind: 'round', id: 1 }],
    ['t12', { kind: 'round', id: 12 }],
    [' T 3 ', { kind: 'round', id: 3 }],
    ['Ｔ１', { kind: 'round', id: 1 }],
    ['P3', { kind: 'project', id: 3 }],
    ['p 7 进度', { kind: 'project', id: 7 }],
    ['Ｐ３', { kind: 'project', id: 3 }],
    ['项目P3', { kind: 'project', id: 3 }],
  ])('%j', (input, value) => {
    expect(parsePosterTarget(input)).toEqual({ ok: true, value })
  })

  it.each([
    ['', 'missing'],
    ['海报', 'missing'],
    ['T0', 'missing'],
    ['APT3', 'missing'],
    ['T1 P3', 'both'],
  ])('refuses %j (%s) with one short sentence', (input, code) => {
    const r = parsePosterTarget(input)
    expect(!r.ok && r.reason.code).toBe(code)
    if (!r.ok) expectShortSentence(posterText.reason(r.reason))
  })

  it('never throws; a refusal is one short Chinese sentence', () => {
    fc.assert(
      fc.property(typed(['T', 'P', 't', 'p', 'T1', 'P3', '公示', 'Ｔ', '１']), (input) => {
        const r = parsePosterTarget(input)
        if (r.ok) return r.value.id > 0 && (r.value.kind === 'round' || r.value.kind === 'project')
        expectShortSentence(posterText.reason(r.reason))
        return true
      }),
    )
  })
})
