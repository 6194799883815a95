import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseChoice, parseQuestionSpec } from '../../../src/domain/deliberation/question.js'
import { parseConsultation } from '../../../src/domain/implementation/consultation.js'
import { deliberationText as t } from '../../../src/features/deliberation/text.js'
import { consultText } from '../../../src/features/implementation/text.js'
import { expectShortSentence, typed } from '../../features/sentences.js'

const OPTIONS = ['保留', '填平', '改成花坛']

describe('parseQuestionSpec', () => {
  it('reads the title, the options, the buildings and the deadline words', () => {
    expect(parseQuestionSpec('3号楼门口水井去留 选项 保留/填平/改成花坛 范围 3号楼 5号楼 截止 12月20日18:00')).toEqual({
      ok: true,
      value: { title: '3号楼门口水井去留', options: OPTIONS, targets: [3, 5], deadline: '12月20日18:00' },
    })
    expect(parseQuestionSpec('车棚怎么改 选项：1.加顶棚，2.加充电桩 截止：明天20点')).toEqual({
      ok: true,
      value: { title: '车棚怎么改', options: ['加顶棚', '加充电桩'], targets: 'all', deadline: '明天20点' },
    })
  })

  it.each([
    ['', 'noTitle'],
    ['水井去留', 'noOptions'],
    ['选项 保留/填平 截止 明天', 'noTitle'],
    ['水井 选项 保留 截止 明天', 'tooFewOptions'],
    ['水井 选项 保留/填平', 'noDeadline'],
    ['水井 选项 保留/保留 截止 明天', 'sameOption'],
    ['水井 选项 1/2/3/4/5/6/7/8/9/10 截止 明天', 'tooManyOptions'],
    ['水井 选项 保留/填平 范围 东边 截止 明天', 'targets'],
  ])('%s → %s', (input, code) => {
    const r = parseQuestionSpec(input)
    expect(!r.ok && r.reason.code).toBe(code)
  })

  it('never throws; every refusal is one short sentence', () => {
    fc.assert(
      fc.property(typed(['水井', '选项', '保留/填平', '/', '范围', '3号楼', '截止', '明天', '全部']), (input) => {
        const r = parseQuestionSpec(input)
        if (!r.ok) expectShortSentence(t.specRefusal(r.reason))
      }),
    )
  })
})

describe('parseChoice', () => {
  it('reads an option by number or by its words, and the reason as written', () => {
    expect(parseChoice('3 可以种花，孩子们也安全', OPTIONS)).toEqual({ ok: true, value: { question: null, option: 3, reason: '可以种花，孩子们也安全' } })
    expect(parseChoice('Q2 第1个', OPTIONS)).toEqual({ ok: true, value: { question: 2, option: 1, reason: null } })
    expect(parseChoice('改成花坛 理由：好看', OPTIONS)).toEqual({ ok: true, value: { question: null, option: 3, reason: '好看' } })
    expect(parseChoice('二号，填了安全', OPTIONS)).toEqual({ ok: true, value: { question: null, option: 2, reason: '填了安全' } })
    expect(parseChoice('3 种花好看', OPTIONS)).toEqual({ ok: true, value: { question: null, option: 3, reason: '种花好看' } })
  })

  it.each([
    ['', 'empty'],
    ['随便', 'unreadable'],
    ['7 好', 'noSuchOption'],
    ['0', 'noSuchOption'],
  ])('%s → %s', (input, code) => {
    const r = parseChoice(input, OPTIONS)
    expect(!r.ok && r.reason.code).toBe(code)
  })

  it('never throws; every refusal is one short sentence', () => {
    fc.assert(
      fc.property(typed(['Q1', '选', '第', '3', '改成花坛', '理由', '因为', '个']), (input) => {
        const r = parseChoice(input, OPTIONS)
        if (!r.ok) expectShortSentence(t.choiceRefusal(r.reason, OPTIONS))
        else expect(r.value.option).toBeGreaterThanOrEqual(1)
      }),
    )
  })
})

describe('parseConsultation', () => {
  it('reads the project, the department and its words', () => {
    expect(parseConsultation('P3 绿化所：可以做，预算3万')).toEqual({ ok: true, value: { project: 3, partner: '绿化所', words: '可以做,预算3万' } })
    expect(parseConsultation('p12 房管办 需要先做结构检测')).toEqual({ ok: true, value: { project: 12, partner: '房管办', words: '需要先做结构检测' } })
  })

  it.each([
    ['绿化所：可以做', 'noProject'],
    ['P3', 'noPartner'],
    ['P3 绿化所', 'noWords'],
    ['P3 ：可以做', 'noPartner'],
  ])('%s → %s', (input, code) => {
    const r = parseConsultation(input)
    expect(!r.ok && r.reason.code).toBe(code)
  })

  it('never throws; every refusal is one short sentence', () => {
    fc.assert(
      fc.property(typed(['P3', '绿化所', '：', '可以做', '预算3万', ' ']), (input) => {
        const r = parseConsultation(input)
        if (!r.ok) expectShortSentence(consultText.refusal(r.reason))
      }),
    )
  })
})
