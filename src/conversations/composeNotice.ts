import type { FilePayload } from '../chat/types.js'
import { NOTICE_KIND_LABEL, noticeCode, renderNotice, type NoticeKind } from '../domain/noticeText.js'
import { splitLongText } from '../domain/splitText.js'
import { parseTargets, type Targets } from '../domain/targets.js'
import { cut, normalizeInput } from '../domain/text.js'
import { formatClock } from '../domain/time.js'
import { parseWhen } from '../domain/when.js'
import type { Ctx, DialogHandler } from '../kit/context.js'
import { describePlan, planNotice, publishNotice, type NoticeDraft } from '../services/publishNotice.js'
import type { Conversation } from './store.js'

export const COMPOSE_DIALOG = 'compose-notice'
const VERSION = 1

type Step = 'title' | 'body' | 'photo' | 'targets' | 'when' | 'preview' | 'edit'
const ORDER: Step[] = ['title', 'body', 'photo', 'targets', 'when', 'preview']

interface State {
  kind: NoticeKind
  title?: string
  body?: string
  file?: FilePayload | null
  targets?: Targets
  at?: string
  immediate?: boolean
  /** changing one item from the preview: go back to the preview after it */
  editing?: boolean
}

const MAX_TITLE = 60
const PREVIEW_CHARS = 300

const PROMPTS: Record<Exclude<Step, 'preview'>, string> = {
  title: '请发标题（一句话）：',
  body: '请发正文（多长都可以，一条消息发完）：',
  photo: '要配一张图吗？请直接发图片；不要就回复「跳过」。',
  targets: '发给哪些楼？回复「全部」，或楼号如「3号楼 5号楼」「3-6号楼」。',
  when: '什么时候发？回复「立即」，或时间如「明天9点」「12月1日 19:00」。',
  edit: '要改哪一项？回复：标题、正文、图片、范围、时间。',
}

const EDITABLE: Record<string, Step> = { 标题: 'title', 正文: 'body', 内容: 'body', 图片: 'photo', 照片: 'photo', 配图: 'photo', 范围: 'targets', 楼栋: 'targets', 发给: 'targets', 时间: 'when' }
const SKIP = /^(跳过|不要|不用|没有|无|不配|不配图|skip)$/i
const CONFIRM = /^(确认|确定|发送|发|好|好的|可以|ok|是)$/i

async function save(ctx: Ctx, step: Step, state: State): Promise<void> {
  await ctx.startDialog({ name: COMPOSE_DIALOG, version: VERSION, step, state: state as unknown as Record<string, unknown> })
}

/** 发布公开信 / 发布通知 — staff, in the staff group or a private chat. */
export async function startCompose(ctx: Ctx, kind: NoticeKind): Promise<void> {
  await save(ctx, 'title', { kind })
  await ctx.reply(`好的，写一封${NOTICE_KIND_LABEL[kind]}。随时可回复「取消」放弃、「返回」回上一步。\n${PROMPTS.title}`)
}

/** Moves on after a step: the next step, or back to the preview when changing one item. */
async function advance(ctx: Ctx, from: Step, state: State): Promise<void> {
  const next = state.editing ? 'preview' : ORDER[ORDER.indexOf(from) + 1]!
  if (next === 'preview') return showPreview(ctx, { ...state, editing: false })
  await save(ctx, next, state)
  await ctx.reply(PROMPTS[next])
}

async function showPreview(ctx: Ctx, state: State): Promise<void> {
  const plan = await planNotice(ctx.db, { communityId: ctx.community!.id, targets: state.targets! })
  const parts = splitLongText(renderNotice({ id: null, kind: state.kind, title: state.title!, body: state.body! }))
  const first = parts[0]!.length > PREVIEW_CHARS ? `${cut(parts[0]!, PREVIEW_CHARS)}……` : parts[0]!
  const lines = [
    `预览：${NOTICE_KIND_LABEL[state.kind]}《${state.title}》`,
    `发往：${describePlan(plan)}`,
    `时间：${state.immediate ? '确认后立即发' : formatClock(new Date(state.at!), ctx.config.timeZone)}`,
    `配图：${state.file ? '1 张' : '无'}`,
    `正文共 ${parts.length} 段，第 1 段开头：`,
    '———',
    first,
    '———',
    '回复「确认」发送，「修改」改一项，「取消」放弃。',
  ]
  await save(ctx, 'preview', state)
  await ctx.reply(lines.join('\n'))
}

function textOf(ctx: Ctx): string {
  return ctx.msg.type === 'text' ? ctx.msg.text.trim() : ''
}

export const composeNoticeDialog: DialogHandler = {
  version: VERSION,

  async onMessage(ctx: Ctx, c: Conversation) {
    const step = c.step as Step
    const state = c.state as unknown as State
    const text = textOf(ctx)
    const plain = normalizeInput(text).replace(/[。.!！\s]/g, '')

    switch (step) {
      case 'title': {
        if (!text) return ctx.reply(`标题请发文字。${PROMPTS.title}`)
        if (text.length > MAX_TITLE) return ctx.reply(`标题有 ${text.length} 个字，请短一些（${MAX_TITLE} 字以内）。`)
        return advance(ctx, step, { ...state, title: text })
      }
      case 'body': {
        if (!text) return ctx.reply(`正文请发文字（图片在下一步）。${PROMPTS.body}`)
        return advance(ctx, step, { ...state, body: text })
      }
      case 'photo': {
        if (ctx.msg.type === 'image') {
          const file = await ctx.loadImage()
          return advance(ctx, step, { ...state, file })
        }
        if (SKIP.test(plain)) return advance(ctx, step, { ...state, file: null })
        return ctx.reply(`请发一张图片，或回复「跳过」。`)
      }
      case 'targets': {
        const parsed = parseTargets(text)
        if (!parsed.ok) return ctx.reply(parsed.reply)
        const plan = await planNotice(ctx.db, { communityId: ctx.community!.id, targets: parsed.value })
        if (plan.missing.length) {
          return ctx.reply(`${plan.missing.map((n) => `${n}号楼`).join('、')}还没有绑定的群，发不到。请重新回复范围。`)
        }
        if (plan.groups === 0) return ctx.reply('还没有任何楼栋群绑定。请先在楼栋群里说「绑定 3号楼」，或回复「取消」。')
        return advance(ctx, step, { ...state, targets: parsed.value })
      }
      case 'when': {
        const parsed = parseWhen(text, ctx.now, ctx.config.timeZone)
        if (!parsed.ok) return ctx.reply(parsed.reply)
        return advance(ctx, step, { ...state, at: parsed.value.at.toISOString(), immediate: parsed.value.immediate })
      }
      case 'preview': {
        if (CONFIRM.test(plain)) return confirm(ctx, state)
        if (plain.startsWith('修改') || plain.startsWith('改')) {
          const item = plain.replace(/^修?改/, '')
          const target = EDITABLE[item]
          if (target) {
            await save(ctx, target, { ...state, editing: true })
            return ctx.reply(PROMPTS[target as Exclude<Step, 'preview'>])
          }
          await save(ctx, 'edit', state)
          return ctx.reply(PROMPTS.edit)
        }
        return ctx.reply('回复「确认」发送，「修改」改一项，「取消」放弃。')
      }
      case 'edit': {
        const target = EDITABLE[plain]
        if (!target) return ctx.reply(PROMPTS.edit)
        await save(ctx, target, { ...state, editing: true })
        return ctx.reply(PROMPTS[target as Exclude<Step, 'preview'>])
      }
    }
  },

  async onBack(ctx: Ctx, c: Conversation) {
    const step = c.step as Step
    const state = c.state as unknown as State
    if (step === 'title') {
      await ctx.endDialog()
      return ctx.reply('好的，已退出，没有发布。')
    }
    if (step === 'edit' || state.editing) return showPreview(ctx, { ...state, editing: false })
    const previous = ORDER[ORDER.indexOf(step) - 1]!
    await save(ctx, previous, state)
    await ctx.reply(`回到上一步。${PROMPTS[previous as Exclude<Step, 'preview'>]}`)
  },
}

async function confirm(ctx: Ctx, state: State): Promise<void> {
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
    await save(ctx, 'when', { ...state, editing: true })
    return ctx.reply(`发送时间 ${formatClock(new Date(draft.at), ctx.config.timeZone)} 已经过了。${PROMPTS.when}`)
  }
  const { notice, plan } = await publishNotice(ctx.db, { communityId: ctx.community!.id, personId: ctx.person.id, draft, now: ctx.now, config: ctx.config })
  await ctx.endDialog()
  const when = draft.immediate ? '现在开始发送' : `将于 ${formatClock(notice.sendAt, ctx.config.timeZone)} 发送`
  await ctx.reply(
    `已确认：${NOTICE_KIND_LABEL[draft.kind]} ${noticeCode(notice.id)}《${draft.title}》${when}，发往${describePlan(plan)}。\n楼组长转发后会回复「已转发」；说「公告状态 ${noticeCode(notice.id)}」可查看。`,
  )
}
