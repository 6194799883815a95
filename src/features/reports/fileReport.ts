import { z } from 'zod'
import { buildingOfRoom, findBuilding } from '../../db/communities.js'
import { householdOfPerson } from '../../db/households.js'
import { saveFile } from '../../db/notices.js'
import { addReportSupport, createReport, getReport, reportDuplicateCandidates } from '../../db/reports.js'
import { buildingLabel } from '../../domain/address.js'
import { AppError } from '../../domain/errors.js'
import { featuresOf, findDuplicates } from '../../domain/suggestions/similarity.js'
import { categorize, parsePlace, understandSuggestion, type Category } from '../../domain/suggestions/understand.js'
import { chinesePunctuation, cut, normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { again, ask, defineDialog, end, handled, stay, type Go } from '../../kit/dialog.js'
import { pinnedPlace, pinText, writtenFragment } from '../../kit/understand/index.js'
import { BUILDING_ANSWER, FLOOR_ANSWER, IN_A_BUILDING, NO, YES } from './lexicon.js'
import { reportCode } from './parse.js'
import { openPhotoWindow } from './photos.js'
import { routeReport } from './routeReport.js'
import { reportText as t } from './text.js'

const MAX_PROBLEM = 500
const MAX_PLACE = 30

type Step = 'what' | 'where' | 'floor' | 'duplicate'

const State = z.object({
  problem: z.string().optional(),
  category: z.string().optional(),
  building: z.number().int().nullable().optional(),
  place: z.string().nullable().optional(),
  placeKind: z.string().nullable().optional(),
  /** "3楼" said: building 3 or the 3rd floor? */
  floor: z.number().int().optional(),
  /** a place inside some building (门口, 楼道…) said without one: which building is confirmed */
  placeHint: z.object({ place: z.string(), placeKind: z.string().nullable() }).optional(),
  fileIds: z.array(z.number().int()),
  /** a location pin's coordinates */
  coords: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  duplicateOf: z.number().int().optional(),
  /** its words, for the question */
  duplicateProblem: z.string().optional(),
})
type State = z.infer<typeof State>
type Next = Go<State, Step>

/** The building this person most likely means: this group's, else their own household's. */
async function likelyBuilding(ctx: Ctx): Promise<number | undefined> {
  if (ctx.room?.kind === 'building' && ctx.room.buildingId) return (await buildingOfRoom(ctx.db, ctx.room))?.number
  return (await householdOfPerson(ctx.db, { personId: ctx.person.id }))?.building.number
}

/**
 * What one message already says: the problem, its category, and where (the intake's own
 * understanding), read in Simplified and kept as the person wrote it.
 */
function absorb(ctx: Ctx, state: State, simplified: string): State {
  const u = understandSuggestion(simplified)
  const next: State = { ...state, problem: writtenFragment(ctx, cut(chinesePunctuation(u.problem), MAX_PROBLEM)), category: u.category }
  if (u.ambiguousFloor !== undefined && u.building === undefined) next.floor = u.ambiguousFloor
  if (u.building === undefined && u.place && u.placeKind && IN_A_BUILDING.has(u.placeKind)) {
    next.placeHint = { place: u.place, placeKind: u.placeKind }
  } else if (u.building !== undefined || u.place) {
    next.building = u.building ?? null
    next.place = u.place ?? (u.building !== undefined ? buildingLabel(u.building) : null)
    next.placeKind = u.placeKind ?? null
  }
  return next
}

/** The first thing still missing (only what, where), or the record itself. */
function missing(state: State): Step | null {
  if (!state.problem) return 'what'
  if (state.floor !== undefined) return 'floor'
  if (state.place === undefined) return 'where'
  return null
}

async function proceed(ctx: Ctx, state: State): Promise<Next> {
  const step = missing(state)
  return step ? ask(step, state) : submit(ctx, state)
}

/** A location pin is the place (its name, the building it names, its coordinates). */
function pinned(ctx: Ctx, state: State): State | undefined {
  const pin = pinnedPlace(ctx, MAX_PLACE)
  return pin && { ...state, floor: undefined, placeHint: undefined, building: pin.building, place: pin.place, placeKind: pin.placeKind, coords: pin.coords }
}

async function keepPhoto(ctx: Ctx, state: State): Promise<State> {
  const file = await ctx.loadImage()
  return { ...state, fileIds: [...state.fileIds, await saveFile(ctx.db, { ...file, communityId: ctx.community!.id, now: ctx.now })] }
}

const dialog = defineDialog<State, Step>({
  name: 'report-intake',
  version: 1,
  schema: State,
  leaveSay: t.left,
  accepts: ['text', 'image', 'location'],
  // a photo is welcome at any step: kept, and the question asked again; a location pin is the place
  intercept: async (ctx, a, state, step) => {
    if (a.type === 'location') {
      const next = pinned(ctx, state)
      if (!next) return again()
      return step === 'where' || step === 'floor' ? proceed(ctx, next) : again(pinText.kept(next.place!), next)
    }
    if (a.type !== 'image') return undefined
    const next = await keepPhoto(ctx, state)
    return again(t.photoKept(next.fileIds.length), next)
  },
  steps: {
    what: {
      prompt: () => t.prompt.what,
      answer: (ctx, a, state) => (a.text ? proceed(ctx, absorb(ctx, state, a.simplified)) : again(t.whatNotText)),
    },
    where: {
      prompt: async (ctx, state) => t.prompt.where({ building: await likelyBuilding(ctx), hint: state.placeHint?.place }),
      answer: async (ctx, a, state) => {
        if (!a.text) return again()
        const offered = await likelyBuilding(ctx)
        const hint = state.placeHint
        const base: State = { ...state, placeHint: undefined }
        if (YES.test(a.plain) && offered !== undefined) {
          return proceed(ctx, { ...base, building: offered, place: `${buildingLabel(offered)}${hint?.place ?? ''}`, placeKind: hint?.placeKind ?? null })
        }
        const place = parsePlace(a.simplified)
        // the intake's reader; only .ok and .value are read, its refusals are its own
        if (!place.ok) return stay(t.placeUnclear)
        const v = place.value
        const inOffered = v.building === undefined && offered !== undefined && v.placeKind !== undefined && IN_A_BUILDING.has(v.placeKind) && v.ambiguousFloor === undefined
        const said = cut(normalizeInput(a.text), MAX_PLACE)
        const next: State = {
          ...base,
          building: inOffered ? offered : (v.building ?? null),
          place: inOffered ? `${buildingLabel(offered)}${said}` : said,
          placeKind: v.placeKind ?? null,
        }
        if (v.ambiguousFloor !== undefined && v.building === undefined) next.floor = v.ambiguousFloor
        return proceed(ctx, next)
      },
      back: 'what',
    },
    floor: {
      prompt: (_ctx, state) => t.prompt.floor(state.floor!),
      answer: async (ctx, a, state) => {
        const n = state.floor!
        const said = state.placeHint?.place ?? state.place ?? t.floorSaid(n)
        const rest = said.includes(t.floorSaid(n)) ? said : `${t.floorSaid(n)}${said}`
        const kind = state.placeHint?.placeKind ?? state.placeKind ?? null
        const base = { ...state, floor: undefined, placeHint: undefined }
        if (BUILDING_ANSWER.test(a.plain)) return proceed(ctx, { ...base, building: n, place: rest.replace(t.floorSaid(n), buildingLabel(n)), placeKind: kind })
        if (FLOOR_ANSWER.test(a.plain)) {
          const building = (await likelyBuilding(ctx)) ?? state.building ?? null
          return proceed(ctx, { ...base, building, place: `${building ? buildingLabel(building) : ''}${rest.replace(t.floorSaid(n), t.floorLevel(n))}`, placeKind: kind })
        }
        return again()
      },
      back: 'where',
    },
    duplicate: {
      prompt: (_ctx, state) => t.prompt.duplicate({ code: reportCode(state.duplicateOf!), problem: state.duplicateProblem ?? '' }),
      answer: async (ctx, a, state) => {
        if (YES.test(a.plain)) return support(ctx, state)
        if (NO.test(a.plain)) return record(ctx, state)
        return stay(t.yesOrNo)
      },
      back: 'where',
    },
  },
  onTimeout: async () => t.timedOut,
})

export const reportIntakeDialog = dialog

/** 随手拍 / 找茬 / 报事 [一句话] — anyone: an everyday report; only what is missing is asked. */
export async function startReport(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.noCommunity)
  let state: State = args.trim() ? absorb(ctx, { fileIds: [] }, args) : { fileIds: [] }
  // a photo or a location pin sent first (privately, outside a dialog) starts the report
  if (ctx.msg.type === 'image') state = await keepPhoto(ctx, state)
  const pin = ctx.msg.type === 'location' ? pinned(ctx, state) : undefined
  if (pin) state = pin
  const step = missing(state)
  if (step) return dialog.start(ctx, step, state, ctx.msg.type === 'image' ? t.photoKept(state.fileIds.length) : pin ? pinText.kept(pin.place!) : undefined)
  const go = await submit(ctx, state)
  // submit either recorded it (and replied) or asks whether it is the same as an open one
  if (go.go === 'ask') await dialog.start(ctx, go.step, go.state, go.say)
}

/** The building row of a number, when the community has it (no row is made from a report). */
async function buildingIdOf(ctx: Ctx, number: number | null | undefined): Promise<number | null> {
  if (number === null || number === undefined) return null
  return (await findBuilding(ctx.db, { communityId: ctx.community!.id, number }))?.id ?? null
}

/** A near-duplicate of an open report in the same place is offered first ("同一件事吗？"). */
async function submit(ctx: Ctx, state: State): Promise<Next> {
  const category = (state.category ?? categorize(state.problem!)) as Category
  const buildingId = await buildingIdOf(ctx, state.building)
  const candidates = await reportDuplicateCandidates(ctx.db, { communityId: ctx.community!.id, buildingId, placeKind: state.placeKind ?? null, category })
  const [best] = findDuplicates(
    { text: state.problem!, building: state.building ?? null, place: state.place ?? null, placeKind: state.placeKind ?? null, category },
    // the query kept only this building's (or this kind of place's) open reports
    candidates.map((c) => ({ id: c.id, text: c.problem, features: c.features, building: state.building ?? null, place: c.place, placeKind: c.placeKind, category: c.category as Category })),
    { limit: 1 },
  )
  if (best) return ask('duplicate', { ...state, category, duplicateOf: best.id, duplicateProblem: candidates.find((c) => c.id === best.id)?.problem })
  return record(ctx, { ...state, category }, buildingId)
}

async function support(ctx: Ctx, state: State): Promise<Next> {
  const code = reportCode(state.duplicateOf!)
  const other = await getReport(ctx.db, { id: state.duplicateOf!, communityId: ctx.community!.id })
  if (other?.personId === ctx.person.id) return end(t.alreadyBacked(code))
  const added = await addReportSupport(ctx.db, { communityId: ctx.community!.id, reportId: state.duplicateOf!, personId: ctx.person.id, roomId: ctx.room?.id ?? null, words: state.problem!, fileIds: state.fileIds, createdAt: ctx.now })
  return end(added ? t.supported(code) : t.alreadyBacked(code))
}

async function record(ctx: Ctx, state: State, knownBuildingId?: number | null): Promise<Next> {
  const communityId = ctx.community!.id
  const problem = state.problem!
  const report = await createReport(ctx.db, {
    communityId,
    personId: ctx.person.id,
    roomId: ctx.room?.id ?? null,
    buildingId: knownBuildingId !== undefined ? knownBuildingId : await buildingIdOf(ctx, state.building),
    place: state.place ?? null,
    placeKind: state.placeKind ?? null,
    category: state.category ?? categorize(problem),
    problem,
    features: featuresOf(problem),
    fileIds: state.fileIds,
    latitude: state.coords?.latitude ?? null,
    longitude: state.coords?.longitude ?? null,
    status: 'open',
    outcomeFileIds: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  const routed = await routeReport(ctx.db, { report, building: state.building ?? null, reporter: ctx.person.name, where: ctx.room?.topic ?? t.privately, now: ctx.now })
  await ctx.reply(t.recorded({ code: reportCode(report.id), category: report.category, place: report.place, to: routed.gridNames.length ? routed.gridNames : null, photos: state.fileIds.length }))
  // a photo is welcome, never required: the next minutes' photos follow the report (this also
  // replaces the intake dialog, if one was open)
  await openPhotoWindow(ctx, { reportId: report.id, communityId, outcome: false, targets: routed.targets })
  return handled()
}
