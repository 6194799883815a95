import { getProject, recordPoolEvent, renameProjectRow } from '../db/pool.js'
import { parseCodes, projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'
import { staffCommunity } from '../kit/access.js'

/** 改名 P3 <新名称> */
export async function renameProject(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { p, rest } = parseCodes(args)
  const name = rest.replace(/^(为|成|叫)\s*/, '').trim()
  if (p.length !== 1 || !name) throw new AppError('BAD_INPUT', '请写项目编号和新名称，例如「改名 P3 3号楼照明改造」。')
  if (name.length > 30) throw new AppError('BAD_INPUT', '项目名称请短一些（30 字以内）。')
  const project = await getProject(ctx.db, { id: p[0]!, communityId: community.id })
  if (!project) throw new AppError('NOT_FOUND', `没有项目 ${projectCode(p[0]!)}。`)
  await renameProjectRow(ctx.db, { id: project.id, name })
  await recordPoolEvent(ctx.db, { communityId: community.id, projectId: project.id, kind: 'rename', suggestionIds: [], oldName: project.name, newName: name, byPerson: ctx.person.id, at: ctx.now })
  await ctx.reply(`${projectCode(project.id)} 已改名：「${project.name}」→「${name}」。`)
}
