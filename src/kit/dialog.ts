import type { z } from 'zod'
import type { MessageType } from '../chat/types.js'
import type { Conversation } from '../db/conversations.js'
import type { Db } from '../db/client.js'
import { normalizeInput } from '../domain/text.js'
import type { Ctx, DialogHandler } from './context.js'
import { dialogText } from './text.js'
import { typeInDialog, type LineType } from './understand/text.js'

/**
 * One dialog engine. A dialog is a table of steps — what to ask, how an answer is read, where it
 * goes next — and a state whose shape is a zod schema with a version. Stored state is validated
 * when it is loaded; a state of an older version is migrated, or the person is told plainly.
 */

/** One answer as a step sees it. */
export interface Answer {
  type: Ctx['msg']['type']
  /** the words, trimmed ('' for a picture): what the person wrote, to keep and show */
  text: string
  /** the words in Simplified characters, trimmed: to parse (an address, a number) */
  simplified: string
  /** the words for matching: Simplified, normalized, without spaces and sentence punctuation */
  plain: string
}

/** Where an answer leads. */
export type Go<S, K extends string> =
  /** save the state at `step` and ask its question (after `say`, if any) */
  | { go: 'ask'; step: K; state: S; say?: string }
  /** stay at this step: save `state` if given, and say `say` (the question is not repeated) */
  | { go: 'stay'; state?: S; say: string }
  /** stay and ask this step's question again, after `say` */
  | { go: 'again'; state?: S; say?: string }
  /** the dialog is over; say `say` */
  | { go: 'end'; say?: string }
  /** the step replied and ended or saved the dialog itself (a use-case that answers on its own) */
  | { go: 'handled' }

export const ask = <S, K extends string>(step: K, state: S, say?: string): Go<S, K> => ({ go: 'ask', step, state, say })
export const stay = <S, K extends string>(say: string, state?: S): Go<S, K> => ({ go: 'stay', say, state })
export const again = <S, K extends string>(say?: string, state?: S): Go<S, K> => ({ go: 'again', say, state })
export const end = <S, K extends string>(say?: string): Go<S, K> => ({ go: 'end', say })
export const handled = <S, K extends string>(): Go<S, K> => ({ go: 'handled' })

export interface DialogStep<S, K extends string> {
  /** the question of this step ('' or absent: the step waits silently, e.g. for photos) */
  prompt?: (ctx: Ctx, state: S) => string | Promise<string>
  answer: (ctx: Ctx, answer: Answer, state: S) => Go<S, K> | Promise<Go<S, K>>
  /** 返回 from this step: a step to go back to, or a function deciding; absent = leave the dialog */
  back?: K | ((ctx: Ctx, state: S) => Go<S, K> | Promise<Go<S, K>>)
}

/** A stored state of an older version, to be turned into the current shape (or null: start over). */
export type Migration<S, K extends string> = (old: { step: string; state: unknown }) => { step: K; state: S } | null

export interface DialogSpec<S, K extends string> {
  name: string
  version: number
  schema: z.ZodType<S>
  steps: Record<K, DialogStep<S, K>>
  /** said when 返回 leaves the dialog from a step without `back` */
  leaveSay?: string
  /** migrations from older versions, keyed by the version they read */
  migrate?: Record<number, Migration<S, K>>
  /**
   * A step stored under a name that carries a value of the state (a dialog older than the engine
   * stored the project number as its step): how the name is written, and read back at this version.
   */
  stepName?: { write: (step: K, state: S) => string; read: (name: string, state: unknown) => { step: string; state: unknown } | null }
  /** runs before every step's answer; a result other than undefined replaces the step's answer */
  intercept?: (ctx: Ctx, answer: Answer, state: S, step: K) => Promise<Go<S, K> | undefined>
  /** a command said during the dialog ends it and runs (a dialog that only waits for extras) */
  releaseOnCommand?: boolean
  /**
   * the message types its steps read (default text and images); any other gets a short line and
   * the question again (a voice message: "请打字回答")
   */
  accepts?: readonly MessageType[]
  /** an idle timeout shorter than the configured one */
  timeoutMs?: number
  /** the idle timeout passed: keep what is worth keeping; returns what to tell the person ('' = nothing) */
  onTimeout?: (p: { db: Db; conversation: Conversation; step: K; state: S; now: Date }) => Promise<string>
}

export interface Dialog<S, K extends string> {
  name: string
  version: number
  /** for the router: the dialog as the pipeline runs it */
  handler: DialogHandler
  /** starts (or restarts) the dialog at `step` and asks its question, after `say` */
  start(ctx: Ctx, step: K, state: S, say?: string): Promise<void>
  /** saves the state at `step` without saying anything */
  save(ctx: Ctx, step: K, state: S): Promise<void>
  /** reads a stored state (a conversation or a draft) as the current version, or null */
  restore(stored: { version: number; step: string; state: unknown }): { step: K; state: S } | null
}

export function answerOf(ctx: Ctx): Answer {
  const text = ctx.msg.type === 'text' ? ctx.msg.text.trim() : ''
  const simplified = ctx.msg.type === 'text' ? (ctx.msg.simplified ?? ctx.msg.text).trim() : ''
  return { type: ctx.msg.type, text, simplified, plain: normalizeInput(simplified).replace(/[。.!！?？,，\s]/g, '') }
}

/** What a dialog reads when it does not say: words and pictures. */
export const DEFAULT_ACCEPTS: readonly MessageType[] = ['text', 'image']

export function defineDialog<S, K extends string>(spec: DialogSpec<S, K>): Dialog<S, K> {
  const isStep = (step: string): step is K => Object.hasOwn(spec.steps, step)

  function restore(stored: { version: number; step: string; state: unknown }): { step: K; state: S } | null {
    const { stepName } = spec
    let current: { step: string; state: unknown } | null =
      stepName && stored.version === spec.version ? stepName.read(stored.step, stored.state) : { step: stored.step, state: stored.state }
    for (let v = stored.version; v < spec.version && current; v++) {
      const migration = spec.migrate?.[v]
      current = migration ? migration(current) : null
    }
    if (!current || stored.version > spec.version || !isStep(current.step)) return null
    const parsed = spec.schema.safeParse(current.state)
    return parsed.success ? { step: current.step, state: parsed.data } : null
  }

  async function save(ctx: Ctx, step: K, state: S): Promise<void> {
    const name = spec.stepName ? spec.stepName.write(step, state) : step
    await ctx.startDialog({ name: spec.name, version: spec.version, step: name, state: state as Record<string, unknown>, timeoutMs: spec.timeoutMs })
  }

  /** one reply: what is said, then the question, run together (a say ending in '\n' breaks the line) */
  async function say(ctx: Ctx, ...parts: (string | undefined)[]): Promise<void> {
    const text = parts.filter(Boolean).join('').trimEnd()
    if (text) await ctx.reply(text)
  }

  async function promptOf(ctx: Ctx, step: K, state: S): Promise<string> {
    return (await spec.steps[step].prompt?.(ctx, state)) ?? ''
  }

  async function follow(ctx: Ctx, step: K, state: S, go: Go<S, K>): Promise<void> {
    switch (go.go) {
      case 'ask':
        await save(ctx, go.step, go.state)
        return say(ctx, go.say, await promptOf(ctx, go.step, go.state))
      case 'stay':
        if (go.state !== undefined) await save(ctx, step, go.state)
        return say(ctx, go.say)
      case 'again': {
        const next = go.state ?? state
        if (go.state !== undefined) await save(ctx, step, next)
        return say(ctx, go.say, await promptOf(ctx, step, next))
      }
      case 'end':
        await ctx.endDialog()
        return say(ctx, go.say)
      case 'handled':
        return
    }
  }

  /** the stored state, or the person told plainly that it could not be kept */
  async function load(ctx: Ctx, c: Conversation): Promise<{ step: K; state: S } | null> {
    const loaded = restore(c)
    if (loaded) return loaded
    await ctx.endDialog()
    await ctx.reply(dialogText.outdated)
    return null
  }

  const accepts = spec.accepts ?? DEFAULT_ACCEPTS
  const handler: DialogHandler = {
    version: spec.version,
    releaseOnCommand: spec.releaseOnCommand,
    accepts,
    async onMessage(ctx, c) {
      const loaded = await load(ctx, c)
      if (!loaded) return
      const answer = answerOf(ctx)
      // a voice message, a link…: say it has to be typed, and ask again
      if (!accepts.includes(answer.type) && answer.type !== 'recalled') return say(ctx, typeInDialog(answer.type as LineType), await promptOf(ctx, loaded.step, loaded.state))
      const go = (await spec.intercept?.(ctx, answer, loaded.state, loaded.step)) ?? (await spec.steps[loaded.step].answer(ctx, answer, loaded.state))
      return follow(ctx, loaded.step, loaded.state, go)
    },
    async onBack(ctx, c) {
      const loaded = await load(ctx, c)
      if (!loaded) return
      const back = spec.steps[loaded.step].back
      if (back === undefined) return follow(ctx, loaded.step, loaded.state, end(spec.leaveSay ?? dialogText.left))
      if (typeof back === 'function') return follow(ctx, loaded.step, loaded.state, await back(ctx, loaded.state))
      return follow(ctx, loaded.step, loaded.state, ask(back, loaded.state, dialogText.back))
    },
    async onTimeout({ db, conversation, now }) {
      const loaded = restore(conversation)
      if (!loaded || !spec.onTimeout) return dialogText.timedOut
      return spec.onTimeout({ db, conversation, step: loaded.step, state: loaded.state, now })
    },
  }

  return {
    name: spec.name,
    version: spec.version,
    handler,
    restore,
    save,
    async start(ctx, step, state, intro) {
      await save(ctx, step, state)
      await say(ctx, intro, await promptOf(ctx, step, state))
    },
  }
}
