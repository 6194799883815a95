import { lastPoolEvent, markUndone, renameProjectRow, setProjectOf, suggestionsByIds } from '../db/pool.js'
import { projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'
import { staffCommunity } from '../kit/access.js'
import { suggestionCode } from './submitSuggestion.js'

/** 撤销 — reverses the latest pool change not yet undone (repeat to go further back). */
export async function undoPoolChange(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const event = await lastPoolEvent(ctx.db, { communityId: community.id })
  if (!event) throw new AppError('NOT_FOUND', '没有可以撤销的合并、拆分或改名。')
  const ids = event.suggestionIds
  const p = projectCode(event.projectId)
  // only while the suggestions are still where that change put them
  const now = await suggestionsByIds(ctx.db, { communityId: community.id, ids })
  const expected = event.kind === 'remove' ? null : event.projectId
  const moved = now.filter((s) => s.projectId !== expected)
  if (event.kind !== 'rename' && moved.length) {
    throw new AppError('CONFLICT', `${moved.map((s) => suggestionCode(s.id)).join('、')} 后来又动过，不能撤销这一步了。`)
  }
  let what: string
  if (event.kind === 'create' || event.kind === 'add') {
    await setProjectOf(ctx.db, { ids, projectId: null, now: ctx.now })
    what = `${ids.map(suggestionCode).join('、')} 不再属于 ${p}`
  } else if (event.kind === 'remove') {
    await setProjectOf(ctx.db, { ids, projectId: event.projectId, now: ctx.now })
    what = `${ids.map(suggestionCode).join('、')} 回到 ${p}`
  } else {
    await renameProjectRow(ctx.db, { id: event.projectId, name: event.oldName ?? '' })
    what = `${p} 改回「${event.oldName}」`
  }
  await markUndone(ctx.db, { id: event.id, now: ctx.now })
  await ctx.reply(`已撤销：${what}。`)
}
