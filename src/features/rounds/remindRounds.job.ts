import type { Db } from '../../db/client.js'
import { buildingGroups, headsOf } from '../../db/notices.js'
import { markRoundReminded, roundsDueForReminder, turnoutByBuilding } from '../../db/rounds.js'
import { formatClock } from '../../domain/time/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { roundText as t } from './text.js'

/**
 * Job: once per round, some hours before the deadline, each building group hears its own
 * turnout — never who has not voted. The building's heads are @-mentioned for real (WeChat
 * notifies them): they know their neighbours and nudge them in person.
 */
export async function remindRounds(db: Db, p: { now: Date; leadMs: number; timeZone: string }): Promise<{ reminded: number }> {
  let reminded = 0
  for (const round of await roundsDueForReminder(db, { before: new Date(p.now.getTime() + p.leadMs) })) {
    await db.transaction(async (tx) => {
      if (!(await markRoundReminded(tx, { id: round.id, communityId: round.communityId, now: p.now }))) return
      const turnout = await turnoutByBuilding(tx, { round })
      // an acceptance round concerns the project's buildings only
      const groups = (await buildingGroups(tx, { communityId: round.communityId })).filter((b) => !round.buildingIds || round.buildingIds.includes(b.buildingId))
      const heads = await headsOf(tx, { communityId: round.communityId, buildingIds: groups.map((b) => b.buildingId) })
      for (const b of groups) {
        const x = turnout.find((y) => y.buildingId === b.buildingId)
        const mentions = heads.filter((h) => h.buildingId === b.buildingId).map((h) => h.personId)
        const body = t.reminder({
          round: round.id,
          kind: round.kind,
          per: round.per,
          project: round.projectIds[0] ?? 0,
          closes: formatClock(round.closesAt, p.timeZone),
          building: x && { number: b.number, voted: x.voted, eligible: x.eligible },
          heads: mentions.length > 0,
        })
        for (const roomId of b.roomIds) {
          await enqueueMessage(tx, { key: `round-remind:${round.id}:room:${roomId}`, body, roomId, mentions, communityId: round.communityId, now: p.now, priority: 'background' })
        }
      }
      reminded++
    })
  }
  return { reminded }
}
