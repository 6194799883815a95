import { openReports } from '../../db/reports.js'
import type { Ctx } from '../../kit/context.js'
import { reportActor } from './access.js'
import { maskDoors, reportCode } from './parse.js'
import { act, age, reportText as t } from './text.js'

const SHOWN = 30

/** 报事列表 — open reports by building, the longest waiting first: staff see all, a grid member theirs. */
export async function listReports(ctx: Ctx): Promise<void> {
  const actor = await reportActor(ctx, act.list)
  const mine = actor.isStaff ? null : actor.mine
  const rows = await openReports(ctx.db, { communityId: actor.communityId, buildingIds: mine?.map((b) => b.id) })
  if (!rows.length) return ctx.reply(t.listEmpty(mine?.map((b) => b.number) ?? null))
  // the staff group is a group: door numbers masked there; privately the words as written
  const shown = (s: string) => (ctx.room ? maskDoors(s) : s)
  const byBuilding = new Map<number | null, typeof rows>()
  for (const row of rows) byBuilding.set(row.building, [...(byBuilding.get(row.building) ?? []), row])
  // buildings in number order, the ones without a building last; within each, oldest first
  const order = [...byBuilding.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b))
  const lines = [t.listHead(rows.length)]
  let listed = 0
  for (const building of order) {
    const list = byBuilding.get(building)!
    lines.push(t.listBuilding(building, list.length))
    for (const { r, taker } of list) {
      if (listed++ >= SHOWN) continue
      lines.push(t.listItem({ code: reportCode(r.id), category: r.category, problem: shown(r.problem), age: age(ctx.now.getTime() - r.createdAt.getTime()), taker: r.status === 'taken' ? (taker ?? t.erasedName) : null }))
    }
  }
  if (rows.length > SHOWN) lines.push(t.listMore(rows.length - SHOWN))
  await ctx.reply(lines.join('\n'))
}
