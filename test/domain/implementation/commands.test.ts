import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseAssignment, parseCompletion, parseProgress, parseProgressCommand, parseResource } from '../../../src/domain/implementation/commands.js'
import { formatClock, wallTime } from '../../../src/domain/time/index.js'
import { reasonText } from '../../../src/features/implementation/reasons.text.js'

const TZ = 'Asia/Shanghai'
// Sunday 22 November 2026, 10:00 in Shanghai
const NOW = new Date('2026-11-22T02:00:00Z')
const CJK = /[\u4e00-\u9fff]/

/** what staff type, pieces to make arbitrary messages of */
const commandish = fc
  .array(
    fc.constantFrom(
      'P3', 'p12', 'Ｐ３', 'J12', '3', '绿化所', '物业', ' ', '，', '、', '预计', '12月底', '十二月', '底', '12月1日', '开工', '从', '到', '-', '两周', '费用', '预算',
      '2万', '五万', '元', '¥', '经费', '资金', '待定', '60%', '６０％', '百分之', '六十', '成', '进度', '完成', '截止', '评价', '12月20日', '20:00', '管线已铺设', '⭐', '😀', '十', '一',
    ),
    { maxLength: 10 },
  )
  .map((a) => a.join(''))
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), commandish)

const expectGoodReply = (reply: string) => {
  expect(reply).toMatch(CJK)
  expect(reply.length).toBeGreaterThan(0)
  expect(reply.length).toBeLessThan(120)
}

describe('parseResource', () => {
  it.each([
    ['绿化所 绿化改造 预算5万', '绿化所', '绿化改造', 50000],
    ['绿化所 绿化改造 5万元', '绿化所', '绿化改造', 50000],
    ['绿化所 绿化改造 预算五万', '绿化所', '绿化改造', 50000],
    ['绿化所，绿化改造，经费3千', '绿化所', '绿化改造', 3000],
    ['绿化所 资金 2万 绿化改造', '绿化所', '绿化改造', 20000],
    ['绿化所 预算:5万 绿化改造、补种', '绿化所', '绿化改造，补种', 50000],
    ['绿化所 绿化改造 预算约1.5万元左右', '绿化所', '绿化改造', 15000],
    ['绿化所 绿化改造', '绿化所', '绿化改造', null],
    ['绿化所 绿化改造 预算待定', '绿化所', '绿化改造', null],
    ['绿化所 提供资金支持', '绿化所', '提供资金支持', null],
    ['绿化所 提供5千株花苗', '绿化所', '提供5千株花苗', null],
    ['经费处 路灯维修', '经费处', '路灯维修', null],
    ['三建公司 外墙修补 ¥8000', '三建公司', '外墙修补', 8000],
    ['　绿化所　绿化改造　预算５万　', '绿化所', '绿化改造', 50000],
  ])('%s', (input, partner, what, budget) => {
    const r = parseResource(input)
    expect(r.ok && r.value).toEqual({ partner, what, budget })
  })

  it.each([
    ['', '单位名称'],
    ['   ', '单位名称'],
    ['绿化所', '请写能提供什么'],
    ['绿化所 预算5万', '请写能提供什么'],
    ['预算5万 绿化改造', '单位名称'],
    ['绿化所绿化改造预算5万', '空格'],
    ['一二三四五六七八九十一二三四五六七八九十一 绿化改造', '太长'],
    ['绿化所 绿化改造 预算很多', '预算「很多」'],
    ['绿化所 绿化改造 预算', '请写预算金额'],
    ['绿化所 绿化改造 预算一般', '预算'],
  ])('refuses %j (%s)', (input, why) => {
    const r = parseResource(input)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(reasonText.resource(r.reason)).toContain(why)
      expectGoodReply(reasonText.resource(r.reason))
    }
  })

  it.each([
    ['', { code: 'empty' }],
    ['绿化所', { code: 'whatMissing' }],
    ['绿化所绿化改造预算5万', { code: 'notSeparated' }],
    ['绿化所 绿化改造 预算很多', { code: 'amountMissing', keyword: '预算', text: '很多' }],
    ['绿化所 绿化改造 预算', { code: 'amountMissing', keyword: '预算', text: '' }],
  ])('gives the reason for %j', (input, reason) => {
    const r = parseResource(input)
    expect(!r.ok && r.reason).toEqual(reason)
  })

  it('asks for what is offered with the example', () => {
    const r = parseResource('绿化所')
    expect(!r.ok && reasonText.resource(r.reason)).toBe('请写能提供什么，例如「资源 绿化所 绿化改造 预算5万」。')
  })

  it('never throws; every rejection is a short Chinese sentence, every acceptance is complete', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseResource(s)
        if (r.ok) {
          expect(r.value.partner.length).toBeGreaterThan(0)
          expect([...r.value.partner].length).toBeLessThanOrEqual(20)
          expect(r.value.what.length).toBeGreaterThan(0)
          if (r.value.budget !== null) expect(Number.isInteger(r.value.budget)).toBe(true)
        } else expectGoodReply(reasonText.resource(r.reason))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('parseAssignment', () => {
  const show = (s: string) => {
    const r = parseAssignment(s, NOW, TZ)
    if (!r.ok) return `ERR ${reasonText.assignment(r.reason, TZ, NOW)}`
    const v = r.value
    return [`P${v.project}`, v.partner, v.startsAt ? `从${formatClock(v.startsAt, TZ)}` : '-', `到${formatClock(v.dueAt, TZ)}`, v.cost ?? '-'].join(' ')
  }

  it.each([
    ['P3 绿化所 预计12月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['p3 绿化所 12月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['Ｐ３ 绿化所 预计十二月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['3 绿化所 预计12月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['三 绿化所 预计12月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['P3 绿化所 两周', 'P3 绿化所 - 到12月6日 23:59 -'],
    ['P3 绿化所，预计12月底前完成', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['P3 绿化所 预计 12月底 前完工', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['P3 绿化所预计12月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['P3 绿化所12月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['P3 12月底 绿化所', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['P3 由 绿化所 负责 预计12月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['P3 三建公司 预计12月底', 'P3 三建公司 - 到12月31日 23:59 -'],
    ['P3 阳光三月 预计12月底', 'P3 阳光三月 - 到12月31日 23:59 -'],
    ['P3 绿化所 开工12月1日 预计12月底', 'P3 绿化所 从12月1日 00:00 到12月31日 23:59 -'],
    ['P3 绿化所 12月1日开工 预计12月底', 'P3 绿化所 从12月1日 00:00 到12月31日 23:59 -'],
    ['P3 绿化所 12月1日开工 12月底完成', 'P3 绿化所 从12月1日 00:00 到12月31日 23:59 -'],
    ['P3 绿化所 从12月1日 预计12月底', 'P3 绿化所 从12月1日 00:00 到12月31日 23:59 -'],
    ['P3 绿化所 从12月1日到12月底', 'P3 绿化所 从12月1日 00:00 到12月31日 23:59 -'],
    ['P3 绿化所 12月1日-12月31日', 'P3 绿化所 从12月1日 00:00 到12月31日 23:59 -'],
    ['P3 绿化所 12/1-12/31', 'P3 绿化所 从12月1日 00:00 到12月31日 23:59 -'],
    ['P3 绿化所 开工时间待定 预计12月底', 'P3 绿化所 - 到12月31日 23:59 -'],
    ['P3 绿化所 预计12月底 费用2万', 'P3 绿化所 - 到12月31日 23:59 20000'],
    ['P3 绿化所 预计12月底 预算2万', 'P3 绿化所 - 到12月31日 23:59 20000'],
    ['P3 绿化所 预计12月底 造价 两万', 'P3 绿化所 - 到12月31日 23:59 20000'],
    ['P3 绿化所 预计12月底 2万元', 'P3 绿化所 - 到12月31日 23:59 20000'],
    ['P3 绿化所 开工12月1日 预计明年1月中旬 费用1.5万', 'P3 绿化所 从12月1日 00:00 到1月15日 23:59 15000'],
    // a start already under way is fine
    ['P3 绿化所 11月20日开工 12月底', 'P3 绿化所 从11月20日 00:00 到12月31日 23:59 -'],
  ])('%s → %s', (input, expected) => {
    expect(show(input)).toBe(expected)
  })

  it('reads the start as 00:00 of that day in the time zone', () => {
    const r = parseAssignment('P3 绿化所 开工12月1日 预计12月底', NOW, TZ)
    expect(r.ok && r.value.startsAt?.toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(r.ok && r.value.dueAt.toISOString()).toBe('2026-12-31T15:59:00.000Z')
  })

  it.each([
    ['', '项目编号'],
    ['绿化所 预计12月底', '请写项目编号'],
    ['J12 绿化所 预计12月底', '请写项目编号'],
    ['P0 绿化所 预计12月底', '没有 P0'],
    ['P3 预计12月底', '请写施工单位'],
    ['P3', '请写施工单位'],
    ['P3 绿化所', '请写预计完成时间，例如「派单 P3 绿化所 预计12月底」'],
    ['P3 绿化所 尽快', '没看懂「尽快」'],
    ['P3 绿化所 预计12月底 路灯', '没看懂「路灯」'],
    ['P3 绿化所 预计11月1日', '已经过去了'],
    ['P3 绿化所 预计2029年底', '太远了'],
    ['P3 绿化所 预计2月30日', '没有2月30日'],
    ['P3 绿化所 开工2月30日 预计12月底', '没有2月30日'],
    ['P3 绿化所 开工1月5日 预计12月底', '晚于预计完成'],
    ['P3 绿化所 预计12月底 费用很多', '费用「很多」'],
    ['P3 一二三四五六七八九十一二三四五六七八九十一 预计12月底', '太长'],
  ])('refuses %j (%s)', (input, why) => {
    const r = parseAssignment(input, NOW, TZ)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(reasonText.assignment(r.reason, TZ, NOW)).toContain(why)
      expectGoodReply(reasonText.assignment(r.reason, TZ, NOW))
    }
  })

  it.each([
    ['', { code: 'empty' }],
    ['绿化所 预计12月底', { code: 'noProject' }],
    ['P0 绿化所 预计12月底', { code: 'badProject', project: 0 }],
    ['P3 预计12月底', { code: 'partnerMissing' }],
    ['P3 绿化所', { code: 'dueMissing', unread: '' }],
    ['P3 绿化所 尽快', { code: 'dueMissing', unread: '尽快' }],
    ['P3 绿化所 预计12月底 路灯', { code: 'extraWords', text: '路灯' }],
    ['P3 绿化所 预计2月30日', { code: 'noSuchDay', month: 2, day: 30 }],
    ['P3 绿化所 开工2月30日 预计12月底', { code: 'noSuchStartDay', month: 2, day: 30 }],
    ['P3 绿化所 预计11月1日', { code: 'past', at: new Date('2026-11-01T15:59:00Z') }],
    ['P3 绿化所 开工1月5日 预计12月底', { code: 'startAfterDue', startsAt: new Date('2027-01-04T16:00:00Z'), dueAt: new Date('2026-12-31T15:59:00Z') }],
  ])('gives the reason for %j', (input, reason) => {
    const r = parseAssignment(input, NOW, TZ)
    expect(!r.ok && r.reason).toEqual(reason)
  })

  it('never throws; every acceptance is a consistent window, every rejection a short Chinese sentence', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseAssignment(s, NOW, TZ)
        if (r.ok) {
          const v = r.value
          expect(v.project).toBeGreaterThanOrEqual(1)
          expect(v.partner.length).toBeGreaterThan(0)
          expect(v.dueAt.getTime()).toBeGreaterThan(NOW.getTime())
          expect(wallTime(v.dueAt, TZ)).toMatchObject({ hour: 23, minute: 59 })
          if (v.startsAt) {
            expect(v.startsAt.getTime()).toBeLessThan(v.dueAt.getTime())
            expect(wallTime(v.startsAt, TZ)).toMatchObject({ hour: 0, minute: 0 })
          }
        } else expectGoodReply(reasonText.assignment(r.reason, TZ, NOW))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('parseProgress', () => {
  it.each([
    ['P3 60% 管线已铺设', { project: 3, percent: 60, note: '管线已铺设' }],
    ['P3 60％', { project: 3, percent: 60, note: '' }],
    ['Ｐ３ ６０％ 管线已铺设', { project: 3, percent: 60, note: '管线已铺设' }],
    ['P3 百分之六十 管线已铺设', { project: 3, percent: 60, note: '管线已铺设' }],
    ['P3 百分之百', { project: 3, percent: 100, note: '' }],
    ['P3 六成', { project: 3, percent: 60, note: '' }],
    ['P3 六成半 正在回填', { project: 3, percent: 65, note: '正在回填' }],
    ['P3 完成60%', { project: 3, percent: 60, note: '' }],
    ['P3 已完成60%，管线已铺设', { project: 3, percent: 60, note: '管线已铺设' }],
    ['P3 进度60 管线已铺设', { project: 3, percent: 60, note: '管线已铺设' }],
    ['P3 60 管线已铺设', { project: 3, percent: 60, note: '管线已铺设' }],
    ['P3 六十 管线已铺设', { project: 3, percent: 60, note: '管线已铺设' }],
    ['P3 60，管线已铺设，明天回填。', { project: 3, percent: 60, note: '管线已铺设，明天回填。' }],
    ['P3 3号楼管线完成80%', { project: 3, percent: 80, note: '3号楼管线' }],
    ['P3 管线已铺设', { project: 3, percent: null, note: '管线已铺设' }],
    ['P3 一期完工', { project: 3, percent: null, note: '一期完工' }],
    ['P3 十分顺利', { project: 3, percent: null, note: '十分顺利' }],
    ['P3', { project: 3, percent: null, note: '' }],
    ['P3 120%', { project: 3, percent: 120, note: '' }],
    ['P3 62.5%', { project: 3, percent: 63, note: '' }],
    ['60% 管线已铺设', { project: null, percent: 60, note: '管线已铺设' }],
    ['J12', { project: null, percent: null, note: 'J12' }],
    ['J12 管线已铺设', { project: null, percent: null, note: 'J12 管线已铺设' }],
    ['', { project: null, percent: null, note: '' }],
    ['  ', { project: null, percent: null, note: '' }],
  ])('%j', (input, expected) => {
    expect(parseProgress(input)).toEqual(expected)
  })

  it.each([
    ['P3 60% 管线已铺设', { verb: 'report', project: 3, percent: 60, note: '管线已铺设' }],
    ['P3 管线已铺设', { verb: 'report', project: 3, percent: null, note: '管线已铺设' }],
    ['P3 60%', { verb: 'report', project: 3, percent: 60, note: '' }],
    ['P3 60% 对吗', { verb: 'report', project: 3, percent: 60, note: '对吗' }],
    ['P3', { verb: 'ask' }],
    ['P3 好', { verb: 'ask' }],
    ['P3 怎么样了', { verb: 'ask' }],
    ['P3 到哪一步了？', { verb: 'ask' }],
    ['J12', { verb: 'ask' }],
    ['', { verb: 'ask' }],
  ])('进度 %j: a report or a question', (input, expected) => {
    expect(parseProgressCommand(input)).toEqual(expected)
  })

  it('never throws; the note is trimmed', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseProgress(s)
        expect(r.note).toBe(r.note.trim())
        expect(r.note).not.toMatch(/^[,，。.;；:：、]/)
        if (r.percent !== null) expect(Number.isInteger(r.percent)).toBe(true)
        if (r.project !== null) expect(Number.isInteger(r.project)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('is quick on a very long message', () => {
    const t = Date.now()
    parseProgress(`P3 ${'一'.repeat(20000)}`)
    parseProgress(`P3 ${'1'.repeat(20000)}%`)
    parseResource(`绿化所 ${'一'.repeat(20000)}元`)
    parseAssignment(`P3 绿化所 ${'12月'.repeat(5000)}`, NOW, TZ)
    expect(Date.now() - t).toBeLessThan(2000)
  })
})

describe('parseCompletion', () => {
  const show = (s: string) => {
    const r = parseCompletion(s, NOW, TZ)
    return r.ok ? `P${r.value.project} ${r.value.closesAt ? formatClock(r.value.closesAt, TZ) : '-'}` : `ERR ${reasonText.completion(r.reason)}`
  }

  it.each([
    ['P3', 'P3 -'],
    ['p3', 'P3 -'],
    ['Ｐ３', 'P3 -'],
    ['3', 'P3 -'],
    ['P3 评价截止12月20日', 'P3 12月20日 09:00'],
    ['P3 截止 12月20日20:00', 'P3 12月20日 20:00'],
    ['P3 评价截止到12月20日晚上8点', 'P3 12月20日 20:00'],
    ['P3 截止：12月20日 20:00', 'P3 12月20日 20:00'],
    ['P3 12月20日', 'P3 12月20日 09:00'],
  ])('%s → %s', (input, expected) => {
    expect(show(input)).toBe(expected)
  })

  it.each([
    ['', '请写项目编号'],
    ['绿化所', '请写项目编号'],
    ['P3 截止随便', '没看懂评价截止时间'],
    ['P3 截止立即', '以后的时间'],
    ['P3 截止今天早上8点', '已经过去了'],
  ])('refuses %j (%s)', (input, why) => {
    const r = parseCompletion(input, NOW, TZ)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(reasonText.completion(r.reason)).toContain(why)
      expectGoodReply(reasonText.completion(r.reason))
    }
  })

  it.each([
    ['', { code: 'noProject' }],
    ['P3 截止随便', { code: 'closeUnread', text: '随便' }],
    ['P3 截止立即', { code: 'closeNow' }],
    ['P3 截止今天早上8点', { code: 'closePast' }],
  ])('gives the reason for %j', (input, reason) => {
    const r = parseCompletion(input, NOW, TZ)
    expect(!r.ok && r.reason).toEqual(reason)
  })

  it('never throws; a deadline is in the future; a rejection is short Chinese', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseCompletion(s, NOW, TZ)
        if (r.ok) {
          if (r.value.closesAt) expect(r.value.closesAt.getTime()).toBeGreaterThan(NOW.getTime())
        } else expectGoodReply(reasonText.completion(r.reason))
      }),
      { numRuns: 1000 },
    )
  })
})
