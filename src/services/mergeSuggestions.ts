import { currentCampaign } from '../db/campaigns.js'
import { createProject, getProject, recordPoolEvent, setProjectOf, suggestionsByIds } from '../db/pool.js'
import { parseCodes, projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'
import { staffCommunity } from '../kit/access.js'
import { suggestionCode } from './submitSuggestion.js'

const EXAMPLE = '例如「合并 J3 J7 为 3号楼路灯维修」，或加入已有项目「合并 J12 到 P3」。'

/** 合并 J3 J7 J9 为 <名称> (a new project) / 合并 J12 到 P3 — build the project pool. */
export async function mergeSuggestions(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { j, p, rest } = parseCodes(args)
  if (!j.length) throw new AppError('BAD_INPUT', `请写要合并的建议编号，${EXAMPLE}`)
  if (p.length > 1) throw new AppError('BAD_INPUT', `一次只能并入一个项目，${EXAMPLE}`)
  const found = await suggestionsByIds(ctx.db, { communityId: community.id, ids: j })
  const missing = j.filter((id) => !found.some((s) => s.id === id))
  if (missing.length) throw new AppError('NOT_FOUND', `没有建议 ${missing.map(suggestionCode).join('、')}。`)
  const withdrawn = found.filter((s) => s.status === 'withdrawn')
  if (withdrawn.length) throw new AppError('CONFLICT', `${withdrawn.map((s) => suggestionCode(s.id)).join('、')} 已被撤回，不能合并。`)
  const elsewhere = found.filter((s) => s.projectId !== null && s.projectId !== p[0])
  if (elsewhere.length) {
    const where = elsewhere.map((s) => `${suggestionCode(s.id)} 在 ${projectCode(s.projectId!)}`).join('、')
    throw new AppError('CONFLICT', `${where}，请先「拆分」出来。`)
  }

  if (p.length === 1) {
    const project = await getProject(ctx.db, { id: p[0]!, communityId: community.id })
    if (!project) throw new AppError('NOT_FOUND', `没有项目 ${projectCode(p[0]!)}。`)
    const adding = found.filter((s) => s.projectId !== project.id).map((s) => s.id)
    if (!adding.length) throw new AppError('CONFLICT', `这些建议已经在 ${projectCode(project.id)} 里了。`)
    await setProjectOf(ctx.db, { ids: adding, projectId: project.id, now: ctx.now })
    await recordPoolEvent(ctx.db, { communityId: community.id, projectId: project.id, kind: 'add', suggestionIds: adding, byPerson: ctx.person.id, at: ctx.now })
    await ctx.reply(`已把 ${adding.map(suggestionCode).join('、')} 并入 ${projectCode(project.id)}「${project.name}」。说「撤销」可以撤回这一步。`)
    return
  }

  const name = rest.replace(/^(为|成|叫|作为|合成|到)\s*/, '').trim()
  if (!name) throw new AppError('BAD_INPUT', `请给项目起个名字，${EXAMPLE}`)
  if (name.length > 30) throw new AppError('BAD_INPUT', '项目名称请短一些（30 字以内）。')
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  const project = await createProject(ctx.db, { communityId: community.id, campaignId: campaign?.id ?? null, name, createdBy: ctx.person.id, now: ctx.now })
  await setProjectOf(ctx.db, { ids: j, projectId: project.id, now: ctx.now })
  await recordPoolEvent(ctx.db, { communityId: community.id, projectId: project.id, kind: 'create', suggestionIds: j, newName: name, byPerson: ctx.person.id, at: ctx.now })
  await ctx.reply(`已建项目 ${projectCode(project.id)}「${name}」，含 ${j.map(suggestionCode).join('、')}。提建议的居民说「我的建议」就能看到。说「撤销」可以撤回这一步。`)
}
