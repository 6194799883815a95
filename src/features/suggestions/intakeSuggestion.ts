import { z } from 'zod'
import { buildingOfRoom } from '../../db/communities.js'
import { householdOfPerson } from '../../db/households.js'
import { saveFile } from '../../db/notices.js'
import { dropDraft, saveDraft, takeDraft } from '../../db/suggestions.js'
import { buildingLabel, neighbourName, parseHousehold } from '../../domain/address.js'
import { AppError } from '../../domain/errors.js'
import { CATEGORIES, IN_A_BUILDING, placeLabel } from '../../domain/suggestions/lexicon.js'
import { categorize, parsePlace, understandSuggestion } from '../../domain/suggestions/understand.js'
import { chinesePunctuation, cut, normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { again, ask, defineDialog, end, stay, type Answer, type Go } from '../../kit/dialog.js'
import { dialogText } from '../../kit/text.js'
import { keepAttachment, pinnedPlace, pinText, writtenFragment } from '../../kit/understand/index.js'
import { CONTINUE, DONE, EDIT, EDITABLE, MEANS_BUILDING, MEANS_STOREY, NO, RESTART, YES } from './lexicon.js'
import { likelyDuplicate, MAX_PROBLEM, recordSuggestion, supportSuggestion, type SuggestionDraft } from './submitSuggestion.js'
import { passOnVoice } from './passOnVoice.js'
import { intakeText as t } from './text.js'

const NAME = 'suggestion-intake'
const VERSION = 1

type Step = 'resume' | 'proxy' | 'what' | 'where' | 'floor' | 'photo' | 'confirm' | 'edit' | 'duplicate'

const State = z.object({
  problem: z.string().optional(),
  building: z.number().int().nullable().optional(),
  place: z.string().nullable().optional(),
  placeKind: z.string().nullable().optional(),
  category: z.enum(CATEGORIES).optional(),
  fileIds: z.array(z.number().int()),
  /** said as a voice message: the recording (the words wait for 代听) and its length */
  voice: z.object({ fileId: z.number().int(), seconds: z.number().int().nullable() }).optional(),
  /** a location pin's coordinates */
  coords: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  /** 代提: the neighbour it is for (the name only, never their door), and their building */
  proxyFor: z.string().optional(),
  proxyBuilding: z.number().int().optional(),
  /** "3楼" said: building 3 or the 3rd floor? */
  floor: z.number().int().optional(),
  /** a place that belongs to some building (门口, 楼道…) said without one: confirm which */
  placeHint: z.object({ place: z.string(), placeKind: z.string().nullable() }).optional(),
  duplicateOf: z.number().int().optional(),
  /** changing one item from the summary: back to it afterwards */
  editing: z.boolean().optional(),
})
type State = z.infer<typeof State>
type Next = Go<State, Step>

/** The words of an answer for matching, as this dialog always read them (commas kept). */
const plainOf = (a: Answer) => normalizeInput(a.text).replace(/[。.!！?？\s]/g, '')

/** The building this person most likely means: their neighbour's, this group's, or their own. */
async function defaultBuilding(ctx: Ctx, state: State): Promise<number | undefined> {
  if (state.proxyBuilding) return state.proxyBuilding
  if (ctx.room?.buildingId) return (await buildingOfRoom(ctx.db, ctx.room))?.number
  return (await householdOfPerson(ctx.db, { personId: ctx.person.id }))?.building.number
}

/** The first thing still missing, or the summary. */
function nextStep(state: State): Step {
  if (!state.problem && !state.voice) return 'what'
  if (state.floor !== undefined) return 'floor'
  if (state.place === undefined) return 'where'
  if (state.editing) return 'confirm'
  return 'photo'
}

const onward = (state: State): Next => ask(nextStep(state), state)

/** Fills in what a one-liner (or the "what" answer) already says. */
function absorb(state: State, text: string, ctx: Ctx): State {
  const u = understandSuggestion(text)
  // read in Simplified, kept in the person's own characters
  const problem = writtenFragment(ctx, cut(chinesePunctuation(u.problem), MAX_PROBLEM))
  const next: State = { ...state, problem, category: u.category }
  if (u.ambiguousFloor !== undefined && u.building === undefined) next.floor = u.ambiguousFloor
  if (u.building === undefined && u.place && u.placeKind && IN_A_BUILDING.has(u.placeKind)) {
    // "门口路灯坏了": which building's door is asked (with the likely one offered)
    next.placeHint = { place: u.place, placeKind: u.placeKind }
  } else if (u.building !== undefined || u.place) {
    next.building = u.building ?? null
    next.place = u.place ?? (u.building !== undefined ? buildingLabel(u.building) : null)
    next.placeKind = u.placeKind ?? null
  }
  return next
}

/** Going back to (or changing) a step forgets its answer, so it is asked again. */
function clearFor(step: Step, state: State): State {
  if (step === 'what') return { ...state, problem: undefined, voice: undefined, editing: true }
  if (step === 'where') return { ...state, place: undefined, building: undefined, placeKind: undefined, floor: undefined, coords: undefined, editing: true }
  if (step === 'photo') return { ...state, fileIds: [], editing: false }
  return state
}

/** 返回 to `previous`: its answer is asked again (the summary keeps everything). */
const backTo =
  (previous: Step) =>
  (_ctx: Ctx, state: State): Next =>
    ask(previous, previous === 'confirm' ? state : { ...clearFor(previous, state), editing: false }, dialogText.back)

async function keepPhoto(ctx: Ctx, state: State): Promise<State> {
  const file = await ctx.loadImage()
  const id = await saveFile(ctx.db, { ...file, communityId: ctx.community!.id, now: ctx.now })
  return { ...state, fileIds: [...state.fileIds, id] }
}

/** A location pin is the place (its name, the building it names, its coordinates). */
function pinned(ctx: Ctx, state: State): State | undefined {
  const pin = pinnedPlace(ctx, 30)
  return pin && { ...state, floor: undefined, placeHint: undefined, building: pin.building, place: pin.place, placeKind: pin.placeKind, coords: pin.coords }
}

const who = (ctx: Ctx, state: State) => (state.proxyFor ? { personId: null, proxiedBy: ctx.person.id } : { personId: ctx.person.id, proxiedBy: null })

function toDraft(state: State): SuggestionDraft {
  return {
    // a voice message's words wait for 代听: its placeholder says so
    problem: state.problem ?? t.voiceProblem(state.voice?.seconds ?? null),
    building: state.building ?? null,
    place: state.place ?? null,
    placeKind: state.placeKind ?? null,
    category: state.category ?? categorize(state.problem ?? ''),
    fileIds: state.fileIds,
    proxyFor: state.proxyFor ?? null,
    voiceFileId: state.voice?.fileId ?? null,
    latitude: state.coords?.latitude ?? null,
    longitude: state.coords?.longitude ?? null,
  }
}

async function submit(ctx: Ctx, state: State): Promise<Next> {
  // a voice message has no words to compare yet
  if (!state.problem) return record(ctx, state)
  const dup = await likelyDuplicate(ctx.db, { communityId: ctx.community!.id, draft: toDraft(state) })
  if (dup) return ask('duplicate', { ...state, duplicateOf: dup.id }, t.sameThing(dup.id, dup.problem))
  return record(ctx, state)
}

async function record(ctx: Ctx, state: State): Promise<Next> {
  const s = await recordSuggestion(ctx.db, { communityId: ctx.community!.id, ...who(ctx, state), roomId: ctx.room?.id ?? null, draft: toDraft(state), now: ctx.now })
  await dropDraft(ctx.db, { personId: ctx.person.id, name: NAME })
  if (!state.voice) return end(t.recorded({ id: s.id, category: s.category, place: s.place, proxyFor: state.proxyFor }))
  const heads = await passOnVoice(ctx.db, { suggestion: s, from: state.proxyFor ?? ctx.person.name, seconds: state.voice.seconds, now: ctx.now })
  return end(t.recordedVoice({ id: s.id, place: s.place, heads }))
}

/** where: the building on offer confirmed (是), or a place in the person's words. */
async function answerWhere(ctx: Ctx, a: Answer, state: State): Promise<Next> {
  if (!a.text) return again()
  const b = await defaultBuilding(ctx, state)
  const hint = state.placeHint
  const next: State = { ...state, placeHint: undefined }
  if (YES.test(plainOf(a)) && b) return onward({ ...next, building: b, place: `${buildingLabel(b)}${hint?.place ?? ''}`, placeKind: hint?.placeKind ?? null })
  const place = parsePlace(a.simplified)
  if (!place.ok) return stay(t.place(place.reason))
  const v = place.value
  // "门口" in answer to "where": the building on offer is meant
  const inOffered = v.building === undefined && b !== undefined && v.placeKind !== undefined && IN_A_BUILDING.has(v.placeKind) && v.ambiguousFloor === undefined
  // the place as the person said it ("小区东门车棚"), not just the word recognised in it
  const said = cut(normalizeInput(a.text), 30)
  const placed: State = { ...next, building: inOffered ? b : (v.building ?? null), place: inOffered ? `${buildingLabel(b!)}${said}` : said, placeKind: v.placeKind ?? null }
  if (v.ambiguousFloor !== undefined && v.building === undefined) placed.floor = v.ambiguousFloor
  return onward(placed)
}

/** floor: "3楼" was building 3 (3号楼) or the 3rd floor (3层). */
async function answerFloor(ctx: Ctx, a: Answer, state: State): Promise<Next> {
  const n = state.floor!
  const p = plainOf(a)
  const asSaid = placeLabel.floor(n)
  // the place as said, e.g. "1楼门口": its "1楼" becomes "1号楼" or "1层"
  const said = state.placeHint?.place ?? state.place ?? asSaid
  const rest = said.includes(asSaid) ? said : `${asSaid}${said}`
  const settled = { ...state, floor: undefined, placeHint: undefined, placeKind: state.placeHint?.placeKind ?? state.placeKind ?? null }
  if (MEANS_BUILDING.test(p)) return onward({ ...settled, building: n, place: rest.replace(asSaid, buildingLabel(n)) })
  if (!MEANS_STOREY.test(p)) return again()
  const building = (await defaultBuilding(ctx, state)) ?? state.building ?? null
  return onward({ ...settled, building, place: `${building ? buildingLabel(building) : ''}${rest.replace(asSaid, placeLabel.storey(n))}` })
}

/** confirm (and edit): submit, or change one item. */
async function answerConfirm(ctx: Ctx, a: Answer, state: State): Promise<Next> {
  const p = plainOf(a)
  if (YES.test(p)) return submit(ctx, state)
  if (!EDIT.test(p)) return stay(t.confirmChoices)
  const target = EDITABLE[p.replace(EDIT, '')]
  return target ? ask(target, clearFor(target, state)) : ask('edit', state)
}

/**
 * The steps. An answer of another kind than words is read in `intercept` when any step takes it
 * (a photo now); one that only a step takes (a location pin at "where") belongs in that step.
 */
const dialog = defineDialog<State, Step>({
  name: NAME,
  version: VERSION,
  schema: State,
  leaveSay: t.left,
  // the "what" may be said (a voice message); the "where" may be a location pin
  accepts: ['text', 'image', 'voice', 'location'],
  // a photo or a pin is welcome at any step (kept, the question asked again); a voice message
  // only as the "what"
  intercept: async (ctx, a, state, step) => {
    if (a.type === 'location') {
      const next = pinned(ctx, state)
      if (!next) return again()
      if (step === 'where' || step === 'floor') return onward(next)
      return step === 'confirm' || step === 'edit' ? ask('confirm', next, pinText.kept(next.place!)) : again(pinText.kept(next.place!), next)
    }
    if (a.type === 'voice' && step !== 'what') return again(t.voiceOnlyWhat)
    if (a.type !== 'image' || step === 'photo') return undefined
    const next = await keepPhoto(ctx, state)
    return again(t.photoKept(next.fileIds.length), next)
  },
  steps: {
    resume: {
      // asked by startIntake (the draft on offer)
      answer: async (ctx, a, state) => {
        const p = plainOf(a)
        if (!CONTINUE.test(p) && !RESTART.test(p)) return stay(t.resumeChoices)
        await dropDraft(ctx.db, { personId: ctx.person.id, name: NAME })
        return CONTINUE.test(p) ? onward(state) : ask('what', { fileIds: [] })
      },
    },
    proxy: {
      prompt: () => t.prompt.proxy,
      answer: (_ctx, a, state) => {
        if (!a.text) return again()
        const address = parseHousehold(a.text)
        // only the name is kept: the neighbour's door is never stored, shown or repeated
        return ask('what', { ...state, proxyFor: cut(neighbourName(a.text), 20), proxyBuilding: address.ok ? address.value.building : undefined })
      },
    },
    what: {
      prompt: () => t.prompt.what,
      answer: async (ctx, a, state) => {
        if (a.type === 'voice') {
          const kept = await keepAttachment(ctx)
          const seconds = kept.durationMs !== undefined ? Math.max(1, Math.round(kept.durationMs / 1000)) : null
          return onward({ ...state, problem: undefined, voice: { fileId: kept.fileId, seconds } })
        }
        return a.text ? onward(absorb(state, a.simplified, ctx)) : again()
      },
      back: (ctx, state) => (state.proxyFor ? backTo('proxy')(ctx, state) : end(t.left)),
    },
    where: {
      prompt: async (ctx, state) => t.prompt.where(await defaultBuilding(ctx, state), state.placeHint?.place),
      answer: answerWhere,
      back: backTo('what'),
    },
    floor: {
      prompt: (_ctx, state) => t.prompt.floor(state.floor!),
      answer: answerFloor,
      back: backTo('where'),
    },
    photo: {
      prompt: () => t.prompt.photo,
      answer: async (ctx, a, state) => {
        if (a.type === 'image') {
          const next = await keepPhoto(ctx, state)
          return stay(t.photoReceived(next.fileIds.length), next)
        }
        return DONE.test(plainOf(a)) ? ask('confirm', state) : again()
      },
      back: backTo('where'),
    },
    confirm: {
      prompt: (_ctx, s) =>
        t.prompt.confirm({
          problem: s.problem ?? t.voiceProblem(s.voice?.seconds ?? null),
          place: s.place ?? null,
          category: s.category ?? categorize(s.problem ?? ''),
          photos: s.fileIds.length,
          proxyFor: s.proxyFor,
          proxyBuilding: s.proxyBuilding,
        }),
      answer: answerConfirm,
      back: backTo('photo'),
    },
    edit: {
      prompt: () => t.prompt.edit,
      answer: (_ctx, a, state) => {
        const target = EDITABLE[plainOf(a)]
        return target ? ask(target, clearFor(target, state)) : again()
      },
      back: backTo('confirm'),
    },
    duplicate: {
      // asked by submit (which suggestion it may be)
      answer: async (ctx, a, state) => {
        const p = plainOf(a)
        if (YES.test(p)) {
          await supportSuggestion(ctx.db, { communityId: ctx.community!.id, suggestionId: state.duplicateOf!, ...who(ctx, state), draft: toDraft(state), now: ctx.now })
          return end(t.supported(state.duplicateOf!))
        }
        if (NO.test(p)) return record(ctx, state)
        return stay(t.yesOrNo)
      },
      back: backTo('confirm'),
    },
  },
  onTimeout: async ({ db, conversation, step, state, now }) => {
    if (!state.problem && !state.voice && !state.fileIds.length) return t.timedOut
    await saveDraft(db, { personId: conversation.personId, name: NAME, chatKey: conversation.chatKey, step, version: VERSION, state, savedAt: now })
    return t.draftSaved
  },
})

export const intakeDialog = dialog

/** 建议 / 提建议 [一句话] — guided intake; a one-liner only asks what is missing. 代提建议: for a neighbour. */
export async function startIntake(ctx: Ctx, args: string, opts: { proxy?: boolean } = {}): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.wrongRoom)
  // 代提建议: the router let only heads and staff in
  if (opts.proxy) return dialog.start(ctx, 'proxy', { fileIds: [] })
  const draft = args.trim() ? undefined : await takeDraft(ctx.db, { personId: ctx.person.id, name: NAME })
  const stored = draft && dialog.restore(draft)
  if (stored) {
    await dialog.save(ctx, 'resume', stored.state)
    return ctx.reply(t.resume(stored.state.problem))
  }
  const state: State = args.trim() ? absorb({ fileIds: [] }, args, ctx) : { fileIds: [] }
  return dialog.start(ctx, nextStep(state), state)
}
