import { recordPoolEvent, setProjectOf, suggestionsByIds } from '../../db/pool.js'
import { parseCodes } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { projectOf } from './project.js'
import { poolText } from './text.js'

const t = poolText.split

/** 拆分 P3 J7 — takes suggestions back out of a project (they are open again). */
export async function splitProject(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { j, p } = parseCodes(args)
  if (p.length !== 1 || !j.length) throw new AppError('BAD_INPUT', t.usage)
  const project = await projectOf(ctx, { communityId: community.id, id: p[0]! })
  const found = await suggestionsByIds(ctx.db, { communityId: community.id, ids: j })
  const notIn = j.filter((id) => !found.some((s) => s.id === id && s.projectId === project.id))
  if (notIn.length) throw new AppError('NOT_FOUND', t.notIn(notIn, project.id))
  await setProjectOf(ctx.db, { communityId: community.id, ids: j, projectId: null, now: ctx.now })
  await recordPoolEvent(ctx.db, { communityId: community.id, projectId: project.id, kind: 'remove', suggestionIds: j, byPerson: ctx.person.id, at: ctx.now })
  await ctx.reply(t.done(j, project))
}
