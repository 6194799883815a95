import { getBuilding } from '../db/communities.js'
import { householdOfPerson } from '../db/households.js'
import { saveFile } from '../db/notices.js'
import { dropDraft, saveDraft, takeDraft } from '../db/suggestions.js'
import { buildingLabel, neighbourName, parseHousehold } from '../domain/address.js'
import { AppError } from '../domain/errors.js'
import { categorize, parsePlace, understandSuggestion, type Category } from '../domain/suggestions/understand.js'
import { chinesePunctuation, cut, normalizeInput } from '../domain/text.js'
import type { Ctx, DialogHandler } from '../kit/context.js'
import { likelyDuplicate, recordSuggestion, suggestionCode, supportSuggestion, type SuggestionDraft } from '../services/submitSuggestion.js'
import type { Conversation } from '../db/conversations.js'

export const INTAKE_DIALOG = 'suggestion-intake'
const VERSION = 1

type Step = 'resume' | 'proxy' | 'what' | 'where' | 'floor' | 'photo' | 'confirm' | 'edit' | 'duplicate'

interface State {
  problem?: string
  building?: number | null
  place?: string | null
  placeKind?: string | null
  category?: Category
  fileIds: number[]
  /** 代提: the neighbour it is for, and their building */
  proxyFor?: string
  proxyBuilding?: number
  /** "3楼" said: building 3 or the 3rd floor? */
  floor?: number
  /** a place that belongs to some building (门口, 楼道…) said without one: confirm which */
  placeHint?: { place: string; placeKind: string | null }
  duplicateOf?: number
  /** changing one item from the summary: back to it afterwards */
  editing?: boolean
}

const MAX_PROBLEM = 500
const YES = /^(是|是的|对|对的|嗯|好|好的|确认|提交|可以|没错|yes|y|ok)$/i
const NO = /^(不是|不对|否|不|no|n)$/i
const DONE = /^(好了|好|完了|完成|发完了|没有了|就这些|跳过|不要|没有|不用|无|skip)$/i
const EDITABLE: Record<string, Step> = { 问题: 'what', 内容: 'what', 地点: 'where', 位置: 'where', 地方: 'where', 照片: 'photo', 图片: 'photo' }

/** Kinds of place that are part of a building: "门口" alone means some building's door. */
const IN_A_BUILDING = new Set(['门口', '楼下', '楼后', '楼道', '电梯', '楼顶', '旁边', '对面'])

const plain = (ctx: Ctx) => normalizeInput(ctx.msg.type === 'text' ? ctx.msg.text : '').replace(/[。.!！?？\s]/g, '')

async function save(ctx: Ctx, step: Step, state: State): Promise<void> {
  await ctx.startDialog({ name: INTAKE_DIALOG, version: VERSION, step, state: state as unknown as Record<string, unknown> })
}

/** The building this person most likely means: their neighbour's, this group's, or their own. */
async function defaultBuilding(ctx: Ctx, state: State): Promise<number | undefined> {
  if (state.proxyBuilding) return state.proxyBuilding
  if (ctx.room?.buildingId) return (await getBuilding(ctx.db, { id: ctx.room.buildingId }))?.number
  return (await householdOfPerson(ctx.db, { personId: ctx.person.id }))?.building.number
}

async function prompt(ctx: Ctx, step: Step, state: State): Promise<void> {
  switch (step) {
    case 'proxy':
      return ctx.reply('替哪位邻居提？请说称呼和楼号，例如「王奶奶 3号楼」（门牌不用说）。')
    case 'what':
      return ctx.reply('请说说是什么问题，例如「3号楼门口路灯坏了，晚上很黑」。')
    case 'where': {
      const b = await defaultBuilding(ctx, state)
      if (b && state.placeHint) return ctx.reply(`是${buildingLabel(b)}${state.placeHint.place}吗？是就回复「是」，不是请说在哪里，例如「5号楼${state.placeHint.place}」。`)
      const hint = b ? `如果就在${buildingLabel(b)}，回复「是」。` : ''
      return ctx.reply(`在哪里？例如「3号楼门口」「小区大门」「车棚」。${hint}`)
    }
    case 'floor':
      return ctx.reply(`您说的「${state.floor}楼」是${state.floor}号楼，还是${state.floor}层？请回复「${state.floor}号楼」或「${state.floor}层」。`)
    case 'photo':
      return ctx.reply('有照片吗？直接发图片（可以发几张），发完回复「好了」；没有就回复「跳过」。')
    case 'confirm':
      return ctx.reply(
        [
          '请核对：',
          `问题：${state.problem}`,
          `地点：${state.place ?? '未说明'}`,
          `类别：${state.category}`,
          `照片：${state.fileIds.length ? `${state.fileIds.length} 张` : '无'}`,
          ...(state.proxyFor ? [`代：${state.proxyFor}${state.proxyBuilding ? `（${buildingLabel(state.proxyBuilding)}）` : ''}`] : []),
          '没问题回复「提交」；要改回复「修改」。',
        ].join('\n'),
      )
    case 'edit':
      return ctx.reply('改哪一项？回复：问题、地点、照片。')
    default:
      return undefined
  }
}

/** The first thing still missing, or the summary. */
function nextStep(state: State): Step {
  if (!state.problem) return 'what'
  if (state.floor !== undefined) return 'floor'
  if (state.place === undefined) return 'where'
  if (state.editing) return 'confirm'
  return 'photo'
}

async function goTo(ctx: Ctx, step: Step, state: State): Promise<void> {
  await save(ctx, step, state)
  await prompt(ctx, step, state)
}

/** Fills in what a one-liner (or the "what" answer) already says. */
function absorb(state: State, text: string): State {
  const u = understandSuggestion(text)
  const next: State = { ...state, problem: cut(chinesePunctuation(u.problem), MAX_PROBLEM), category: u.category }
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

/** 建议 / 提建议 [一句话] — guided intake; a one-liner only asks what is missing. */
export async function startIntake(ctx: Ctx, args: string, opts: { proxy?: boolean } = {}): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', '请在您楼栋的群里 @我 说「建议」。')
  // 代提建议: the router let only heads and staff in
  if (opts.proxy) return goTo(ctx, 'proxy', { fileIds: [] })
  const draft = await takeDraft(ctx.db, { personId: ctx.person.id, name: INTAKE_DIALOG })
  if (draft && !args.trim() && draft.version === VERSION) {
    const s = draft.state as unknown as State
    await save(ctx, 'resume', s)
    return ctx.reply(`您有一条没提交的建议${s.problem ? `「${cut(s.problem, 20)}」` : ''}。接着填回复「继续」，重新开始回复「重来」。`)
  }
  let state: State = { fileIds: [] }
  if (args.trim()) state = absorb(state, args)
  return goTo(ctx, nextStep(state), state)
}

async function keepPhoto(ctx: Ctx, state: State): Promise<State> {
  const file = await ctx.loadImage()
  const id = await saveFile(ctx.db, { ...file, now: ctx.now })
  return { ...state, fileIds: [...state.fileIds, id] }
}

export const intakeDialog: DialogHandler = {
  version: VERSION,

  async onMessage(ctx: Ctx, c: Conversation) {
    const step = c.step as Step
    let state = c.state as unknown as State
    const text = ctx.msg.type === 'text' ? ctx.msg.text.trim() : ''
    const p = plain(ctx)

    // a photo is welcome at any step; it is kept and the question asked again
    if (ctx.msg.type === 'image' && step !== 'photo') {
      state = await keepPhoto(ctx, state)
      await save(ctx, step, state)
      await ctx.reply(`收到照片（共 ${state.fileIds.length} 张）。`)
      return prompt(ctx, step, state)
    }

    switch (step) {
      case 'resume': {
        if (/^(继续|接着|好)$/.test(p)) {
          await dropDraft(ctx.db, { personId: ctx.person.id, name: INTAKE_DIALOG })
          return goTo(ctx, nextStep(state), state)
        }
        if (/^(重来|重新开始|新的|重新)$/.test(p)) {
          await dropDraft(ctx.db, { personId: ctx.person.id, name: INTAKE_DIALOG })
          return goTo(ctx, 'what', { fileIds: [] })
        }
        return ctx.reply('回复「继续」接着填，或「重来」重新开始。')
      }
      case 'proxy': {
        if (!text) return prompt(ctx, step, state)
        const address = parseHousehold(text)
        // only the name is kept: the neighbour's door is never stored, shown or repeated
        const name = cut(neighbourName(text), 20)
        return goTo(ctx, 'what', { ...state, proxyFor: name, proxyBuilding: address.ok ? address.value.building : undefined })
      }
      case 'what': {
        if (!text) return prompt(ctx, step, state)
        const next = absorb(state, text)
        return goTo(ctx, nextStep({ ...next, editing: state.editing }), { ...next, editing: state.editing })
      }
      case 'where': {
        if (!text) return prompt(ctx, step, state)
        const b = await defaultBuilding(ctx, state)
        const hint = state.placeHint
        let next: State = { ...state, placeHint: undefined }
        if (YES.test(p) && b) {
          next = { ...next, building: b, place: `${buildingLabel(b)}${hint?.place ?? ''}`, placeKind: hint?.placeKind ?? null }
        } else {
          const place = parsePlace(text)
          if (!place.ok) return ctx.reply(place.reply)
          const v = place.value
          // "门口" in answer to "where": the building on offer is meant
          const inOffered = v.building === undefined && b !== undefined && v.placeKind !== undefined && IN_A_BUILDING.has(v.placeKind) && v.ambiguousFloor === undefined
          // the place as the person said it ("小区东门车棚"), not just the word recognised in it
          const said = cut(normalizeInput(text), 30)
          next = {
            ...next,
            building: inOffered ? b : (v.building ?? null),
            place: inOffered ? `${buildingLabel(b!)}${said}` : said,
            placeKind: v.placeKind ?? null,
          }
          if (v.ambiguousFloor !== undefined && v.building === undefined) next.floor = v.ambiguousFloor
        }
        return goTo(ctx, nextStep(next), next)
      }
      case 'floor': {
        const n = state.floor!
        const b = await defaultBuilding(ctx, state)
        // the place as said, e.g. "1楼门口": its "1楼" becomes "1号楼" or "1层"
        const said = state.placeHint?.place ?? state.place ?? `${n}楼`
        const rest = said.includes(`${n}楼`) ? said : `${n}楼${said}`
        const kind = state.placeHint?.placeKind ?? state.placeKind ?? null
        let next: State
        if (/号楼|栋|幢|楼栋/.test(p)) {
          next = { ...state, floor: undefined, placeHint: undefined, building: n, place: rest.replace(`${n}楼`, buildingLabel(n)), placeKind: kind }
        } else if (/层/.test(p)) {
          const building = b ?? state.building ?? null
          next = { ...state, floor: undefined, placeHint: undefined, building, place: `${building ? buildingLabel(building) : ''}${rest.replace(`${n}楼`, `${n}层`)}`, placeKind: kind }
        } else return prompt(ctx, step, state)
        return goTo(ctx, nextStep(next), next)
      }
      case 'photo': {
        if (ctx.msg.type === 'image') {
          state = await keepPhoto(ctx, state)
          await save(ctx, step, state)
          return ctx.reply(`收到第 ${state.fileIds.length} 张。还有就接着发，发完回复「好了」。`)
        }
        if (DONE.test(p)) return goTo(ctx, 'confirm', state)
        return prompt(ctx, step, state)
      }
      case 'confirm': {
        if (YES.test(p)) return submit(ctx, state)
        if (p.startsWith('修改') || p.startsWith('改')) {
          const target = EDITABLE[p.replace(/^修?改/, '')]
          if (target) return goTo(ctx, target, clearFor(target, state))
          return goTo(ctx, 'edit', state)
        }
        return ctx.reply('没问题回复「提交」；要改回复「修改」。')
      }
      case 'edit': {
        const target = EDITABLE[p]
        if (!target) return prompt(ctx, step, state)
        return goTo(ctx, target, clearFor(target, state))
      }
      case 'duplicate': {
        if (YES.test(p)) {
          await supportSuggestion(ctx.db, { suggestionId: state.duplicateOf!, ...who(ctx, state), draft: toDraft(state), now: ctx.now })
          await ctx.endDialog()
          return ctx.reply(`好的，已记在 ${suggestionCode(state.duplicateOf!)} 上，您的话也留下了。说「我的建议」可查看进展。`)
        }
        if (NO.test(p)) return record(ctx, state)
        return ctx.reply('请回复「是」或「不是」。')
      }
    }
  },

  async onBack(ctx: Ctx, c: Conversation) {
    const step = c.step as Step
    const state = c.state as unknown as State
    const back: Partial<Record<Step, Step>> = { where: 'what', floor: 'where', photo: 'where', confirm: 'photo', edit: 'confirm', duplicate: 'confirm', what: state.proxyFor ? 'proxy' : undefined }
    const previous = back[step]
    if (!previous) {
      await ctx.endDialog()
      return ctx.reply('好的，已退出，没有记录。')
    }
    await ctx.reply('回到上一步。')
    return goTo(ctx, previous, previous === 'confirm' ? state : { ...clearFor(previous, state), editing: false })
  },

  async onTimeout({ db, conversation, now }) {
    const state = conversation.state as unknown as State
    if (!state.problem && !state.fileIds.length) return '刚才的建议太久没回复，已结束。需要时请再说「建议」。'
    await saveDraft(db, { personId: conversation.personId, name: INTAKE_DIALOG, chatKey: conversation.chatKey, step: conversation.step, version: VERSION, state: conversation.state, savedAt: now })
    return '您的建议还没提交，已存为草稿。想接着填，请说「建议」。'
  },
}

/** Going back to (or changing) a step forgets its answer, so it is asked again. */
function clearFor(step: Step, state: State): State {
  if (step === 'what') return { ...state, problem: undefined, editing: true }
  if (step === 'where') return { ...state, place: undefined, building: undefined, placeKind: undefined, floor: undefined, editing: true }
  if (step === 'photo') return { ...state, fileIds: [], editing: false }
  return state
}

const who = (ctx: Ctx, state: State) =>
  state.proxyFor ? { personId: null, proxiedBy: ctx.person.id } : { personId: ctx.person.id, proxiedBy: null }

function toDraft(state: State): SuggestionDraft {
  return {
    problem: state.problem!,
    building: state.building ?? null,
    place: state.place ?? null,
    placeKind: state.placeKind ?? null,
    category: state.category ?? categorize(state.problem!),
    fileIds: state.fileIds,
    proxyFor: state.proxyFor ?? null,
  }
}

async function submit(ctx: Ctx, state: State): Promise<void> {
  const dup = await likelyDuplicate(ctx.db, { communityId: ctx.community!.id, draft: toDraft(state) })
  if (dup) {
    await save(ctx, 'duplicate', { ...state, duplicateOf: dup.id })
    return ctx.reply(`这条和 ${suggestionCode(dup.id)}「${cut(dup.problem, 30)}」是同一件事吗？回复「是」或「不是」。`)
  }
  return record(ctx, state)
}

async function record(ctx: Ctx, state: State): Promise<void> {
  const s = await recordSuggestion(ctx.db, { communityId: ctx.community!.id, ...who(ctx, state), roomId: ctx.room?.id ?? null, draft: toDraft(state), now: ctx.now })
  await ctx.endDialog()
  await dropDraft(ctx.db, { personId: ctx.person.id, name: INTAKE_DIALOG })
  const forWhom = state.proxyFor ? `（代${state.proxyFor}）` : ''
  await ctx.reply(`已记录${forWhom}，编号 ${suggestionCode(s.id)}（${s.category}${s.place ? ` · ${s.place}` : ''}）。说「我的建议」可查看进展。`)
}
