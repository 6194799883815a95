import { openRounds } from '../../db/rounds.js'
import { parseRating } from '../../domain/implementation/rating.js'
import { convertAllNumerals, normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../context.js'
import type { ParsedCommand } from '../registry.js'
import { ASKS_PROGRESS, BALLOT, BARE_NUMBERS, CHOICE, CMD, CODE_OF, FORWARDED, RATING_WORDS, SCORES } from './lexicon.js'
import { quoteContext } from './quote.js'
import type { Option } from './read.js'
import { quotedRoundEnded } from './text.js'

/** What the context of a message makes of it: run a command, ask first, or just say something. */
export type Understood =
  | { do: 'run'; option: Option }
  | { do: 'ask'; option: Option }
  | { do: 'say'; text: string; label: string }

const hasCode = (args: string, kind: RegExp): boolean => [...args.matchAll(/\b([PJGTQ])\s*\d+/gi)].some((m) => kind.test(m[1]!.toUpperCase()))
const LETTER = { vote: 'T', rate: 'P', notice: 'G', project: 'P', score: 'T', question: 'Q' } as const
/** the new words as the context readers compare them: Simplified, normalised, numerals read */
const wordsOf = (ctx: Ctx) => convertAllNumerals(normalizeInput(ctx.msg.simplified ?? ctx.msg.text)).replace(/[。.!！~]+$/, '').trim()

/**
 * A quote-reply to one of the bot's messages: the quoted headline says what the new words are
 * about. A quote of a 投票 announcement + `1 2` is a ballot in that round; of a 完工请验收 + `5分`
 * a rating of that project; of a notice + `转发了` its confirmation; a command said under a quote
 * gets the quoted code when it has none (评价 5分 under 完工请验收 P3 → 评价 P3 5分).
 */
export async function readQuote(ctx: Ctx, parsed: ParsedCommand): Promise<Understood | undefined> {
  const quote = ctx.msg.quote
  if (!quote?.fromBot) return undefined
  const context = quoteContext(quote.text)
  if (!context) return undefined
  const code = `${LETTER[context.kind]}${context.id}`
  const named = parsed.kind === 'command' ? { name: parsed.name, args: parsed.args } : parsed.kind === 'guess' && parsed.options.length === 1 ? parsed.options[0]! : undefined
  const takes = named && CODE_OF[named.name]
  if (named && takes?.test(LETTER[context.kind]) && !hasCode(named.args, takes)) return { do: 'run', option: { name: named.name, args: `${code} ${named.args}`.trim() } }
  if (parsed.kind === 'command') return undefined

  const words = wordsOf(ctx)
  switch (context.kind) {
    case 'vote': {
      const ballot = named?.name === CMD.vote ? named.args : BALLOT.test(words) ? words.replace(/^(?:我|我家)?(?:投给|投|选)/, '') : undefined
      if (ballot === undefined) return undefined
      const open = ctx.community ? await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'resident' }) : []
      // a round that is over while another one is open: say so rather than vote in the wrong one
      if (open.length && !open.some((r) => r.id === context.id)) return { do: 'say', text: quotedRoundEnded(`T${context.id}`, `T${open[0]!.id}`), label: 'quote:ended' }
      return { do: 'run', option: { name: CMD.vote, args: ballot.trim() } }
    }
    case 'rate':
      if (named?.name === CMD.rate || (words.length <= 40 && parseRating(words).ok)) return { do: 'run', option: { name: CMD.rate, args: `${code} ${named?.name === CMD.rate ? named.args : words}`.trim() } }
      return undefined
    case 'notice':
      return FORWARDED.test(words.replace(/\s+/g, '')) ? { do: 'run', option: { name: CMD.forwarded, args: code } } : undefined
    case 'project':
      return ASKS_PROGRESS.test(words) ? { do: 'run', option: { name: CMD.progress, args: code } } : undefined
    case 'score':
      return SCORES.test(words) ? { do: 'run', option: { name: CMD.score, args: words } } : undefined
    case 'question':
      // the reason is kept as written: numerals in it are not read as numbers
      return CHOICE.test(words) ? { do: 'run', option: { name: CMD.choose, args: `${code} ${normalizeInput(ctx.msg.simplified ?? ctx.msg.text)}` } } : undefined
  }
}

/**
 * Words that mean something only while a round is open, said without a command word (WorkPro
 * delivers a quote-reply as the new words alone): `2 4` may be a ballot, `5分` a rating. Asked,
 * never acted on directly.
 */
export async function readBare(ctx: Ctx): Promise<Understood | undefined> {
  if (!ctx.community || ctx.msg.type !== 'text') return undefined
  const words = wordsOf(ctx)
  if (!words || words.length > 30) return undefined
  if (BARE_NUMBERS.test(words) && /\d/.test(words)) {
    const [round] = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'resident' })
    if (round) return { do: 'ask', option: { name: CMD.vote, args: words } }
    return undefined
  }
  if (RATING_WORDS.test(words) && parseRating(words).ok) {
    const open = await openRounds(ctx.db, { communityId: ctx.community.id, kind: 'acceptance' })
    if (!open.length) return undefined
    const only = open.length === 1 && !/^P\d/i.test(words) ? `P${open[0]!.projectIds[0]} ` : ''
    return { do: 'ask', option: { name: CMD.rate, args: `${only}${words}` } }
  }
  return undefined
}
