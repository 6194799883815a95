import type { Db } from '../../db/client.js'
import { closeQuestion, questionsDueToClose } from '../../db/deliberation.js'
import { staffRoomOf } from '../../db/rooms.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { questionTally } from './tally.js'
import { deliberationText as t } from './text.js'

/** Job: questions past their deadline stop taking choices, once each; the staff group hears the count. */
export async function closeDueQuestions(db: Db, p: { now: Date }): Promise<{ closed: number }> {
  let closed = 0
  for (const q of await questionsDueToClose(db, p)) {
    await db.transaction(async (tx) => {
      if (!(await closeQuestion(tx, { id: q.id, communityId: q.communityId, now: p.now }))) return
      closed++
      const staff = await staffRoomOf(tx, { communityId: q.communityId })
      if (!staff?.present) return
      const { options, chose, eligible } = await questionTally(tx, q)
      await enqueueMessage(tx, { key: `question-closed:${q.id}`, body: t.closedForStaff({ id: q.id, title: q.title, chose, eligible, options }), roomId: staff.id, communityId: q.communityId, now: p.now, priority: 'background' })
    })
  }
  return { closed }
}
