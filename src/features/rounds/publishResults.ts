import type { Db } from '../../db/client.js'
import { closeRound, roundsDueToClose, type Round } from '../../db/rounds.js'
import { publishAcceptance } from '../implementation/index.js'
import { postToAllGroups } from '../../outbox/broadcast.js'
import { postChart, resultChart } from './resultChart.js'
import { resultsText } from './results.js'

/** Closes the round (once) and posts the result to every group. */
export async function publishRoundResults(db: Db, p: { round: Round; now: Date; timeZone: string; fontFile?: string }): Promise<boolean> {
  if (!(await closeRound(db, { id: p.round.id, communityId: p.round.communityId, now: p.now }))) return false
  const closed = { ...p.round, status: 'closed', closedAt: p.now < p.round.closesAt ? p.now : p.round.closesAt }
  // an acceptance result goes to the project's own groups and decides its fate
  if (closed.kind === 'acceptance') {
    await publishAcceptance(db, { round: closed, now: p.now, timeZone: p.timeZone })
    return true
  }
  const body = await resultsText(db, { round: closed, timeZone: p.timeZone })
  const roomIds = await postToAllGroups(db, { communityId: p.round.communityId, key: `round-result:${p.round.id}`, body, now: p.now, staffToo: true })
  const png = await resultChart(db, { round: closed, timeZone: p.timeZone, fontFile: p.fontFile })
  if (png) await postChart(db, { round: closed, png, roomIds, key: `round-chart:${p.round.id}`, now: p.now })
  return true
}

/** Job: rounds past their deadline are closed and their result published, exactly once. */
export async function closeDueRounds(db: Db, p: { now: Date; timeZone: string; fontFile?: string }): Promise<{ closed: number }> {
  let closed = 0
  for (const round of await roundsDueToClose(db, p)) {
    if (await db.transaction((tx) => publishRoundResults(tx, { round, now: p.now, timeZone: p.timeZone, fontFile: p.fontFile }))) closed++
  }
  return { closed }
}
