import { normalizeInput, normalizeWidth } from '../domain/text.js'
import type { CommandSpec } from './command.js'
import { QUESTION_TAIL, READ_ONLY } from './understand/lexicon.js'
import { argsOf, createReader, type Option } from './understand/read.js'
import { createSimplifier, type Simplify } from './understand/simplify.js'
import { unknownText } from './understand/text.js'

export type ParsedCommand =
  | { kind: 'command'; name: string; args: string }
  /** close to a command (a near miss, a phrasing, a question about it): the router decides */
  | { kind: 'guess'; options: Option[]; how: 'sound' | 'typo' | 'phrase' | 'question' }
  | { kind: 'empty' }
  | { kind: 'unknown'; text: string; suggestion?: string; talk?: 'hello' | 'thanks' | 'ok' }

export interface Registry {
  /** in the order 帮助 lists them */
  readonly specs: readonly CommandSpec[]
  find(name: string): CommandSpec | undefined
  /** what someone wrote (Traditional or Simplified) → the command it starts with; never throws */
  parse(input: string): ParsedCommand
  /** Traditional → Simplified, as parse reads text (dialogs match their answers on it) */
  simplify(text: string): string
}

const LEADING = /^[\s#/＃／!！.。,，:：;；、~～\-—·•*]+/
/** what may follow a lone ? and still mean 帮助: ??, ?!, ?。 */
const ONLY_PUNCTUATION = /^[\s?？!！.。]*$/

/** How a name or alias is compared with what people write. */
const keyOf = (word: string): string => normalizeInput(word).toLowerCase()

/**
 * The commands people can say. Refuses at creation a spec without its usage, who, where or act,
 * and two names or aliases that read the same once normalised.
 */
export function createRegistry(specs: readonly CommandSpec[], opts: { simplify?: Simplify } = {}): Registry {
  const simplify = opts.simplify ?? createSimplifier()
  const byName = new Map<string, CommandSpec>()
  const owner = new Map<string, string>()
  for (const spec of specs) {
    for (const field of ['name', 'usage', 'who', 'where', 'act'] as const) {
      if (!spec[field]) throw new Error(`command registry: 「${spec.name}」 has no ${field}`)
    }
    if (byName.has(spec.name)) throw new Error(`command registry: 「${spec.name}」 is declared twice`)
    byName.set(spec.name, spec)
    for (const word of [spec.name, ...spec.aliases]) {
      const key = keyOf(word)
      if (!key) throw new Error(`command registry: 「${spec.name}」 has an empty alias`)
      const other = owner.get(key)
      if (other !== undefined) {
        throw new Error(`command registry: 「${word}」 of 「${spec.name}」 clashes with 「${other}」 (both read as 「${key}」)`)
      }
      owner.set(key, spec.name)
    }
  }
  for (const spec of specs) {
    if (spec.divert && !byName.has(spec.divert.to)) throw new Error(`command registry: 「${spec.name}」 diverts to unknown 「${spec.divert.to}」`)
  }

  const aliasTable = [...owner].map(([alias, name]) => ({ alias, name })).sort((a, b) => b.alias.length - a.alias.length)

  /** the command word at the start of `text` and what follows it */
  function matchAt(text: string): { name: string; rest: string } | undefined {
    const lower = text.toLowerCase()
    for (const { alias, name } of aliasTable) {
      if (!lower.startsWith(alias)) continue
      const rest = text.slice(alias.length)
      // '?' alone (or ??) is help; '?xyz' is not
      if (alias === '?' && !ONLY_PUNCTUATION.test(rest)) continue
      // an ASCII word must end there: help, help me — not helpful
      if (/[a-z]$/.test(alias) && /^[a-z0-9_]/i.test(rest)) continue
      return { name, rest }
    }
    return undefined
  }

  const command = (name: string, args: string): ParsedCommand => {
    const divert = byName.get(name)!.divert
    return { kind: 'command', name: divert && divert.args.test(args) ? divert.to : name, args }
  }

  const reader = createReader({ words: aliasTable, matchAt })

  /**
   * Finds the command in what someone wrote, tolerantly: Traditional characters, full-width,
   * Chinese numerals, punctuation, a leading # or /, spaces or none (even inside the command word);
   * then near misses and everyday phrasings (kit/understand), which come back as guesses.
   */
  function parse(input: string): ParsedCommand {
    // strip a leading # or / before numerals are read, so '/十二' is read like '十二'
    const text = normalizeInput(normalizeWidth(simplify(String(input ?? ''))).replace(LEADING, '')).replace(LEADING, '')
    if (!text) return { kind: 'empty' }
    const hit = matchAt(text)
    // 完成了吗 is a question about it: read as a phrasing, not as the command
    if (hit && (READ_ONLY[hit.name] || !QUESTION_TAIL.test(hit.rest.trim()))) return command(hit.name, argsOf(hit.rest))
    const read = reader.read(text)
    if (read?.kind === 'command') return command(read.name, read.args)
    if (read?.kind === 'guess') return read
    if (read?.kind === 'talk') return { kind: 'unknown', text, talk: read.talk }
    const lower = text.toLowerCase()
    const found = aliasTable.find(({ alias }) => alias.length >= 2 && lower.includes(alias))
    return found ? { kind: 'unknown', text, suggestion: found.name } : { kind: 'unknown', text }
  }

  return { specs, find: (name) => byName.get(name), parse, simplify }
}

/** The friendly hint for anything not understood. */
export function unknownCommandReply(p: { text: string; suggestion?: string }): string {
  // by code point, so an emoji is never cut in half; one line only
  const chars = [...p.text.replace(/\s+/g, ' ').trim()]
  const shown = chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : chars.join('')
  return unknownText(shown, p.suggestion)
}
