import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/features/index.js'
import { createRegistry, unknownCommandReply, type ParsedCommand } from '../../src/kit/registry.js'

const registry = createRegistry(COMMANDS)
const parseCommand = (s: string) => registry.parse(s)
const commandSpec = (name: string) => registry.find(name)

const CJK = /[\u4e00-\u9fff]/

describe('parseCommand', () => {
  it.each([
    ['帮助', '帮助', ''],
    ['/帮助', '帮助', ''],
    ['#帮助', '帮助', ''],
    ['＃帮助', '帮助', ''],
    ['／帮助', '帮助', ''],
    ['！帮助', '帮助', ''],
    ['帮助？', '帮助', ''],
    ['?', '帮助', ''],
    ['？', '帮助', ''],
    ['??', '帮助', ''],
    ['？！', '帮助', ''],
    ['菜单', '帮助', ''],
    ['帮忙', '帮助', ''],
    ['help', '帮助', ''],
    ['HELP', '帮助', ''],
    ['ｈｅｌｐ', '帮助', ''],
    ['help!', '帮助', ''],
    ['登记 3号楼 502', '登记', '3号楼 502'],
    ['＃登记 三号楼 502', '登记', '3号楼 502'],
    ['＃登记　３号楼　５０２', '登记', '3号楼 502'],
    ['登记3号楼502', '登记', '3号楼502'],
    ['登记：3号楼 502', '登记', '3号楼 502'],
    ['登记，3号楼 502。', '登记', '3号楼 502。'],
    ['  登记   3号楼   502  ', '登记', '3号楼 502'],
    ['登记 十二幢一单元', '登记', '12幢1单元'],
    ['登记住户 3号楼 502', '登记', '3号楼 502'],
    ['住户登记 3-502', '登记', '3-502'],
    ['。。登记 3号楼 502', '登记', '3号楼 502'],
    ['~登记 3号楼 502', '登记', '3号楼 502'],
    ['绑定 3号楼', '绑定', '3号楼'],
    ['绑定：3号楼', '绑定', '3号楼'],
    ['绑定:三号楼', '绑定', '3号楼'],
    ['绑定楼栋 3号楼', '绑定', '3号楼'],
    ['我的信息', '我的信息', ''],
    ['我的信息。', '我的信息', ''],
    ['个人信息', '我的信息', ''],
    ['删除我的信息', '删除我的信息', ''],
    ['/删除我的信息', '删除我的信息', ''],
    ['删除信息', '删除我的信息', ''],
    ['注销', '删除我的信息', ''],
    ['确认 @张三', '确认', '@张三'],
    ['确认@张三', '确认', '@张三'],
    ['确认住户 @李四', '确认', '@李四'],
    ['楼组长 @张三', '楼组长', '@张三'],
    ['设楼组长@王五', '楼组长', '@王五'],
    ['取消', '取消', ''],
    ['退出', '取消', ''],
    ['算了', '取消', ''],
    ['返回', '返回', ''],
    ['返回。', '返回', ''],
    ['上一步', '返回', ''],
  ])('%j → %s %j', (input, name, args) => {
    expect(parseCommand(input)).toEqual({ kind: 'command', name, args })
  })

  it('删除我的信息 is never read as 我的信息', () => {
    for (const s of ['删除我的信息', '＃删除我的信息', '删除 我的信息', '删除我的信息吧']) {
      const p = parseCommand(s)
      expect(p.kind === 'command' && p.name, s).not.toBe('我的信息')
    }
  })

  it.each(['', '   ', '#', '/', '＃／', '。。。', '\u3000', '\u0000', '\u200b'])('%j is empty', (s) => {
    expect(parseCommand(s)).toEqual({ kind: 'empty' })
  })

  it.each([
    ['@张三 确认', '确认'],
    ['helpful', '帮助'], // an ASCII alias must end at a word boundary to be the command
    ['看看我的信息对不对', '我的信息'],
  ])('%j is unknown, suggesting %s', (s, suggestion) => {
    expect(parseCommand(s)).toMatchObject({ kind: 'unknown', suggestion })
  })

  it.each([
    ['我想登记 3号楼 502', '登记', '3号楼 502', 'phrase'],
    ['请问怎么登记', '登记', '', 'question'],
    ['能帮助我吗', '帮助', '', 'phrase'],
    ['我要看我的信息', '我的信息', '', 'typo'],
    ['我要删除我的信息', '删除我的信息', '', 'phrase'], // the longer alias wins
  ])('%j is a guess: %s %j (%s)', (s, name, args, how) => {
    expect(parseCommand(s)).toEqual({ kind: 'guess', options: [{ name, args }], how })
  })

  it.each(['你好', '3号楼门口路灯坏了', '?xyz', 'hello', '😀', '12345'])('%j is unknown without a suggestion', (s) => {
    const p = parseCommand(s)
    expect(p.kind).toBe('unknown')
    expect(p).not.toHaveProperty('suggestion', expect.anything())
  })

  it('reads numerals the same after a leading # or /', () => {
    expect(parseCommand('/十二')).toEqual(parseCommand('十二'))
    expect(parseCommand('#十二')).toEqual({ kind: 'unknown', text: '12' })
  })

  it('unknown keeps the normalised text', () => {
    expect(parseCommand('  ＃今天　三号楼 登记了吗 ')).toEqual({ kind: 'unknown', text: '今天 3号楼 登记了吗', suggestion: '登记' })
  })

  it('every command name and alias parses to its command, even written full-width after #', () => {
    const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    for (const c of COMMANDS) {
      for (const alias of [c.name, ...c.aliases]) {
        expect(parseCommand(alias), alias).toEqual({ kind: 'command', name: c.name, args: '' })
        expect(parseCommand(`＃${fullWidth(alias)}`), alias).toEqual({ kind: 'command', name: c.name, args: '' })
      }
    }
  })

  it('commandSpec finds each command and nothing else', () => {
    for (const c of COMMANDS) expect(commandSpec(c.name)).toBe(c)
    expect(commandSpec('帮忙')).toBeUndefined()
    expect(commandSpec('')).toBeUndefined()
  })
})

describe('unknownCommandReply', () => {
  it('is Chinese and mentions 帮助', () => {
    const r = unknownCommandReply({ text: '你好' })
    expect(r).toMatch(CJK)
    expect(r).toContain('帮助')
    expect(r).toContain('你好')
  })

  it('offers the suggestion', () => {
    const p = parseCommand('今天3号楼登记了吗')
    if (p.kind !== 'unknown') throw new Error('expected unknown')
    const r = unknownCommandReply(p)
    expect(r).toContain('「登记」')
    expect(r).toContain('帮助')
  })

  it('shortens long text to 12 characters without cutting an emoji in half', () => {
    const r = unknownCommandReply({ text: '😀'.repeat(30) })
    expect(r).toContain(`「${'😀'.repeat(12)}…」`)
    expect(r).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
  })

  it('keeps the quote on one line', () => {
    expect(unknownCommandReply({ text: '第一行\n第二行' })).toContain('「第一行 第二行」')
  })
})

describe('parseCommand properties', () => {
  const CONTROL = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) })
  const MIXED = fc.string({ unit: fc.constantFrom(...'登记帮助我的信息删除确认#＃/／？?：:，, 　３3三十号楼😀👨‍👩‍👧\u0000\n\t@'), maxLength: 40 })
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'grapheme-composite' }),
    CONTROL,
    MIXED,
    fc.string({ unit: 'binary', minLength: 5000, maxLength: 5000 }),
    fc.string({ unit: fc.constantFrom(...'一二三十号楼 #'), minLength: 5000, maxLength: 5000 }),
  )

  function check(p: ParsedCommand): void {
    expect(['command', 'guess', 'empty', 'unknown']).toContain(p.kind)
    if (p.kind === 'command') {
      expect(commandSpec(p.name)).toBeDefined()
      expect(p.args).toBe(p.args.trim())
    }
    if (p.kind === 'guess') {
      expect(p.options.length).toBeGreaterThan(0)
      for (const o of p.options) {
        expect(commandSpec(o.name)).toBeDefined()
        expect(o.args).toBe(o.args.trim())
      }
    }
    if (p.kind === 'unknown') {
      expect(p.text.trim()).not.toBe('')
      if (p.suggestion !== undefined) expect(commandSpec(p.suggestion)).toBeDefined()
      const reply = unknownCommandReply(p)
      expect(reply.trim()).not.toBe('')
      expect(reply).toMatch(CJK)
      expect(reply).toContain('帮助')
      expect(reply.length).toBeLessThan(80)
    }
  }

  it('never throws and always gives one of the four kinds', () => {
    fc.assert(fc.property(anyText, (s) => check(parseCommand(s))), { numRuns: 300 })
  })

  it('a command followed by anything is still that command', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMANDS.map((c) => c.name)), fc.string({ unit: 'grapheme' }), (name, tail) => {
        const p = parseCommand(`${name} ${tail}`)
        expect(p.kind).toBe('command')
        if (p.kind === 'command') expect(commandSpec(p.name)).toBeDefined()
        // only the longer 删除我的信息 may take over from 我的信息's prefix, never the reverse
        if (p.kind === 'command' && name !== '我的信息') expect(p.name).toBe(name)
      }),
    )
  })

  it('does not depend on width or a leading # or /', () => {
    const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    fc.assert(
      fc.property(MIXED, fc.constantFrom('', '#', '/', '＃', '／', ' '), (s, lead) => {
        expect(parseCommand(lead + fullWidth(s))).toEqual(parseCommand(s))
      }),
    )
  })
})
