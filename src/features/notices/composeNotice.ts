import { z } from 'zod'
import { splitLongText } from '../../domain/splitText.js'
import { parseTargets } from '../../domain/targets.js'
import { parseWhen } from '../../domain/time/index.js'
import type { Ctx } from '../../kit/context.js'
import { again, ask, defineDialog, handled, stay, type Go } from '../../kit/dialog.js'
import { CONFIRM, EDIT, EDITABLE, SKIP } from './lexicon.js'
import { planNotice, publishNotice, type NoticeDraft, type NoticeKind } from './publishNotice.js'
import { composeText as t, describePlan, noticeCode, renderNotice } from './text.js'

const MAX_TITLE = 60

type Step = 'title' | 'body' | 'photo' | 'targets' | 'when' | 'preview' | 'edit'
const ORDER: Step[] = ['title', 'body', 'photo', 'targets', 'when', 'preview']

const State = z.object({
  kind: z.enum(['letter', 'notice']),
  title: z.string().optional(),
  body: z.string().optional(),
  file: z.object({ name: z.string(), mediaType: z.string(), base64: z.string() }).nullable().optional(),
  targets: z.union([z.literal('all'), z.array(z.number().int())]).optional(),
  at: z.string().optional(),
  immediate: z.boolean().optional(),
  /** changing one item from the preview: go back to the preview after it */
  editing: z.boolean().optional(),
})
type State = z.infer<typeof State>
type Next = Go<State, Step>

/** Moves on after a step: the next step, or back to the preview when changing one item. */
function advance(from: Step, state: State): Next {
  const next = state.editing ? 'preview' : ORDER[ORDER.indexOf(from) + 1]!
  return ask(next, next === 'preview' ? { ...state, editing: false } : state)
}

async function preview(ctx: Ctx, state: State): Promise<string> {
  const plan = await planNotice(ctx.db, { communityId: ctx.community!.id, targets: state.targets! })
  const parts = splitLongText(renderNotice({ id: null, kind: state.kind, title: state.title!, body: state.body! }))
  return t.preview({ kind: state.kind, title: state.title!, plan: describePlan(plan), at: state.immediate ? null : new Date(state.at!), timeZone: ctx.config.timeZone, photo: Boolean(state.file), parts })
}

/** 返回: to the previous step, or back to the preview when changing one item from it. */
const backTo =
  (previous: Step) =>
  (_ctx: Ctx, state: State): Next =>
    state.editing ? ask('preview', { ...state, editing: false }) : ask(previous, state, t.back)

/** Changing one item from the preview (or the edit question): that step, then the preview again. */
function editItem(item: string, state: State): Next {
  const target = EDITABLE[item]
  return target ? ask(target, { ...state, editing: true }) : ask('edit', state)
}

const dialog = defineDialog<State, Step>({
  name: 'compose-notice',
  version: 1,
  schema: State,
  leaveSay: t.left,
  steps: {
    title: {
      prompt: () => t.prompt.title,
      answer: (_ctx, a, state) => {
        if (!a.text) return again(t.titleNotText)
        if (a.text.length > MAX_TITLE) return stay(t.titleTooLong(a.text.length, MAX_TITLE))
        return advance('title', { ...state, title: a.text })
      },
    },
    body: {
      prompt: () => t.prompt.body,
      answer: (_ctx, a, state) => (a.text ? advance('body', { ...state, body: a.text }) : again(t.bodyNotText)),
      back: backTo('title'),
    },
    photo: {
      prompt: () => t.prompt.photo,
      answer: async (ctx, a, state) => {
        if (a.type === 'image') return advance('photo', { ...state, file: await ctx.loadImage() })
        if (SKIP.test(a.plain)) return advance('photo', { ...state, file: null })
        return stay(t.photoOrSkip)
      },
      back: backTo('body'),
    },
    targets: {
      prompt: () => t.prompt.targets,
      answer: async (ctx, a, state) => {
        const parsed = parseTargets(a.text)
        if (!parsed.ok) return stay(t.badTargets(parsed.reason))
        const plan = await planNotice(ctx.db, { communityId: ctx.community!.id, targets: parsed.value })
        if (plan.missing.length) return stay(t.unboundBuildings(plan.missing))
        if (plan.groups === 0) return stay(t.noGroups)
        return advance('targets', { ...state, targets: parsed.value })
      },
      back: backTo('photo'),
    },
    when: {
      prompt: () => t.prompt.when,
      answer: (ctx, a, state) => {
        const parsed = parseWhen(a.text, ctx.now, ctx.config.timeZone)
        if (!parsed.ok) return stay(t.badWhen(parsed.reason, ctx.config.timeZone))
        return advance('when', { ...state, at: parsed.value.at.toISOString(), immediate: parsed.value.immediate })
      },
      back: backTo('targets'),
    },
    preview: {
      prompt: preview,
      answer: (ctx, a, state) => {
        if (CONFIRM.test(a.plain)) return confirm(ctx, state)
        if (EDIT.test(a.plain)) return editItem(a.plain.replace(EDIT, ''), state)
        return stay(t.previewChoices)
      },
      back: backTo('when'),
    },
    edit: {
      prompt: () => t.prompt.edit,
      answer: (_ctx, a, state) => (EDITABLE[a.plain] ? editItem(a.plain, state) : again()),
      back: (_ctx, state) => ask('preview', { ...state, editing: false }),
    },
  },
})

export const composeNoticeDialog = dialog

/** 发布公开信 / 发布通知 — staff, in the staff group or a private chat. */
export async function startCompose(ctx: Ctx, kind: NoticeKind): Promise<void> {
  await dialog.start(ctx, 'title', { kind }, t.intro(kind))
}

async function confirm(ctx: Ctx, state: State): Promise<Next> {
  const draft: NoticeDraft = {
    kind: state.kind,
    title: state.title!,
    body: state.body!,
    file: state.file ?? null,
    targets: state.targets!,
    at: state.at!,
    immediate: state.immediate ?? false,
  }
  if (!draft.immediate && new Date(draft.at) <= ctx.now) {
    return ask('when', { ...state, editing: true }, t.timePassed(new Date(draft.at), ctx.config.timeZone))
  }
  const { notice, plan } = await publishNotice(ctx.db, { communityId: ctx.community!.id, personId: ctx.person.id, draft, now: ctx.now, config: ctx.config })
  await ctx.endDialog()
  await ctx.reply(t.confirmed({ kind: draft.kind, code: noticeCode(notice.id), title: draft.title, at: draft.immediate ? null : notice.sendAt, timeZone: ctx.config.timeZone, plan: describePlan(plan) }))
  return handled()
}

