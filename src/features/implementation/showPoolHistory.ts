import { projectHistory, projectsWithMembers } from '../../db/pool.js'
import { parseCodes } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { suggestionCode } from '../suggestions/index.js'
import { summaryOf } from './showProgress.js'
import { historyText as t } from './text.js'

/** 项目历史 P3 — every merge, split and rename of a project, for staff. */
export async function showPoolHistory(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { p } = parseCodes(args)
  if (p.length !== 1) throw new AppError('BAD_INPUT', t.usage)
  const events = await projectHistory(ctx.db, { communityId: community.id, projectId: p[0]! })
  const [m] = await projectsWithMembers(ctx.db, { communityId: community.id, ids: [p[0]!] })
  if (!m) throw new AppError('NOT_FOUND', t.notFound(p[0]!))
  const lines = events.map((e) =>
    t.line({ kind: e.kind, what: e.kind === 'rename' ? t.renamed(e.oldName, e.newName) : e.suggestionIds.map(suggestionCode).join('、'), undone: Boolean(e.undoneAt) }),
  )
  await ctx.reply([summaryOf(m), ...lines].join('\n'))
}
