import { neighbourName } from '../domain/address.js'
import { suggestionsOf, getSuggestion, updateSuggestion, type Suggestion } from '../db/suggestions.js'
import { projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import { featuresOf } from '../domain/suggestions/similarity.js'
import { categorize } from '../domain/suggestions/understand.js'
import { chinesePunctuation, cut, normalizeInput } from '../domain/text.js'
import type { Ctx } from '../kit/context.js'
import { suggestionCode } from './submitSuggestion.js'

const STATUS: Record<string, string> = { open: '已记录，等汇总', withdrawn: '已撤回' }
const statusOf = (s: Suggestion) => (s.status === 'merged' && s.projectId !== null ? `已并入 ${projectCode(s.projectId)}` : (STATUS[s.status] ?? s.status))

/** 我的建议 — mine (and those I said 是 to), with where each stands. */
export async function listMySuggestions(ctx: Ctx): Promise<void> {
  const { own, backed } = await suggestionsOf(ctx.db, { personId: ctx.person.id })
  if (!own.length && !backed.length) {
    await ctx.reply('您还没有提过建议。说「建议」就可以提。')
    return
  }
  const lines = ['您的建议：']
  for (const { s, supports } of own.slice(0, 10)) {
    const plus = supports ? `，${supports} 人附议` : ''
    const proxy = s.proxyFor ? `（代${neighbourName(s.proxyFor)}）` : ''
    lines.push(`· ${suggestionCode(s.id)} ${cut(s.problem, 24)}${proxy} — ${statusOf(s)}${plus}`)
  }
  for (const { s } of backed.slice(0, 5)) lines.push(`· ${suggestionCode(s.id)} ${cut(s.problem, 24)} — 您附议过，${statusOf(s)}`)
  const open = own.find((x) => x.s.status === 'open')
  if (open) lines.push(`要撤回说「撤回 ${suggestionCode(open.s.id)}」，要改说「修改 ${suggestionCode(open.s.id)} 新的说法」。`)
  await ctx.reply(lines.join('\n'))
}

async function ownOpenSuggestion(ctx: Ctx, code: string, verb: string): Promise<Suggestion> {
  const m = /J\s*(\d+)/i.exec(normalizeInput(code))
  if (!m || !ctx.community) throw new AppError('BAD_INPUT', `请写编号，例如「${verb} J12」。说「我的建议」可查编号。`)
  const s = await getSuggestion(ctx.db, { id: Number(m[1]), communityId: ctx.community.id })
  if (!s || (s.personId !== ctx.person.id && s.proxiedBy !== ctx.person.id)) throw new AppError('NOT_FOUND', `没有找到您提的 J${m[1]}。说「我的建议」可查编号。`)
  if (s.status !== 'open') throw new AppError('CONFLICT', `${suggestionCode(s.id)} ${statusOf(s)}，不能再${verb}了。`)
  return s
}

/** 撤回 J12 — while it is not yet merged into a project. */
export async function withdrawSuggestion(ctx: Ctx, args: string): Promise<void> {
  const s = await ownOpenSuggestion(ctx, args, '撤回')
  await updateSuggestion(ctx.db, { id: s.id, set: { status: 'withdrawn', updatedAt: ctx.now } })
  await ctx.reply(`已撤回 ${suggestionCode(s.id)}「${cut(s.problem, 20)}」。`)
}

/** 修改 J12 新的说法 — correct the words (and so the category) while it is still open. */
export async function correctSuggestion(ctx: Ctx, args: string): Promise<void> {
  const m = /^\s*[Jj]\s*\d+/.exec(normalizeInput(args))
  const s = await ownOpenSuggestion(ctx, m ? m[0] : '', '修改')
  const words = chinesePunctuation(normalizeInput(args).slice(m![0].length).replace(/^[\s:：,，]+/, '').trim())
  if (!words) throw new AppError('BAD_INPUT', `请在编号后写新的说法，例如「修改 ${suggestionCode(s.id)} 3号楼门口两盏路灯都坏了」。`)
  const category = categorize(words)
  await updateSuggestion(ctx.db, { id: s.id, set: { problem: cut(words, 500), category, features: featuresOf(words), updatedAt: ctx.now } })
  await ctx.reply(`已改好 ${suggestionCode(s.id)}：${cut(words, 40)}（${category}）。`)
}
