import { currentCampaign } from '../../db/campaigns.js'
import { getBuilding } from '../../db/communities.js'
import { candidateOf, ensureOpenDraw, getCandidate, insertCandidate, latestDraw, updateCandidate, type CouncilDraw } from '../../db/council.js'
import { householdOfPerson } from '../../db/households.js'
import { buildingLabel, parseBuilding } from '../../domain/address.js'
import { AGE_LABEL, parseAgeBand, SKIP } from '../../domain/council/pool.js'
import { AppError } from '../../domain/errors.js'
import { cut, normalizeInput } from '../../domain/text.js'
import type { Ctx, DialogHandler } from '../../kit/context.js'
import type { Conversation } from '../../db/conversations.js'

export const SIGNUP_DIALOG = 'council-signup'
const VERSION = 1
const STEPS = ['name', 'building', 'age', 'gender', 'tenure', 'confirm'] as const
type Step = (typeof STEPS)[number]

interface State {
  /** a recommendation being accepted */
  candidateId?: number
  defaultName: string
  defaultBuilding?: number
  name?: string
  building?: number
  ageBand?: string | null
  gender?: string | null
  tenure?: string | null
}

export const CONSENT = '报名信息只用于抽签：结果公布时只显示称呼和楼号。'
const MAX_NAME = 12
const YES = /^(是|是的|对|对的|嗯|好|好的|行|可以|确认|提交|没问题|ok|y|yes)$/i
const CHANGE = /^(修改|改|重填|不对|不是)$/

/** Why this pool takes no sign-ups, or undefined when it does. */
export function closedReason(draw: CouncilDraw | undefined): string | undefined {
  if (!draw || draw.status === 'open') return undefined
  if (draw.status === 'frozen') return '议事员报名已经截止了，谢谢您的热心！下次报名会在群里通知。'
  return '本届议事员已经抽签产生，谢谢您的热心！下次报名会在群里通知。'
}

async function save(ctx: Ctx, step: Step, state: State): Promise<void> {
  await ctx.startDialog({ name: SIGNUP_DIALOG, version: VERSION, step, state: state as unknown as Record<string, unknown> })
}

function prompt(ctx: Ctx, step: Step, state: State): Promise<void> {
  switch (step) {
    case 'name':
      return ctx.reply(`请问怎么称呼您（公布时用这个称呼）？回复「好」就用「${state.defaultName}」。`)
    case 'building':
      return ctx.reply(`您住几号楼？${state.defaultBuilding ? `回复「是」就是${buildingLabel(state.defaultBuilding)}。` : '例如「3号楼」。'}`)
    case 'age':
      return ctx.reply('年龄段？回复 1 青年18-39 / 2 中年40-59 / 3 老年60以上 / 跳过')
    case 'gender':
      return ctx.reply('性别？回复 男 / 女 / 跳过')
    case 'tenure':
      return ctx.reply('您是业主还是租户？回复 业主 / 租户 / 跳过')
    case 'confirm':
      return ctx.reply(`请核对：${summary(state)}\n没问题回复「确认」；要改回复「修改」。`)
  }
}

function summary(s: State): string {
  const attr = (v: string | null | undefined, label: string) => (v ? v : `${label}未填`)
  return [
    `称呼「${s.name}」`,
    buildingLabel(s.building!),
    s.ageBand ? AGE_LABEL[s.ageBand] ?? s.ageBand : '年龄未填',
    attr(s.gender, '性别'),
    attr(s.tenure, '业主/租户'),
  ].join('，')
}

async function goTo(ctx: Ctx, step: Step, state: State): Promise<void> {
  await save(ctx, step, state)
  await prompt(ctx, step, state)
}

/**
 * 报名议事员 (and 接受推荐): consent line, then 称呼 → 楼号 → 年龄段 → 性别 → 业主/租户 → confirm.
 * A second sign-up in the same pool updates the first.
 */
export async function startSignup(ctx: Ctx, opts: { candidateId?: number } = {}): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', '请在您楼栋的群里 @我 说「报名议事员」。')
  const campaign = await currentCampaign(ctx.db, { communityId: ctx.community.id })
  const draw = await ensureOpenDraw(ctx.db, { communityId: ctx.community.id, campaignId: campaign?.id ?? null, now: ctx.now })
  const closed = closedReason(draw)
  if (closed) throw new AppError('CONFLICT', closed)
  const existing = opts.candidateId
    ? await getCandidate(ctx.db, { id: opts.candidateId })
    : await candidateOf(ctx.db, { drawId: draw.id, personId: ctx.person.id })
  const roomBuilding = ctx.room?.buildingId ? (await getBuilding(ctx.db, { id: ctx.room.buildingId }))?.number : undefined
  const household = roomBuilding ? undefined : await householdOfPerson(ctx.db, { personId: ctx.person.id })
  const state: State = {
    candidateId: opts.candidateId,
    defaultName: cleanName(existing?.name ?? (ctx.msg.talker.nickname || ctx.msg.talker.name || ctx.person.name)) || ctx.person.name,
    defaultBuilding: existing?.building ?? household?.building.number ?? roomBuilding,
  }
  const again = existing?.status === 'accepted' ? '您已经报过名，这次填写会更新您的报名信息。\n' : ''
  await save(ctx, 'name', state)
  await ctx.reply(`${again}${CONSENT}随时回复「取消」可退出。`)
  await prompt(ctx, 'name', state)
}

const cleanName = (s: string): string => cut(s.replace(/[@\s\u2005]+/g, ''), MAX_NAME)

export const signupDialog: DialogHandler = {
  version: VERSION,

  async onMessage(ctx: Ctx, c: Conversation) {
    const step = c.step as Step
    const state = c.state as unknown as State
    const raw = ctx.msg.type === 'text' ? ctx.msg.text.trim() : ''
    const p = normalizeInput(raw).replace(/[。.!！?？\s]/g, '')
    if (!p) return prompt(ctx, step, state)

    switch (step) {
      case 'name': {
        const name = YES.test(p) ? state.defaultName : cleanName(raw)
        if (!name) return prompt(ctx, step, state)
        if ([...raw.replace(/\s/g, '')].length > MAX_NAME && !YES.test(p)) return ctx.reply(`称呼请在 ${MAX_NAME} 个字以内，例如「王阿姨」「张先生」。`)
        return goTo(ctx, 'building', { ...state, name })
      }
      case 'building': {
        if (YES.test(p) && state.defaultBuilding) return goTo(ctx, 'age', { ...state, building: state.defaultBuilding })
        const b = parseBuilding(raw)
        if (!b.ok) return ctx.reply(b.reply)
        return goTo(ctx, 'age', { ...state, building: b.value })
      }
      case 'age': {
        const band = parseAgeBand(p)
        if (band === undefined) return prompt(ctx, step, state)
        return goTo(ctx, 'gender', { ...state, ageBand: band })
      }
      case 'gender': {
        const g = /^(男|男性|男的)$/.test(p) ? '男' : /^(女|女性|女的)$/.test(p) ? '女' : SKIP.test(p) ? null : undefined
        if (g === undefined) return prompt(ctx, step, state)
        return goTo(ctx, 'tenure', { ...state, gender: g })
      }
      case 'tenure': {
        const t = /^(业主|房东|自住|自己的房)/.test(p) ? '业主' : /^(租户|租客|租房|租的)/.test(p) ? '租户' : SKIP.test(p) ? null : undefined
        if (t === undefined) return prompt(ctx, step, state)
        return goTo(ctx, 'confirm', { ...state, tenure: t })
      }
      case 'confirm': {
        if (CHANGE.test(p)) return goTo(ctx, 'name', { ...state, defaultName: state.name ?? state.defaultName, defaultBuilding: state.building ?? state.defaultBuilding })
        if (!YES.test(p)) return ctx.reply('没问题回复「确认」；要改回复「修改」，不报了回复「取消」。')
        return finish(ctx, state)
      }
    }
  },

  async onBack(ctx: Ctx, c: Conversation) {
    const i = STEPS.indexOf(c.step as Step)
    if (i <= 0) {
      await ctx.endDialog()
      return ctx.reply('好的，已退出报名。')
    }
    return goTo(ctx, STEPS[i - 1]!, c.state as unknown as State)
  },
}

async function finish(ctx: Ctx, state: State): Promise<void> {
  await ctx.endDialog()
  const draw = await latestDraw(ctx.db, { communityId: ctx.community!.id })
  const closed = closedReason(draw)
  if (closed || !draw) return ctx.reply(`抱歉，没能登记：${closed ?? '报名还没有开始。'}`)
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
    ? await getCandidate(ctx.db, { id: state.candidateId })
    : await candidateOf(ctx.db, { drawId: draw.id, personId: ctx.person.id })
  if (existing && existing.drawId === draw.id) await updateCandidate(ctx.db, { id: existing.id, patch: fields })
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
  await ctx.reply(`已报名议事员！${summary(state)}。\n报名截止后公开抽签，结果在各楼群公布。要改信息，再说一次「报名议事员」。`)
}
