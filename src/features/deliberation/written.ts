import { chinesePunctuation, cleanText } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { asWritten } from '../../kit/understand/index.js'

/** A fragment of the parsed words as the person wrote it: Chinese punctuation, their characters. */
export const written = (ctx: Ctx, fragment: string): string =>
  cleanText(asWritten({ written: ctx.msg.text, simplified: ctx.msg.simplified ?? ctx.msg.text }, chinesePunctuation(fragment))).trim()
