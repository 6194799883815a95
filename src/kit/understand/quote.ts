import { QUOTE_CONTEXT, type QuoteKind } from './lexicon.js'

/**
 * Quote-replies as the puppets deliver them, in the message text:
 * - wechat4u and padlocal ≥ 1.20: `「<name>：<quoted>」\n- - - - - - - - - - - - - - -\n<new words>`
 *   (wechaty-puppet-wechat4u, message-parser-refermsg.ts: 15 spaced dashes; a quoted picture, video,
 *   sticker or location reads 图片 / 视频 / 动画表情 / 位置);
 * - older padlocal: 16 dashes, or the new words first and the quote after them, without dashes;
 * - WorkPro through wechaty-puppet-service: only the new words (the quote is not delivered at all,
 *   wechaty/puppet-supports#656) — nothing to split; the router reads bare numbers and scores itself.
 */
export interface Quote {
  /** who wrote the quoted message, as the quoting client showed them */
  name: string
  text: string
}

const DASHES = /\n[ \t]*-(?:[ \t]*-){5,}[ \t]*(?:\n|$)/
const HEAD = /^\s*「([^：:」\n]{1,64})[：:]([\s\S]*)」\s*$/
const TAIL = /^「([^：:」\n]{1,64})[：:]([\s\S]*)」\s*$/

/** The new words and the quote they answer (if the text is a quote-reply). Never throws. */
export function splitQuote(raw: string): { words: string; quote?: Quote } {
  const text = String(raw ?? '')
  if (!text.includes('「')) return { words: text }
  const dashes = DASHES.exec(text)
  if (dashes) {
    const head = HEAD.exec(text.slice(0, dashes.index))
    if (head) return { words: text.slice(dashes.index + dashes[0].length).trim(), quote: { name: head[1]!.trim(), text: head[2]!.trim() } }
  }
  // the older layout: the new words, then the quote on its own last line(s)
  const at = text.lastIndexOf('\n「')
  const tail = at > 0 ? TAIL.exec(text.slice(at + 1)) : null
  if (tail && text.slice(0, at).trim()) return { words: text.slice(0, at).trim(), quote: { name: tail[1]!.trim(), text: tail[2]!.trim() } }
  return { words: text }
}

export interface QuoteContext {
  kind: QuoteKind
  /** the number of the code the headline names (T3 → 3, P1 → 1) */
  id: number
}

/** What a quoted message of the bot is about, by its headline; undefined for anything else. */
export function quoteContext(quoted: string): QuoteContext | undefined {
  for (const { re, kind } of QUOTE_CONTEXT) {
    const m = re.exec(quoted)
    if (m) return { kind, id: Number(m[1]) }
  }
  return undefined
}
