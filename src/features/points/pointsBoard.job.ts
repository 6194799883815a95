import type { Db } from '../../db/client.js'
import { buildingGroups } from '../../db/notices.js'
import { earnedByVolunteer } from '../../db/points.js'
import { communities } from '../../db/schema.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { monthBounds } from './ledger.js'
import { pointsText as t } from './text.js'

const TOP = 10

/**
 * Job (the 1st of each month): in each building group, last month's 积分榜 of that building's
 * volunteers — by name only those who agreed to be named; the others as a count. A building
 * where no volunteer earned anything gets nothing. The month is in every key: a second run sends nothing more.
 */
export async function postPointsBoards(db: Db, p: { now: Date; slot: Date; timeZone: string }): Promise<{ posted: number }> {
  const month = monthBounds(p.slot, p.timeZone, 1)
  let posted = 0
  for (const c of await db.select({ id: communities.id }).from(communities)) {
    await db.transaction(async (tx) => {
      const earned = (await earnedByVolunteer(tx, { communityId: c.id, from: month.from, to: month.to })).filter((e) => e.earned > 0)
      if (!earned.length) return
      for (const group of await buildingGroups(tx, { communityId: c.id })) {
        const here = earned.filter((e) => e.buildingId === group.buildingId)
        if (!here.length) continue
        const named = here
          .filter((e) => e.boardName !== null)
          .sort((a, b) => b.earned - a.earned || a.personId - b.personId)
          .slice(0, TOP)
          .map((e) => ({ name: e.boardName!, points: e.earned }))
        const body = t.board({ building: group.number, month: month.month, lines: named, anonymous: here.filter((e) => e.boardName === null).length })
        for (const roomId of group.roomIds) {
          await enqueueMessage(tx, {
            key: `points-board:${month.year}-${month.month}:room:${roomId}`,
            body,
            roomId,
            communityId: c.id,
            now: p.now,
            priority: 'background',
          })
          posted++
        }
      }
    })
  }
  return { posted }
}
