import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/features/index.js'
import { refusalFor, whereAllows, whoAllows, type Spot, type Standing } from '../../src/kit/access.js'
import { defineCommand, WHERE_REFUSAL, WHO_REFUSAL, type CommandSpec } from '../../src/kit/command.js'
import { createRegistry } from '../../src/kit/registry.js'
import { helpSections } from '../../src/features/help/index.js'

const CJK = /[\u4e00-\u9fff]/
const noop = async () => {}
const spec = (over: Partial<CommandSpec>): CommandSpec =>
  defineCommand({ name: '试试', aliases: [], usage: '试试 — 试一下', who: 'everyone', where: 'anywhere', act: '试一下', run: noop, ...over })

/** every kind of person the access check knows */
const STANDINGS: Record<string, Standing> = {
  resident: { isStaff: false, isHead: false, isLiaison: false, isGrid: false, isStreet: false },
  head: { isStaff: false, isHead: true, isLiaison: false, isGrid: false, isStreet: false },
  liaison: { isStaff: false, isHead: false, isLiaison: true, isGrid: false, isStreet: false },
  headAndLiaison: { isStaff: false, isHead: true, isLiaison: true, isGrid: false, isStreet: false },
  grid: { isStaff: false, isHead: false, isLiaison: false, isGrid: true, isStreet: false },
  staff: { isStaff: true, isHead: false, isLiaison: false, isGrid: false, isStreet: false },
  street: { isStaff: false, isHead: false, isLiaison: false, isGrid: false, isStreet: true },
}
/** every kind of place a message comes from */
const SPOTS: Record<string, Spot> = {
  private: null,
  staff: { kind: 'staff' },
  building: { kind: 'building' },
  council: { kind: 'council' },
  street: { kind: 'street' },
  unbound: { kind: 'unbound' } as unknown as Spot,
}

describe('the command registry', () => {
  const registry = createRegistry(COMMANDS)

  it('every command has a name, usage, who, where and act; its run is a function', () => {
    for (const c of COMMANDS) {
      expect(c.name, c.name).toMatch(CJK)
      expect(c.usage.startsWith(c.name) || c.usage.split(' — ')[0]!.includes(c.name), c.name).toBe(true)
      expect(['everyone', 'head', 'staff', 'partner', 'grid', 'street']).toContain(c.who)
      expect(['anywhere', 'group', 'private', 'office', 'street']).toContain(c.where)
      expect(c.act, c.name).toMatch(CJK)
      expect(typeof c.run).toBe('function')
    }
  })

  it('no two commands or aliases clash, and each finds its own command', () => {
    for (const c of COMMANDS) {
      expect(registry.find(c.name)).toBe(c)
      for (const word of [c.name, ...c.aliases]) {
        const p = registry.parse(word)
        // 撤销 diverts only with a suggestion's code after it
        expect(p, word).toEqual({ kind: 'command', name: c.name, args: '' })
      }
    }
  })

  it('a command that changes data followed only by a question asks about it (完成了吗 is not 完成)', () => {
    expect(registry.parse('完成了吗')).toEqual({ kind: 'guess', options: [{ name: '进度', args: '' }], how: 'phrase' })
    expect(registry.parse('P3完成了吗')).toEqual({ kind: 'guess', options: [{ name: '进度', args: 'P3' }], how: 'phrase' })
    expect(registry.parse('登记了吗')).toEqual({ kind: 'guess', options: [{ name: '我的信息', args: '' }], how: 'phrase' })
    expect(registry.parse('完成 P3')).toEqual({ kind: 'command', name: '完成', args: 'P3' })
    // a harmless command with a question mark still runs
    expect(registry.parse('进度？')).toEqual({ kind: 'command', name: '进度', args: '' })
  })

  it('refuses at creation a clash after normalisation, with both names', () => {
    expect(() => createRegistry([spec({ name: '登记', aliases: [] }), spec({ name: '住户', aliases: ['登 记'] })])).not.toThrow()
    expect(() => createRegistry([spec({ name: '登记' }), spec({ name: '住户', aliases: ['ＨＥＬＰ'] }), spec({ name: '帮助', aliases: ['help'] })])).toThrow(
      /「help」 of 「帮助」 clashes with 「住户」/,
    )
    expect(() => createRegistry([spec({ name: '投票' }), spec({ name: '我要投', aliases: ['投票'] })])).toThrow(/clashes with 「投票」/)
    expect(() => createRegistry([spec({ name: '投票' }), spec({ name: '投票' })])).toThrow(/declared twice/)
    expect(() => createRegistry([spec({ act: '' })])).toThrow(/has no act/)
    expect(() => createRegistry([spec({ divert: { args: /x/, to: '没有' } })])).toThrow(/diverts to unknown/)
  })

  it('撤销 J12 is a resident withdrawing; bare 撤销 is the staff undoing', () => {
    expect(registry.parse('撤销 J12')).toEqual({ kind: 'command', name: '撤回', args: 'J12' })
    expect(registry.parse('撤销')).toEqual({ kind: 'command', name: '撤销', args: '' })
  })

  it('every refusal is one Chinese sentence naming what was asked', () => {
    for (const c of COMMANDS) {
      for (const s of Object.values(SPOTS)) {
        for (const st of Object.values(STANDINGS)) {
          const r = refusalFor(c, s, st)
          if (!r) continue
          expect(r.text).toMatch(CJK)
          expect(r.text).toMatch(/[。！]$/)
          expect(r.text.length).toBeLessThan(60)
        }
      }
    }
  })
})

describe('the access check', () => {
  const commands = fc.constantFrom(...COMMANDS)
  const standings = fc.constantFrom(...Object.entries(STANDINGS))
  const spots = fc.constantFrom(...Object.entries(SPOTS))

  it('refuses exactly when the spec says so: the room first, then the person', () => {
    fc.assert(
      fc.property(commands, standings, spots, (c, [role, st], [place, spot]) => {
        const inRoom =
          c.where === 'anywhere' ||
          (c.where === 'group' && place !== 'private') ||
          (c.where === 'private' && place === 'private') ||
          (c.where === 'office' && (place === 'private' || place === 'staff')) ||
          (c.where === 'street' && place === 'street')
        const person =
          c.who === 'everyone' ||
          (c.who === 'street' ? role === 'street' : role === 'staff') ||
          (c.who === 'head' && (role === 'head' || role === 'headAndLiaison')) ||
          (c.who === 'partner' && (role === 'liaison' || role === 'headAndLiaison')) ||
          (c.who === 'grid' && role === 'grid')
        const r = refusalFor(c, spot, st)
        if (inRoom && person) expect(r).toBeNull()
        else if (!inRoom) expect(r).toEqual({ code: 'WRONG_ROOM', text: c.refuse?.where ?? WHERE_REFUSAL[c.where as 'group'](c) })
        else expect(r).toEqual({ code: 'FORBIDDEN', text: c.refuse?.who ?? WHO_REFUSAL[c.who as 'staff'](c) })
      }),
      { numRuns: 1000 },
    )
  })

  it('is the same check as whoAllows and whereAllows', () => {
    fc.assert(
      fc.property(commands, standings, spots, (c, [, st], [, spot]) => {
        expect(refusalFor(c, spot, st) === null).toBe(whoAllows(c.who, st) && whereAllows(c.where, spot))
      }),
    )
  })
})

describe('帮助 lists exactly what the access check allows', () => {
  it.each(Object.keys(STANDINGS).flatMap((role) => Object.keys(SPOTS).map((place) => [role, place] as const)))('%s in %s', (role, place) => {
    const st = STANDINGS[role]!
    const spot = SPOTS[place]!
    const { here, inGroups, inOffice, inStreet } = helpSections(COMMANDS, spot, st)
    const listed = COMMANDS.filter((c) => !c.unlisted && c.name !== '帮助')
    // every listed command this person may say somewhere, once; none they may not say
    const named = [...here, ...inGroups, ...inOffice, ...inStreet].map((c) => c.name)
    expect(new Set(named).size).toBe(named.length)
    expect(named.sort()).toEqual(listed.filter((c) => whoAllows(c.who, st)).map((c) => c.name).sort())
    // what is offered for here is allowed here
    for (const c of here) expect(refusalFor(c, spot, st), c.name).toBeNull()
    // what is offered for elsewhere is refused here, except group commands in the staff group
    // (meant for the building groups, they are listed for those)
    for (const c of [...inGroups, ...inOffice, ...inStreet]) {
      if (place === 'staff' && c.where === 'group') continue
      expect(refusalFor(c, spot, st)?.code, c.name).toBe('WRONG_ROOM')
    }
  })
})
