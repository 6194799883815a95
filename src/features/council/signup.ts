import { z } from 'zod'
import { currentCampaign } from '../../db/campaigns.js'
import { buildingOfRoom } from '../../db/communities.js'
import { candidateOf, ensureOpenDraw, getCandidate, insertCandidate, latestDraw, updateCandidate, type CouncilDraw } from '../../db/council.js'
import { householdOfPerson } from '../../db/households.js'
import { parseBuilding } from '../../domain/address.js'
import { addressText } from '../../domain/address.text.js'
import { AppError } from '../../domain/errors.js'
import { cut, normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { again, ask, defineDialog, end, stay, type Answer, type DialogStep, type Go } from '../../kit/dialog.js'
import { AGE_ANSWERS, CHANGE, GENDER_ANSWERS, SKIP, TENURE_ANSWERS, YES } from './lexicon.js'
import { councilText } from './text.js'

const t = councilText.signup
const MAX_NAME = 12

type Step = 'name' | 'building' | 'age' | 'gender' | 'tenure' | 'confirm'
type Next = Go<State, Step>

const State = z.object({
  /** a recommendation being accepted */
  candidateId: z.number().int().optional(),
  defaultName: z.string(),
  defaultBuilding: z.number().int().optional(),
  name: z.string().optional(),
  building: z.number().int().optional(),
  ageBand: z.string().nullable().optional(),
  gender: z.string().nullable().optional(),
  tenure: z.string().nullable().optional(),
})
type State = z.infer<typeof State>

/** Why this pool takes no sign-ups, or undefined when it does. */
export function closedReason(draw: CouncilDraw | undefined): string | undefined {
  if (!draw || draw.status === 'open') return undefined
  return draw.status === 'frozen' ? councilText.closed.frozen : councilText.closed.drawn
}

const cleanName = (s: string): string => cut(s.replace(/[@\s\u2005]+/g, ''), MAX_NAME)

/** The words for matching, as this dialog always read them (commas kept: 「好，」 is a name). */
const plainOf = (a: Answer): string => normalizeInput(a.text).replace(/[。.!！?？\s]/g, '')

/** The value an answer means; null: skipped; undefined: not understood. */
function choose<V>(answers: [RegExp, V][], p: string): V | null | undefined {
  const hit = answers.find(([re]) => re.test(p))
  return hit ? hit[1] : SKIP.test(p) ? null : undefined
}

const back =
  (previous: Step) =>
  (_ctx: Ctx, state: State): Next =>
    ask(previous, state)

/** A question answered by one of a few words (or 跳过), then the next question. */
function choice(field: 'ageBand' | 'gender' | 'tenure', answers: [RegExp, string][], prompt: string, next: Step, previous: Step): DialogStep<State, Step> {
  return {
    prompt: () => prompt,
    answer: (_ctx, a, s) => {
      const value = choose(answers, plainOf(a))
      return value === undefined ? again() : ask(next, { ...s, [field]: value })
    },
    back: back(previous),
  }
}

/**
 * 报名议事员 (and 接受推荐): consent line, then 称呼 → 楼号 → 年龄段 → 性别 → 业主/租户 → confirm.
 * A second sign-up in the same pool updates the first.
 */
const dialog = defineDialog<State, Step>({
  name: 'council-signup',
  version: 1,
  schema: State,
  leaveSay: t.left,
  // an empty answer (a picture, a sticker) asks the question again
  intercept: async (_ctx, a) => (plainOf(a) ? undefined : again()),
  steps: {
    name: {
      prompt: (_ctx, s) => t.prompt.name(s.defaultName),
      answer: (_ctx, a, s) => {
        const yes = YES.test(plainOf(a))
        const name = yes ? s.defaultName : cleanName(a.text)
        if (!name) return again()
        if ([...a.text.replace(/\s/g, '')].length > MAX_NAME && !yes) return stay(t.nameTooLong(MAX_NAME))
        return ask('building', { ...s, name })
      },
    },
    building: {
      prompt: (_ctx, s) => t.prompt.building(s.defaultBuilding),
      answer: (_ctx, a, s) => {
        if (YES.test(plainOf(a)) && s.defaultBuilding) return ask('age', { ...s, building: s.defaultBuilding })
        const b = parseBuilding(a.text)
        if (!b.ok) return stay(addressText.buildingRefused(b.reason))
        return ask('age', { ...s, building: b.value })
      },
      back: back('name'),
    },
    age: choice('ageBand', AGE_ANSWERS, t.prompt.age, 'gender', 'building'),
    gender: choice('gender', GENDER_ANSWERS, t.prompt.gender, 'tenure', 'age'),
    tenure: choice('tenure', TENURE_ANSWERS, t.prompt.tenure, 'confirm', 'gender'),
    confirm: {
      prompt: (_ctx, s) => t.prompt.confirm(t.summary(s)),
      answer: (ctx, a, s) => {
        const p = plainOf(a)
        if (CHANGE.test(p)) return ask('name', { ...s, defaultName: s.name ?? s.defaultName, defaultBuilding: s.building ?? s.defaultBuilding })
        if (!YES.test(p)) return stay(t.confirmChoices)
        return finish(ctx, s)
      },
      back: back('tenure'),
    },
  },
})

export const signupDialog = dialog

export async function startSignup(ctx: Ctx, opts: { candidateId?: number } = {}): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.wrongRoom)
  const campaign = await currentCampaign(ctx.db, { communityId: ctx.community.id })
  const draw = await ensureOpenDraw(ctx.db, { communityId: ctx.community.id, campaignId: campaign?.id ?? null, now: ctx.now })
  const closed = closedReason(draw)
  if (closed) throw new AppError('CONFLICT', closed)
  const existing = opts.candidateId
    ? await getCandidate(ctx.db, { communityId: draw.communityId, id: opts.candidateId })
    : await candidateOf(ctx.db, { communityId: draw.communityId, drawId: draw.id, personId: ctx.person.id })
  const roomBuilding = ctx.room ? (await buildingOfRoom(ctx.db, ctx.room))?.number : undefined
  const household = roomBuilding ? undefined : await householdOfPerson(ctx.db, { personId: ctx.person.id })
  const state: State = {
    candidateId: opts.candidateId,
    defaultName: cleanName(existing?.name ?? (ctx.msg.talker.nickname || ctx.msg.talker.name || ctx.person.name)) || ctx.person.name,
    defaultBuilding: existing?.building ?? household?.building.number ?? roomBuilding,
  }
  await dialog.save(ctx, 'name', state)
  // the consent line on its own, then the first question
  await ctx.reply(t.intro(existing?.status === 'accepted'))
  await ctx.reply(t.prompt.name(state.defaultName))
}

async function finish(ctx: Ctx, state: State): Promise<Next> {
  const draw = await latestDraw(ctx.db, { communityId: ctx.community!.id })
  const closed = closedReason(draw)
  if (closed || !draw) return end(t.notRegistered(closed))
  const fields = {
    name: state.name!,
    building: state.building!,
    ageBand: state.ageBand ?? null,
    gender: state.gender ?? null,
    tenure: state.tenure ?? null,
    status: 'accepted',
    personId: ctx.person.id,
    updatedAt: ctx.now,
  }
  const existing = state.candidateId
    ? await getCandidate(ctx.db, { communityId: draw.communityId, id: state.candidateId })
    : await candidateOf(ctx.db, { communityId: draw.communityId, drawId: draw.id, personId: ctx.person.id })
  if (existing && existing.drawId === draw.id) await updateCandidate(ctx.db, { communityId: existing.communityId, id: existing.id, patch: fields })
  else {
    await insertCandidate(ctx.db, {
      ...fields,
      communityId: draw.communityId,
      campaignId: draw.campaignId,
      drawId: draw.id,
      source: 'self',
      recommendedBy: null,
      createdAt: ctx.now,
    })
  }
  return end(t.done(t.summary(state)))
}
