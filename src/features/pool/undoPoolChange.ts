import { lastPoolEvent, markUndone, renameProjectRow, setProjectOf, suggestionsByIds } from '../../db/pool.js'
import { AppError } from '../../domain/errors.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { poolText } from './text.js'

const t = poolText.undo

/** 撤销 — reverses the latest pool change not yet undone (repeat to go further back). */
export async function undoPoolChange(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const event = await lastPoolEvent(ctx.db, { communityId: community.id })
  if (!event) throw new AppError('NOT_FOUND', t.nothing)
  const ids = event.suggestionIds
  // only while the suggestions are still where that change put them
  const now = await suggestionsByIds(ctx.db, { communityId: community.id, ids })
  const expected = event.kind === 'remove' ? null : event.projectId
  const moved = now.filter((s) => s.projectId !== expected)
  if (event.kind !== 'rename' && moved.length) throw new AppError('CONFLICT', t.movedSince(moved.map((s) => s.id)))
  if (event.kind === 'create' || event.kind === 'add') await setProjectOf(ctx.db, { communityId: event.communityId, ids, projectId: null, now: ctx.now })
  else if (event.kind === 'remove') await setProjectOf(ctx.db, { communityId: event.communityId, ids, projectId: event.projectId, now: ctx.now })
  else await renameProjectRow(ctx.db, { id: event.projectId, communityId: event.communityId, name: event.oldName ?? '' })
  await markUndone(ctx.db, { id: event.id, communityId: event.communityId, now: ctx.now })
  await ctx.reply(t.done({ kind: event.kind, ids, projectId: event.projectId, oldName: event.oldName }))
}
