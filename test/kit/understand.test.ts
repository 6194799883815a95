import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/features/index.js'
import { createRegistry } from '../../src/kit/registry.js'
import { READ_ONLY } from '../../src/kit/understand/lexicon.js'
import { createNearMatcher } from '../../src/kit/understand/nearMiss.js'
import { quoteContext, splitQuote } from '../../src/kit/understand/quote.js'
import { isHarmless, squeeze } from '../../src/kit/understand/read.js'
import { asWritten, createSimplifier } from '../../src/kit/understand/simplify.js'
import { askGuess, guessText, smallTalkText, typeInDialog, typeLine, unknownText, type LineType } from '../../src/kit/understand/text.js'
import { yesOrNo } from '../../src/kit/understand/guess.js'
import { quoteReply } from '../support/mockCommunity.js'

const registry = createRegistry(COMMANDS)
const CJK = /\p{Script=Han}/u
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 3000 }),
  fc.string({ unit: fc.constantFrom(...'登记建议投票进度帮助评价我想要反映问题「」：:- \n号楼P3三七是的吗了😀'), maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'「」：- \n—'), minLength: 2000, maxLength: 4000 }),
)

describe('Traditional → Simplified', () => {
  const simplify = createSimplifier()

  it.each([
    ['登記 3號樓 502', '登记 3号楼 502'],
    ['進度 P3', '进度 P3'],
    ['建議 門口路燈壞了', '建议 门口路灯坏了'],
    ['評價 P1 5 很滿意', '评价 P1 5 很满意'],
    ['我想登記一下我家門牌', '我想登记一下我家门牌'],
  ])('%j → %j', (t, s) => expect(simplify(t)).toBe(s))

  it('leaves Simplified text as it is', () => {
    for (const s of ['3号楼门口路灯坏了，晚上很黑', '干净', '后来', '里面', '系统', '面条', '只有', '发布通知', '我的信息']) expect(simplify(s)).toBe(s)
  })

  it('parses Traditional commands; the arguments are read in Simplified', () => {
    expect(registry.parse('登記 3號樓 502')).toEqual({ kind: 'command', name: '登记', args: '3号楼 502' })
    expect(registry.parse('建議 門口路燈壞了')).toEqual({ kind: 'command', name: '建议', args: '门口路灯坏了' })
    expect(registry.parse('評價P1五分')).toEqual({ kind: 'command', name: '评价', args: 'P1 5分' })
  })

  it('gives a fragment back in the characters the person wrote', () => {
    const written = '建議 門口路燈壞了'
    expect(asWritten({ written, simplified: simplify(written) }, '门口路灯坏了')).toBe('門口路燈壞了')
    expect(asWritten({ written: '路灯', simplified: '路灯' }, '路灯坏了')).toBe('路灯坏了')
  })

  it('never throws, and keeps the length of what it is given', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = simplify(s)
        expect(typeof out).toBe('string')
        expect(() => asWritten({ written: s, simplified: out }, out)).not.toThrow()
      }),
      { numRuns: 200 },
    )
  })
})

describe('near misses of command words', () => {
  const words = [
    { alias: '登记', name: '登记' },
    { alias: '建议', name: '建议' },
    { alias: '进度', name: '进度' },
    { alias: '我的信息', name: '我的信息' },
    { alias: '删除我的信息', name: '删除我的信息' },
  ]
  const m = createNearMatcher(words)

  it.each([
    ['登计3号楼', '登记', 'sound'],
    ['等记', '登记', 'sound'],
    ['建义路灯坏了', '建议', 'sound'],
    ['进都', '进度', 'sound'],
    ['我的信心', '我的信息', 'sound'],
    ['删除我信息', '删除我的信息', 'typo'],
  ])('%j is near %s (%s)', (text, name, how) => {
    expect(m.near(text)[0]).toMatchObject({ name, how })
  })

  it('does not take a different initial for a slip (等一下 is not 登记)', () => {
    expect(m.near('等一下我去问问')).toEqual([])
  })

  it('reads typed-out pinyin', () => {
    expect(m.spelled('dengji')).toMatchObject({ name: '登记' })
    expect(m.spelled('hello')).toBeUndefined()
  })

  it('never throws and only names known commands', () => {
    const names = new Set(words.map((w) => w.name))
    fc.assert(
      fc.property(anyText, (s) => {
        for (const h of m.near(s)) expect(names.has(h.name)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe('spaces inside a command word', () => {
  it('squeezes only between Chinese characters, and knows where each character was', () => {
    const s = squeeze('投 票 3 7')
    expect(s.text).toBe('投票 3 7')
    expect(registry.parse('投 票 3 7')).toEqual({ kind: 'command', name: '投票', args: '3 7' })
    expect(registry.parse('我的 信息')).toEqual({ kind: 'command', name: '我的信息', args: '' })
    expect(registry.parse('投票三 七 十二')).toEqual({ kind: 'command', name: '投票', args: '3 7 12' })
  })

  it('never throws on anything', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const q = squeeze(s)
        expect(q.at.length).toBe(q.text.length + 1)
      }),
      { numRuns: 200 },
    )
  })
})

describe('the tolerant parse is safe', () => {
  const strip = (s: string) => squeeze(registry.simplify(s).normalize('NFKC').toLowerCase().replace(/^[\s#/!.,:;~\-—·•*、。，：；！？～＃／]+/, '')).text

  it('runs a command only when the message starts with its words; a guess of a change is never harmless', () => {
    const aliases = new Map<string, string[]>()
    for (const c of COMMANDS) aliases.set(c.name, [c.name, ...c.aliases].map((a) => a.toLowerCase()))
    fc.assert(
      fc.property(anyText, (s) => {
        const p = registry.parse(s)
        if (p.kind === 'command') {
          const start = strip(s)
          const own = [p.name, ...COMMANDS.filter((c) => c.divert?.to === p.name).map((c) => c.name)]
          expect(own.some((n) => aliases.get(n)!.some((a) => start.startsWith(a.replace(/\s+/g, '')) || registry.parse(a).kind === 'command'))).toBe(true)
        }
        if (p.kind === 'guess') {
          for (const o of p.options) if (!READ_ONLY[o.name]) expect(isHarmless(o)).toBe(false)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('shows things without asking, asks before changing anything', () => {
    expect(isHarmless({ name: '帮助', args: '' })).toBe(true)
    expect(isHarmless({ name: '进度', args: 'P3' })).toBe(true)
    expect(isHarmless({ name: '进度', args: 'P3 60% 管线已铺设' })).toBe(false)
    expect(isHarmless({ name: '投票', args: '' })).toBe(true)
    expect(isHarmless({ name: '投票', args: '3 7' })).toBe(false)
    expect(isHarmless({ name: '登记', args: '' })).toBe(false)
    expect(isHarmless({ name: '同意', args: '' })).toBe(false)
  })

  it.each(['统一一下时间吧', '到处都是垃圾', '等一下我去问问', '今天天气怎么样'])('%j is no command', (s) => {
    const p = registry.parse(s)
    expect(p.kind === 'command' || (p.kind === 'guess' && p.options.some((o) => !READ_ONLY[o.name] && o.name !== '同意'))).toBe(false)
  })

  it('reads yes and no to a question', () => {
    for (const y of ['是', '是的', '對', '嗯', '好的', 'OK', '确定。']) expect(yesOrNo(registry.simplify(y)), y).toBe('yes')
    for (const n of ['不是', '算了', '不要', '取消']) expect(yesOrNo(n), n).toBe('no')
    expect(yesOrNo('登记 3号楼 502')).toBeUndefined()
  })
})

describe('quote-replies', () => {
  const bot = '共建助手'
  const announcement = '【居民投票 T3】请为小区微更新项目投票，排出先后：\nP2 车棚扩建（1 人提到）\n投票：@我 说「投票 3 7 12」'

  it.each(['wechat4u', 'padlocal-old'] as const)('splits %s: the new words are the message, the quote its context', (format) => {
    const text = quoteReply({ name: bot, quoted: announcement, words: '2 4', format })
    expect(splitQuote(text)).toEqual({ words: '2 4', quote: { name: bot, text: announcement } })
  })

  it('splits the older layout with the new words first', () => {
    expect(splitQuote('5分\n「共建助手：【完工请验收】P1「路灯维修」已完工」')).toEqual({ words: '5分', quote: { name: bot, text: '【完工请验收】P1「路灯维修」已完工' } })
  })

  it('leaves WorkPro (new words only) and plain text alone', () => {
    expect(splitQuote(quoteReply({ name: bot, quoted: announcement, words: '2 4', format: 'workpro' }))).toEqual({ words: '2 4' })
    expect(splitQuote('建议「路灯」坏了')).toEqual({ words: '建议「路灯」坏了' })
  })

  it('reads what the quoted message is about', () => {
    expect(quoteContext(announcement)).toEqual({ kind: 'vote', id: 3 })
    expect(quoteContext('@张阿姨 【完工请验收】P1「路灯维修」已完工。请您评价：')).toEqual({ kind: 'rate', id: 1 })
    expect(quoteContext('【通知 G2】停水通知')).toEqual({ kind: 'notice', id: 2 })
    expect(quoteContext('等您评价的项目：P1「路灯维修」（12月9日 20:30 截止）。')).toEqual({ kind: 'rate', id: 1 })
    expect(quoteContext('今天天气不错')).toBeUndefined()
  })

  it('gives back any quote it was given, and never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'张三李四 '), minLength: 1, maxLength: 8 }).filter((n) => n.trim() !== ''),
        fc.string({ unit: fc.constantFrom(...'投票T3\n 1 2 ，。P【】'), maxLength: 60 }),
        fc.string({ unit: fc.constantFrom(...'1 2 投3号 好的'), minLength: 1, maxLength: 12 }).filter((w) => w.trim() !== ''),
        (name, quoted, words) => {
          const got = splitQuote(quoteReply({ name, quoted, words, format: 'wechat4u' }))
          expect(got.words).toBe(words.trim())
          expect(got.quote).toEqual({ name: name.trim(), text: quoted.trim() })
        },
      ),
    )
    fc.assert(fc.property(anyText, (s) => void splitQuote(s)), { numRuns: 300 })
  })
})

describe('what the understanding layer says', () => {
  const short = (s: string) => {
    expect(s).toMatch(CJK)
    expect(s.trim()).toBe(s.trim())
    expect([...s].length).toBeLessThan(60)
  }
  const TYPES: LineType[] = ['voice', 'video', 'location', 'link', 'mini-program', 'file', 'sticker', 'contact', 'chat-history', 'money', 'image', 'other']

  it('is short and Chinese, and names what to do instead', () => {
    for (const t of TYPES) {
      short(typeLine(t))
      short(typeInDialog(t))
    }
    short(typeLine('location', { place: '幸福里小区东门' + '很长的名字'.repeat(10) }))
    expect(typeLine('voice')).toContain('建议')
    expect(typeLine('voice')).toContain('楼组长')
    for (const s of [...Object.values(smallTalkText), guessText.declined]) short(s)
  })

  it('asks 「您是想「登记」吗？回复「是」」', () => {
    expect(askGuess('登记', '')).toBe('您是想「登记」吗？回复「是」')
    expect(askGuess('投票', '3 7')).toBe('您是想「投票 3 7」吗？回复「是」')
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (args) => short(askGuess('建议', args))))
  })

  it('hints at anything not understood', () => {
    short(unknownText('你好'))
    short(unknownText('我想登记', '登记'))
  })
})
