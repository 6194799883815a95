import { getProject, type Project } from '../../db/pool.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { poolText as t } from './text.js'

/** the longest project name, in characters */
const MAX_NAME = 30

/** The project P<id> of this community, or the person is told there is none. */
export async function projectOf(ctx: Ctx, p: { communityId: number; id: number }): Promise<Project> {
  const project = await getProject(ctx.db, { id: p.id, communityId: p.communityId })
  if (!project) throw new AppError('NOT_FOUND', t.noProject(p.id))
  return project
}

/** A new project name is short enough to read at a glance. */
export function checkProjectName(name: string): void {
  if (name.length > MAX_NAME) throw new AppError('BAD_INPUT', t.nameTooLong(MAX_NAME))
}
