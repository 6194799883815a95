import { currentCampaign } from '../../db/campaigns.js'
import { createProject, recordPoolEvent, setProjectOf, suggestionsByIds } from '../../db/pool.js'
import { parseCodes } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { NEW_NAME_LEAD } from './lexicon.js'
import { checkProjectName, projectOf } from './project.js'
import { poolText } from './text.js'

const t = poolText.merge

/** 合并 J3 J7 J9 为 <名称> (a new project) / 合并 J12 到 P3 — build the project pool. */
export async function mergeSuggestions(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { j, p, rest } = parseCodes(args)
  if (!j.length) throw new AppError('BAD_INPUT', t.needCodes)
  if (p.length > 1) throw new AppError('BAD_INPUT', t.oneProject)
  const found = await suggestionsByIds(ctx.db, { communityId: community.id, ids: j })
  const missing = j.filter((id) => !found.some((s) => s.id === id))
  if (missing.length) throw new AppError('NOT_FOUND', t.noSuggestions(missing))
  const withdrawn = found.filter((s) => s.status === 'withdrawn')
  if (withdrawn.length) throw new AppError('CONFLICT', t.withdrawn(withdrawn.map((s) => s.id)))
  const elsewhere = found.flatMap((s) => (s.projectId !== null && s.projectId !== p[0] ? [{ id: s.id, projectId: s.projectId }] : []))
  if (elsewhere.length) throw new AppError('CONFLICT', t.elsewhere(elsewhere))

  if (p.length === 1) {
    const project = await projectOf(ctx, { communityId: community.id, id: p[0]! })
    const adding = found.filter((s) => s.projectId !== project.id).map((s) => s.id)
    if (!adding.length) throw new AppError('CONFLICT', t.alreadyIn(project.id))
    await setProjectOf(ctx.db, { communityId: community.id, ids: adding, projectId: project.id, now: ctx.now })
    await recordPoolEvent(ctx.db, { communityId: community.id, projectId: project.id, kind: 'add', suggestionIds: adding, byPerson: ctx.person.id, at: ctx.now })
    await ctx.reply(t.added(adding, project))
    return
  }

  const name = rest.replace(NEW_NAME_LEAD, '').trim()
  if (!name) throw new AppError('BAD_INPUT', t.needName)
  checkProjectName(name)
  const campaign = await currentCampaign(ctx.db, { communityId: community.id })
  const project = await createProject(ctx.db, { communityId: community.id, campaignId: campaign?.id ?? null, name, createdBy: ctx.person.id, now: ctx.now })
  await setProjectOf(ctx.db, { communityId: community.id, ids: j, projectId: project.id, now: ctx.now })
  await recordPoolEvent(ctx.db, { communityId: community.id, projectId: project.id, kind: 'create', suggestionIds: j, newName: name, byPerson: ctx.person.id, at: ctx.now })
  await ctx.reply(t.created(j, { id: project.id, name }))
}
