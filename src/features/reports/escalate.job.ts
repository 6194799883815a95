import type { Db } from '../../db/client.js'
import { buildingNumbers, gridMembersOfBuilding, markEscalations, type Report } from '../../db/reports.js'
import { staffRoomOf } from '../../db/rooms.js'
import { communities } from '../../db/schema.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { maskDoors, reportCode } from './parse.js'
import { reportText as t } from './text.js'

/**
 * Job (every 10 minutes): reports nobody took within GONGJIAN_REPORT_TAKE_H, and reports not
 * closed within GONGJIAN_REPORT_SLA_H, go to the staff group — each once per reason (the mark is
 * set in the same transaction as the message). A community without a staff group keeps them
 * unmarked until it has one.
 */
export async function escalateReports(db: Db, p: { now: Date; slot: Date; takeMs: number; slaMs: number }): Promise<{ escalated: number }> {
  let escalated = 0
  for (const c of await db.select({ id: communities.id }).from(communities)) {
    await db.transaction(async (tx) => {
      const staff = await staffRoomOf(tx, { communityId: c.id })
      if (!staff?.present) return
      const { untaken, late } = await markEscalations(tx, {
        communityId: c.id,
        now: p.now,
        takeBefore: new Date(p.now.getTime() - p.takeMs),
        slaBefore: new Date(p.now.getTime() - p.slaMs),
      })
      if (!untaken.length && !late.length) return
      const numbers = await buildingNumbers(tx, { communityId: c.id, ids: [...untaken, ...late].map((r) => r.buildingId).filter((b): b is number => b !== null) })
      const line = async (r: Report) =>
        t.escalationLine({
          code: reportCode(r.id),
          building: r.buildingId !== null ? (numbers.get(r.buildingId) ?? null) : null,
          category: r.category,
          problem: maskDoors(r.problem),
          grid: r.buildingId !== null ? (await gridMembersOfBuilding(tx, { communityId: c.id, buildingId: r.buildingId })).map((g) => g.name) : [],
        })
      const lines = async (list: Report[]) => {
        const out: string[] = []
        for (const r of [...list].sort((a, b) => a.id - b.id)) out.push(await line(r))
        return out
      }
      const body = t.escalation({
        untaken: await lines(untaken),
        late: await lines(late),
        takeHours: Math.round(p.takeMs / 3_600_000),
        slaHours: Math.round(p.slaMs / 3_600_000),
      })
      await enqueueMessage(tx, { key: `reports-escalation:${p.slot.toISOString()}:room:${staff.id}`, body, roomId: staff.id, communityId: c.id, now: p.now, priority: 'background' })
      escalated += untaken.length + late.length
    })
  }
  return { escalated }
}
