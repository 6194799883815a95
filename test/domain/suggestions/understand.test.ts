import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Parsed } from '../../../src/domain/parsed.js'
import { CATEGORIES, categorize, parsePlace, understandSuggestion, type Category, type PlaceReason } from '../../../src/domain/suggestions/understand.js'
import { intakeText } from '../../../src/features/suggestions/text.js'

const CJK = /[\u4e00-\u9fff]/

/** a rejection with a reason, and the sentence the intake says for it is short, plain Chinese */
function expectHelpfulRejection(p: Parsed<unknown, PlaceReason>): void {
  expect(p.ok).toBe(false)
  if (p.ok) return
  const reply = intakeText.place(p.reason)
  expect(reply.trim()).not.toBe('')
  expect(reply).toMatch(CJK)
  expect(reply).toMatch(/[。？]$/)
  expect(reply.length).toBeLessThan(80)
  expect(reply).not.toMatch(/Error|undefined|NaN|Infinity|at \w+ \(/)
}

interface Row {
  building?: number
  unit?: number
  floor?: number
  place?: string
  placeKind?: string
  ambiguousFloor?: number
  category: Category
  problem?: string
}

// input → what must be understood; fields left out must come back undefined
const TABLE: [string, Row][] = [
  ['三号楼前面的灯不亮', { building: 3, place: '3号楼前面', placeKind: '门口', category: '照明', problem: '3号楼前面的灯不亮' }],
  ['１２栋楼道灯坏了', { building: 12, place: '12号楼楼道', placeKind: '楼道', category: '照明', problem: '12栋楼道灯坏了' }],
  ['两单元三楼楼道堆满杂物', { unit: 2, ambiguousFloor: 3, place: '2单元3楼楼道', placeKind: '楼道', category: '安全', problem: '2单元3楼楼道堆满杂物' }],
  ['小区大门晚上太黑', { place: '小区大门', placeKind: '大门', category: '照明' }],
  ['车棚不够停电瓶车', { place: '车棚', placeKind: '车棚', category: '停车' }],
  ['5栋门口积水', { building: 5, place: '5号楼门口', placeKind: '门口', category: '道路' }],
  ['十二幢电梯老是坏', { building: 12, place: '12号楼电梯', placeKind: '电梯', category: '电梯', problem: '12幢电梯老是坏' }],
  ['东门垃圾桶太臭', { place: '东门', placeKind: '大门', category: '垃圾' }],
  ['楼下树枝挡窗户', { place: '楼下', placeKind: '楼下', category: '绿化' }],
  ['3号楼门口路灯坏了晚上很黑', { building: 3, place: '3号楼门口', placeKind: '门口', category: '照明' }],
  ['3号楼门口路灯坏了，晚上很黑', { building: 3, place: '3号楼门口', placeKind: '门口', category: '照明', problem: '3号楼门口路灯坏了,晚上很黑' }],
  ['希望统一安装充电桩', { category: '充电', problem: '希望统一安装充电桩' }],
  ['统一一下垃圾分类的时间', { category: '垃圾', problem: '统一一下垃圾分类的时间' }],
  ['电瓶车飞线充电太危险了', { category: '充电' }],
  ['有人从楼上拉电线给电瓶车充电', { category: '充电' }],
  ['3号楼能不能加装电梯', { building: 3, place: '3号楼电梯', placeKind: '电梯', category: '电梯' }],
  ['第三栋楼下面积水很深', { building: 3, place: '3号楼楼下', placeKind: '楼下', category: '道路' }],
  ['８号楼２单元门口的地砖松了', { building: 8, unit: 2, place: '8号楼2单元门口', placeKind: '门口', category: '道路', problem: '8号楼2单元门口的地砖松了' }],
  ['12栋5楼楼道的声控灯不亮', { building: 12, floor: 5, place: '12号楼5楼楼道', placeKind: '楼道', category: '照明' }],
  ['三楼楼道灯坏了', { ambiguousFloor: 3, place: '3楼楼道', placeKind: '楼道', category: '照明' }],
  ['七号楼十八层电梯口漏水', { building: 7, floor: 18, place: '7号楼18楼电梯口', placeKind: '电梯', category: '电梯' }],
  ['5#楼后面的树太高了挡光', { building: 5, place: '5号楼后面', placeKind: '楼后', category: '绿化' }],
  ['5号门口有人乱停车', { building: 5, place: '5号楼门口', placeKind: '门口', category: '停车' }],
  ['小区车位太少，晚上回来没地方停', { category: '停车' }],
  ['地下车库太暗了看不清', { place: '地下车库', placeKind: '车库', category: '照明' }],
  ['北门的监控坏了好久了', { place: '北门', placeKind: '大门', category: '安全' }],
  ['南门口垃圾没人清理', { place: '南门', placeKind: '大门', category: '垃圾' }],
  ['花坛里全是杂草', { place: '花坛', placeKind: '花园', category: '绿化' }],
  ['中心花园的树该修剪了', { place: '中心花园', placeKind: '花园', category: '绿化' }],
  ['9号楼单元门门禁坏了', { building: 9, place: '9号楼单元门', placeKind: '门口', category: '安全' }],
  ['14号楼楼下有人高空抛物', { building: 14, place: '14号楼楼下', placeKind: '楼下', category: '安全' }],
  ['楼道里堆的杂物太多，消防通道都堵了', { place: '楼道', placeKind: '楼道', category: '安全' }],
  ['14栋楼下车停得乱七八糟，消防车都进不来', { building: 14, place: '14号楼楼下', placeKind: '楼下', category: '停车' }],
  ['10号楼门口台阶太高，能不能修个无障碍坡道', { building: 10, place: '10号楼门口', placeKind: '门口', category: '道路' }],
  ['路面坑坑洼洼，下雨全是积水', { category: '道路' }],
  ['垃圾站太臭了，夏天全是苍蝇', { place: '垃圾站', placeKind: '垃圾站', category: '垃圾' }],
  ['18栋楼顶漏水', { building: 18, place: '18号楼楼顶', placeKind: '楼顶', category: '其他' }],
  ['15号楼楼道窗户玻璃碎了', { building: 15, place: '15号楼楼道', placeKind: '楼道', category: '其他' }],
  ['不是电梯的问题，是楼道灯坏了', { place: '楼道', placeKind: '楼道', category: '照明' }],
  ['希望多装几个健身器材', { place: '健身器材', placeKind: '广场', category: '其他' }],
  ['车棚里有人飞线充电', { place: '车棚', placeKind: '车棚', category: '充电' }],
  ['车棚的灯坏了', { place: '车棚', placeKind: '车棚', category: '照明' }],
  // the lamp in the lift: a lighting problem (the lift itself works)
  ['电梯里的灯不亮', { place: '电梯', placeKind: '电梯', category: '照明' }],
  ['楼里经常停电', { category: '其他' }],
  ['一楼大厅的灯坏了', { ambiguousFloor: 1, place: '1楼', category: '照明' }],
  ['二十号楼旁边的路灯十分暗', { building: 20, place: '20号楼旁边', placeKind: '旁边', category: '照明', problem: '20号楼旁边的路灯十分暗' }],
  ['三天两头停水', { category: '其他', problem: '三天两头停水' }],
  ['  路灯坏了  ', { category: '照明', problem: '路灯坏了' }],
  ['门口路灯坏了', { place: '门口', placeKind: '门口', category: '照明' }],
  ['建议在小区里增设监控探头', { place: '小区', placeKind: '小区', category: '安全' }],
  ['1000号楼门口路灯坏了', { place: '门口', placeKind: '门口', category: '照明' }],
]

describe('understandSuggestion', () => {
  it('the table has at least 40 rows', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40)
  })

  it.each(TABLE)('%s', (input, want) => {
    const u = understandSuggestion(input)
    expect(u.building).toBe(want.building)
    expect(u.unit).toBe(want.unit)
    expect(u.floor).toBe(want.floor)
    expect(u.place).toBe(want.place)
    expect(u.placeKind).toBe(want.placeKind)
    expect(u.ambiguousFloor).toBe(want.ambiguousFloor)
    expect(u.category).toBe(want.category)
    if (want.problem !== undefined) expect(u.problem).toBe(want.problem)
    expect(u.problem).not.toMatch(/统1/)
  })

  it('keeps the person’s words as the problem (normalised, nothing dropped)', () => {
    expect(understandSuggestion('３号楼，门口！！路灯坏了').problem).toBe('3号楼,门口!!路灯坏了')
  })
})

describe('categorize', () => {
  it.each<[string, Category]>([
    ['路灯坏了', '照明'],
    ['路面坏了', '道路'],
    ['电瓶车没地方停', '停车'],
    ['电瓶车没地方充电', '充电'],
    ['电梯老是坏', '电梯'],
    ['垃圾桶太臭', '垃圾'],
    ['树枝挡窗户', '绿化'],
    ['没有监控', '安全'],
    ['想建个小广场跳舞', '其他'],
    ['', '其他'],
  ])('%s → %s', (text, cat) => {
    expect(categorize(text)).toBe(cat)
  })

  it('always returns one of the categories', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => CATEGORIES.includes(categorize(s))))
  })
})

describe('parsePlace', () => {
  it.each<[string, { building?: number; unit?: number; floor?: number; place: string; placeKind?: string; ambiguousFloor?: number }]>([
    ['3号楼门口', { building: 3, place: '3号楼门口', placeKind: '门口' }],
    ['三号楼前面', { building: 3, place: '3号楼前面', placeKind: '门口' }],
    ['小区大门', { place: '小区大门', placeKind: '大门' }],
    ['车棚', { place: '车棚', placeKind: '车棚' }],
    ['楼下', { place: '楼下', placeKind: '楼下' }],
    ['东门', { place: '东门', placeKind: '大门' }],
    ['东门口', { place: '东门', placeKind: '大门' }],
    ['大门口', { place: '大门', placeKind: '大门' }],
    ['小区门口', { place: '小区大门', placeKind: '大门' }],
    ['３号楼', { building: 3, place: '3号楼' }],
    ['3', { building: 3, place: '3号楼' }],
    ['十二栋楼道', { building: 12, place: '12号楼楼道', placeKind: '楼道' }],
    ['在5号楼那边吧', { building: 5, place: '5号楼' }],
    ['就在7栋后面', { building: 7, place: '7号楼后面', placeKind: '楼后' }],
    ['三楼', { place: '3楼', ambiguousFloor: 3 }],
    ['2单元楼下', { unit: 2, place: '2单元楼下', placeKind: '楼下' }],
    ['3号楼5层', { building: 3, floor: 5, place: '3号楼5楼' }],
    ['地下车库', { place: '地下车库', placeKind: '车库' }],
    ['小区里', { place: '小区', placeKind: '小区' }],
    ['篮球场旁边', { place: '篮球场旁边' }],
    ['快递柜那里', { place: '快递柜', placeKind: '快递柜' }],
    ['幼儿园对面的路口', { place: '路口', placeKind: '道路' }],
  ])('%s', (input, want) => {
    const p = parsePlace(input)
    expect(p).toEqual({ ok: true, value: want })
  })

  it.each<[string, PlaceReason['code']]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['。。。', 'empty'],
    ['😀😀', 'empty'],
    ['不知道', 'dontKnow'],
    ['0', 'building'],
    ['0号楼', 'building'],
    ['1000号楼门口', 'building'],
    ['这个地方就是我每天下班回家都要经过的那条很长很长的小路的尽头', 'tooLong'],
  ])('rejects %j (%s) with a helpful reply', (input, code) => {
    const p = parsePlace(input)
    expect(p.ok ? undefined : p.reason.code).toBe(code)
    expectHelpfulRejection(p)
  })

  it('says each reason as the intake always did', () => {
    expect(intakeText.place({ code: 'empty' })).toBe('请说一下在哪里，例如「3号楼门口」「小区大门」「车棚」。')
    expect(intakeText.place({ code: 'building', written: '1000', max: 999 })).toBe('楼号 1000 不对，请写 1 到 999 之间的楼号。')
    expect(intakeText.place({ code: 'building', written: '12345678', max: 999 })).toBe('楼号 不对，请写 1 到 999 之间的楼号。')
    expect(intakeText.place({ code: 'dontKnow' })).toBe('大概在哪里都可以，例如「3号楼门口」「小区大门」「车棚」；说不准就回复「小区里」。')
    expect(intakeText.place({ code: 'unreadable' })).toBe('没看懂这个地点，例如「3号楼门口」「小区大门」「车棚」。')
    expect(intakeText.place({ code: 'tooLong', max: 20 })).toBe('地点说短一点就好，例如「3号楼门口」「小区大门」「车棚」。')
  })
})

const messy = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ maxLength: 5000 }),
  fc.array(fc.constantFrom('三', '号', '楼', '栋', '十', '两', '单元', '层', '门口', '前面', '东门', '路灯', '坏', '\u0000', '\u200b', '😀', '３', '＃', ' ', '，', '一'), { maxLength: 60 }).map((a) => a.join('')),
  fc.constant('一'.repeat(5000)),
  fc.constant('3号楼'.repeat(1000)),
)

describe('properties', () => {
  it('understandSuggestion never throws; a non-blank input has a non-empty problem', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const u = understandSuggestion(s)
        expect(CATEGORIES).toContain(u.category)
        if (s.trim() !== '') expect(u.problem.length).toBeGreaterThan(0)
        if (u.building !== undefined) expect(u.building).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 300 },
    )
  })

  it('parsePlace never throws; it accepts a non-empty place or rejects in Chinese', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const p = parsePlace(s)
        if (p.ok) expect(p.value.place.trim()).not.toBe('')
        else expectHelpfulRejection(p)
      }),
      { numRuns: 300 },
    )
  })
})
