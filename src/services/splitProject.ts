import { getProject, recordPoolEvent, setProjectOf, suggestionsByIds } from '../db/pool.js'
import { parseCodes, projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'
import { staffCommunity } from '../kit/access.js'
import { suggestionCode } from './submitSuggestion.js'

/** 拆分 P3 J7 — takes suggestions back out of a project (they are open again). */
export async function splitProject(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { j, p } = parseCodes(args)
  if (p.length !== 1 || !j.length) throw new AppError('BAD_INPUT', '请写项目和建议编号，例如「拆分 P3 J7」。')
  const project = await getProject(ctx.db, { id: p[0]!, communityId: community.id })
  if (!project) throw new AppError('NOT_FOUND', `没有项目 ${projectCode(p[0]!)}。`)
  const found = await suggestionsByIds(ctx.db, { communityId: community.id, ids: j })
  const notIn = j.filter((id) => !found.some((s) => s.id === id && s.projectId === project.id))
  if (notIn.length) throw new AppError('NOT_FOUND', `${notIn.map(suggestionCode).join('、')} 不在 ${projectCode(project.id)} 里。`)
  await setProjectOf(ctx.db, { ids: j, projectId: null, now: ctx.now })
  await recordPoolEvent(ctx.db, { communityId: community.id, projectId: project.id, kind: 'remove', suggestionIds: j, byPerson: ctx.person.id, at: ctx.now })
  await ctx.reply(`已从 ${projectCode(project.id)}「${project.name}」拆出 ${j.map(suggestionCode).join('、')}，它们回到待汇总。说「撤销」可以撤回这一步。`)
}
