import { staffCommunity } from '../kit/access.js'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { rooms } from '../db/schema.js'
import { duplicateCandidates, moveCursor, readCursor, suggestionsSince } from '../db/suggestions.js'
import { buildingLabel, neighbourName } from '../domain/address.js'
import { findDuplicates } from '../domain/suggestions/similarity.js'
import type { Category } from '../domain/suggestions/understand.js'
import { formatClock } from '../domain/time.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import type { Ctx } from '../kit/context.js'
import { suggestionCode } from './submitSuggestion.js'
import { cut } from '../domain/text.js'

/**
 * New suggestions since `since`, grouped by building and category, with the pairs that look
 * like the same thing (proposed for merging by staff; nothing is merged here). Null if none.
 */
export async function newSuggestionsReport(db: Db, p: { communityId: number; since: Date; timeZone: string }): Promise<string | null> {
  const { fresh, supports } = await suggestionsSince(db, p)
  if (!fresh.length && !supports.length) return null
  const groups = new Map<string, Map<string, string[]>>()
  for (const { s, building, by } of fresh) {
    const where = building !== null ? buildingLabel(building) : '公共区域'
    const byCategory = groups.get(where) ?? new Map<string, string[]>()
    const list = byCategory.get(s.category) ?? []
    const who = s.proxyFor ? `代${neighbourName(s.proxyFor)}` : (by ?? '已删除的用户')
    list.push(`${suggestionCode(s.id)} ${cut(s.problem, 24)}（${who}）`)
    byCategory.set(s.category, list)
    groups.set(where, byCategory)
  }
  const since = p.since.getTime() > 0 ? `${formatClock(p.since, p.timeZone)} 以来` : '至今'
  const lines = [`新建议 ${fresh.length} 条（${since}）${supports.length ? `，另有 ${supports.length} 次附议` : ''}：`]
  for (const [where, byCategory] of [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true }))) {
    lines.push(`【${where}】`)
    for (const [category, list] of byCategory) lines.push(`${category}：${list.join('；')}`)
  }
  const pairs = await proposedDuplicates(db, { communityId: p.communityId, fresh: fresh.map((f) => f.s) })
  if (pairs.length) lines.push(`可能是同一件事（请核对）：${pairs.map(([a, b]) => `${suggestionCode(a)} 与 ${suggestionCode(b)}`).join('；')}`)
  return lines.join('\n')
}

async function proposedDuplicates(
  db: Db,
  p: { communityId: number; fresh: { id: number; problem: string; features: string[]; buildingId: number | null; place: string | null; placeKind: string | null; category: string }[] },
): Promise<[number, number][]> {
  const pairs: [number, number][] = []
  const seen = new Set<string>()
  for (const s of p.fresh) {
    const candidates = (await duplicateCandidates(db, { communityId: p.communityId, buildingId: s.buildingId, placeKind: s.placeKind, category: s.category })).filter((c) => c.id !== s.id)
    const [best] = findDuplicates(
      { text: s.problem, building: s.buildingId, place: s.place, placeKind: s.placeKind, category: s.category as Category },
      candidates.map((c) => ({ id: c.id, text: c.problem, features: c.features, building: s.buildingId, place: c.place, placeKind: c.placeKind, category: c.category as Category })),
      { limit: 1 },
    )
    if (!best) continue
    const pair: [number, number] = [Math.min(s.id, best.id), Math.max(s.id, best.id)]
    if (seen.has(pair.join())) continue
    seen.add(pair.join())
    pairs.push(pair)
  }
  return pairs
}

/** 建议列表 [全部] — staff: what came in since they last looked (or all open ones). */
export async function listNewSuggestions(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const all = /全部|所有/.test(args)
  const since = all ? new Date(0) : await readCursor(ctx.db, { communityId: community.id, name: 'suggestion-list' })
  const report = await newSuggestionsReport(ctx.db, { communityId: community.id, since, timeZone: ctx.config.timeZone })
  await moveCursor(ctx.db, { communityId: community.id, name: 'suggestion-list', at: ctx.now })
  await ctx.reply(report ?? '上次查看以来没有新建议。看全部请说「建议列表 全部」。')
}

/** Job (mornings): the same report to each staff group, if anything is new since the last one. */
export async function digestSuggestions(db: Db, p: { now: Date; slot: Date; timeZone: string }): Promise<{ posted: number }> {
  const staffRooms = await db.select().from(rooms).where(and(eq(rooms.kind, 'staff'), eq(rooms.present, true)))
  let posted = 0
  for (const room of staffRooms) {
    if (room.communityId === null) continue
    const communityId = room.communityId
    await db.transaction(async (tx) => {
      const since = await readCursor(tx, { communityId, name: 'suggestion-digest' })
      const report = await newSuggestionsReport(tx, { communityId, since, timeZone: p.timeZone })
      await moveCursor(tx, { communityId, name: 'suggestion-digest', at: p.now })
      if (!report) return
      await enqueueMessage(tx, {
        key: `suggestion-digest:${communityId}:${p.slot.toISOString()}`,
        body: `早上好，今日建议汇总。\n${report}`,
        roomId: room.id,
        communityId,
        now: p.now,
        priority: 'background',
      })
      posted++
    })
  }
  return { posted }
}
