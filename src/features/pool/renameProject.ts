import { recordPoolEvent, renameProjectRow } from '../../db/pool.js'
import { parseCodes } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { RENAME_LEAD } from './lexicon.js'
import { checkProjectName, projectOf } from './project.js'
import { poolText } from './text.js'

const t = poolText.rename

/** 改名 P3 <新名称> */
export async function renameProject(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { p, rest } = parseCodes(args)
  const name = rest.replace(RENAME_LEAD, '').trim()
  if (p.length !== 1 || !name) throw new AppError('BAD_INPUT', t.usage)
  checkProjectName(name)
  const project = await projectOf(ctx, { communityId: community.id, id: p[0]! })
  await renameProjectRow(ctx.db, { id: project.id, communityId: community.id, name })
  await recordPoolEvent(ctx.db, { communityId: community.id, projectId: project.id, kind: 'rename', suggestionIds: [], oldName: project.name, newName: name, byPerson: ctx.person.id, at: ctx.now })
  await ctx.reply(t.done(project, name))
}
