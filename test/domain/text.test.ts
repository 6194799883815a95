import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chinesePunctuation, chineseToNumber, cleanText, clip, convertAllNumerals, convertNumerals, cut, normalizeInput, normalizeWidth } from '../../src/domain/text.js'

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** The standard reading of 1..9999 (一千零五十, 三百零二, 十二), to check the parser against. */
function toChinese(n: number): string {
  if (n === 0) return '零'
  const units = ['千', '百', '十', '']
  const ds = String(n).padStart(4, '0').split('').map(Number)
  let out = ''
  let pendingZero = false
  ds.forEach((d, i) => {
    if (d === 0) {
      if (out) pendingZero = true
      return
    }
    if (pendingZero) out += '零'
    pendingZero = false
    out += DIGIT_CHARS[d]! + units[i]!
  })
  return out.startsWith('一十') ? out.slice(1) : out
}

describe('chineseToNumber', () => {
  it.each([
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['五零二', 502],
    ['两', 2],
    ['十', 10],
    ['一十', 10],
    ['三十五', 35],
    ['九十九', 99],
    ['一百', 100],
    ['两百', 200],
    ['一百一十', 110],
    ['一百十', 110],
    ['一千零一', 1001],
    ['一千零一十', 1010],
    ['一千二百三十四', 1234],
    ['二百五', 250], // spoken shorthand: one unit down
    ['一千二', 1200],
    ['零', 0],
    ['〇', 0],
    ['一二零一', 1201],
    ['五〇二', 502],
    ['九九九', 999],
  ])('%s → %d', (s, n) => {
    expect(chineseToNumber(s)).toBe(n)
  })

  it.each(['', 'abc', '3', '十十', '十一百', '二二十', '十二三', '一百零', '五十零', '一百零零五', '百', '千', '零十', '一千零百', '万', '十万', '一 二', '两个'])(
    '%j is not a number',
    (s) => {
      expect(chineseToNumber(s)).toBeUndefined()
    },
  )

  it('an over-long digit run is refused rather than rounded', () => {
    expect(chineseToNumber('九'.repeat(20))).toBeUndefined()
    expect(chineseToNumber('九'.repeat(15))).toBe(999_999_999_999_999)
  })

  it('reads every number 0..9999 written the standard way', () => {
    for (let n = 0; n <= 9999; n++) expect(chineseToNumber(toChinese(n)), toChinese(n)).toBe(n)
  })

  it('reads any digit-by-digit numeral as its digits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 }), (ds) => {
        expect(chineseToNumber(ds.map((d) => DIGIT_CHARS[d]).join(''))).toBe(Number(ds.join('')))
      }),
    )
  })

  it('never throws and returns undefined or a safe non-negative integer', () => {
    const numeralish = fc.string({ unit: fc.constantFrom(...'零〇一二两三四五六七八九十百千万a3 '), maxLength: 30 })
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), numeralish), (s) => {
        const n = chineseToNumber(s)
        if (n !== undefined) {
          expect(Number.isSafeInteger(n)).toBe(true)
          expect(n).toBeGreaterThanOrEqual(0)
        }
      }),
    )
  })
})

describe('convertNumerals', () => {
  it.each([
    ['三号楼前面的灯不亮', '3号楼前面的灯不亮'],
    ['十二栋', '12栋'],
    ['两单元', '2单元'],
    ['第三栋', '第3栋'],
    ['五零二室', '502室'],
    ['一百零五号', '105号'],
    ['二十层', '20层'],
    ['三楼', '3楼'],
    ['一人一票', '1人1票'],
    ['十分钟', '10分钟'],
    ['七十分', '70分'],
    ['投 三 七 十二', '投 3 7 12'], // pure-numeral tokens
    ['十二 五零二', '12 502'],
    ['一', '1'],
    ['三，五', '3，5'],
  ])('%s → %s', (s, out) => {
    expect(convertNumerals(s)).toBe(out)
  })

  it.each([
    '统一',
    '一起',
    '一下',
    '第一',
    '万一',
    '十万',
    '三心二意',
    '一定要修',
    '同一栋楼',
    '统一号召',
    '每一层',
    '十分感谢',
    '百分之百',
    '千人大会',
    '个人信息',
    '王五',
    '@张三',
  ])('%s stays as it is', (s) => {
    expect(convertNumerals(s)).toBe(s)
  })

  it('keeps leading zeros of a digit-by-digit numeral', () => {
    expect(convertNumerals('零五号')).toBe('05号')
  })

  it('leaves a numeral inside a word alone unless a counter follows', () => {
    expect(convertNumerals('三号楼五零二')).toBe('3号楼五零二')
    expect(convertAllNumerals('3号楼五零二')).toBe('3号楼502')
  })

  it('leaves an invalid run before a counter as it is', () => {
    expect(convertNumerals('十十号楼')).toBe('十十号楼')
  })

  it('is linear on very long numeral runs', () => {
    const long = '一'.repeat(100_000)
    const t = performance.now()
    expect(convertNumerals(long)).toBe('1'.repeat(100_000))
    expect(convertNumerals(`${long}号楼`)).toBe(`${'1'.repeat(100_000)}号楼`)
    expect(convertNumerals(`${long}x`)).toBe(`${long}x`)
    expect(performance.now() - t).toBeLessThan(2000)
  })

  it('writes any standard numeral before a counter as its digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('号楼', '栋', '单元', '室', '层'), (n, counter) => {
        expect(convertNumerals(`住在${toChinese(n)}${counter}`)).toBe(`住在${n}${counter}`)
      }),
    )
  })

  it('changes nothing in text without numeral characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        fc.pre(!/[零〇一二两三四五六七八九十百千]/.test(s))
        expect(convertNumerals(s)).toBe(s)
        expect(convertAllNumerals(s)).toBe(s)
      }),
    )
  })
})

describe('normalizeWidth', () => {
  it.each([
    ['１２栋', '12栋'],
    ['＃登记', '#登记'],
    ['／帮助', '/帮助'],
    ['ｈｅｌｐ', 'help'],
    ['３号楼５０２', '3号楼502'],
    ['a\u3000b', 'a b'], // ideographic space
    ['a\u00a0b', 'a b'],
    ['a\u2005b', 'a b'], // WeChat puts U+2005 after an @name
    ['绑定：3号楼', '绑定:3号楼'],
    ['一，二、三；四！？', '一,二,三;四!?'],
    ['①号楼', '1号楼'],
    ['\u0000x\u200by\ufeff', 'xy'],
    ['a\u202eb\u200fc', 'abc'], // bidi marks
    ['a\r\nb\rc', 'a\nb\nc'],
  ])('%j → %j', (s, out) => {
    expect(normalizeWidth(s)).toBe(out)
  })

  it('leaves ordinary Chinese and ASCII alone', () => {
    expect(normalizeWidth('三号楼门口路灯坏了。Help 3#')).toBe('三号楼门口路灯坏了。Help 3#')
  })

  it('is idempotent and leaves no control or full-width ASCII characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeWidth(s)
        expect(normalizeWidth(once)).toBe(once)
        // eslint-disable-next-line no-control-regex -- checking they are gone
        expect(once).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u3000\uff01-\uff5e]/)
      }),
    )
  })
})

describe('normalizeInput', () => {
  it.each([
    ['  ３号楼　五零二 ', '3号楼 502'],
    ['＃登记　三号楼  502', '#登记 3号楼 502'],
    ['十二幢一单元', '12幢1单元'],
    ['\t帮助\t', '帮助'],
    ['', ''],
    ['　 ', ''],
  ])('%j → %j', (s, out) => {
    expect(normalizeInput(s)).toBe(out)
  })

  it('keeps line breaks (multi-line suggestions)', () => {
    expect(normalizeInput('第一行\n第二行')).toBe('第一行\n第二行')
  })

  it('never throws, is trimmed, has no runs of spaces, and is idempotent', () => {
    const mixed = fc.string({ unit: fc.constantFrom(...'三号楼５０２　 \t十二栋统一＃，？😀\u0000\n'), maxLength: 60 })
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), mixed), (s) => {
        const out = normalizeInput(s)
        expect(out).toBe(out.trim())
        expect(out).not.toMatch(/[ \t]{2}|\t/)
        expect(normalizeInput(out)).toBe(out)
      }),
    )
  })

  it('handles 5,000 characters quickly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 5000, maxLength: 5000 }), (s) => {
        expect(typeof normalizeInput(s)).toBe('string')
      }),
      { numRuns: 20 },
    )
  })
})

describe('chinesePunctuation', () => {
  it.each([
    ['门口路灯坏了,晚上很黑', '门口路灯坏了，晚上很黑'],
    ['好!谢谢', '好！谢谢'],
    ['问题:路灯', '问题：路灯'],
    ['真的吗?', '真的吗？'],
    ['1,2,3号楼', '1,2,3号楼'],
    ['a,b', 'a,b'],
  ])('%s → %s', (input, expected) => {
    expect(chinesePunctuation(input)).toBe(expected)
  })
})

describe('cleanText and cut: what may be stored, cut by code point', () => {
  const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
  // eslint-disable-next-line no-control-regex -- the point of the test
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
  // UTF-16 units of every kind, halves of surrogate pairs and emoji included
  const ANY = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), fc.string({ unit: 'grapheme' }))

  it.each([
    ['帮\u0000助', '帮助'],
    ['a\r\nb\rc', 'a\nb\nc'],
    ['\ud83d', ''],
    ['ok😀', 'ok😀'],
    ['\u0007铃\u007f', '铃'],
  ])('%j → %j', (input, output) => expect(cleanText(input)).toBe(output))

  it('leaves no control character and no half of a surrogate pair; is idempotent; JSON round-trips', () => {
    fc.assert(
      fc.property(ANY, (s) => {
        const c = cleanText(s)
        expect(c).not.toMatch(CONTROL)
        expect(c).not.toMatch(LONE)
        expect(cleanText(c)).toBe(c)
        expect(JSON.parse(JSON.stringify(c))).toBe(c)
      }),
      { numRuns: 2000 },
    )
  })

  it('cut never splits an emoji and keeps a prefix of at most max code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 0, max: 30 }), (s, max) => {
        const c = cut(s, max)
        expect([...c].length).toBeLessThanOrEqual(max)
        expect(s.startsWith(c)).toBe(true)
        expect(c).not.toMatch(LONE)
        expect(clip(s, max).length).toBeGreaterThanOrEqual(c.length)
      }),
    )
    expect(cut('张三丰张三丰张三丰张三😀好', 12)).toBe('张三丰张三丰张三丰张三😀')
    expect(clip('一二三四', 2)).toBe('一二…')
  })
})
