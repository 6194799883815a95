import { z } from 'zod'
import type { Conversation } from '../../db/conversations.js'
import { normalizeInput } from '../../domain/text.js'
import type { Ctx, DialogHandler } from '../context.js'
import { NO, YES } from './lexicon.js'
import type { Option } from './read.js'
import { askGuess } from './text.js'

/**
 * A guess that would change something waits for 「是」 as a one-step dialog (stored like any
 * dialog, so a 「是」 without @ in a group reaches it, and a restart keeps it). The router reads
 * the answer itself: yes runs the command with the original words through the access check; no
 * drops it; anything else said to the bot drops it and is read afresh.
 */
export const GUESS_DIALOG = 'understand:guess'
const VERSION = 1
const TIMEOUT_MS = 10 * 60_000
const State = z.object({ name: z.string().min(1), args: z.string() })

export const guessDialog: DialogHandler = {
  version: VERSION,
  // the router answers it; nothing to keep or say when it lapses
  onMessage: async () => {},
  onTimeout: async () => '',
}

/** The dialogs this layer adds (the router and the timeout job need to know them). */
export const understandingDialogs: Record<string, DialogHandler> = { [GUESS_DIALOG]: guessDialog }

export async function askAbout(ctx: Ctx, option: Option): Promise<void> {
  await ctx.startDialog({ name: GUESS_DIALOG, version: VERSION, step: 'confirm', state: { ...option }, timeoutMs: TIMEOUT_MS })
  await ctx.reply(askGuess(option.name, option.args))
}

/** The guess waiting for an answer, or null (another dialog, or a state that cannot be read). */
export function pendingGuess(c: Conversation | null): Option | null {
  if (!c || c.name !== GUESS_DIALOG) return null
  const parsed = State.safeParse(c.state)
  return parsed.success ? parsed.data : null
}

/** 是 / 对的 / 嗯 → yes, 不是 / 算了 → no (Simplified, without spaces and punctuation). */
export function yesOrNo(text: string): 'yes' | 'no' | undefined {
  const plain = normalizeInput(text).replace(/[\s,.!?~。，！？、]+/g, '').toLowerCase()
  if (YES.has(plain)) return 'yes'
  if (NO.has(plain)) return 'no'
  return undefined
}
