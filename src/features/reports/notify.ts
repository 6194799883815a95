import type { Db } from '../../db/client.js'
import { reportAudience } from '../../db/reports.js'
import { enqueueMessage } from '../../outbox/enqueue.js'

/** Where a report's news goes: groups (the people @-mentioned there) and private chats. */
export interface Targets {
  rooms: number[]
  people: number[]
}

/**
 * Tells the reporter and those who backed the report: in the group where each said it, all of
 * them @-mentioned for real at once; privately those who said it privately (or left the group).
 */
export async function tellReporters(db: Db, p: { communityId: number; reportId: number; key: string; body: string; now: Date }): Promise<{ targets: Targets; told: number }> {
  const audience = await reportAudience(db, { communityId: p.communityId, reportId: p.reportId })
  const byRoom = new Map<number, number[]>()
  const people: number[] = []
  for (const a of audience) {
    if (a.roomId === null) people.push(a.personId)
    else byRoom.set(a.roomId, [...(byRoom.get(a.roomId) ?? []), a.personId])
  }
  for (const [roomId, mentions] of byRoom) {
    await enqueueMessage(db, { key: `${p.key}:room:${roomId}`, body: p.body, roomId, communityId: p.communityId, now: p.now, priority: 'background', mentions })
  }
  for (const personId of people) {
    await enqueueMessage(db, { key: `${p.key}:person:${personId}`, body: p.body, personId, communityId: p.communityId, now: p.now, priority: 'background' })
  }
  return { targets: { rooms: [...byRoom.keys()], people }, told: audience.length }
}

/** A picture to every target (groups without mentions: the text before it named them). */
export async function sendPhoto(
  db: Db,
  p: { communityId: number; key: string; fileId: number; caption: string; targets: Targets; now: Date; priority: 'reply' | 'background' },
): Promise<void> {
  for (const roomId of p.targets.rooms) {
    await enqueueMessage(db, { key: `${p.key}:room:${roomId}`, body: p.caption, kind: 'file', fileId: p.fileId, roomId, communityId: p.communityId, now: p.now, priority: p.priority })
  }
  for (const personId of p.targets.people) {
    await enqueueMessage(db, { key: `${p.key}:person:${personId}`, body: p.caption, kind: 'file', fileId: p.fileId, personId, communityId: p.communityId, now: p.now, priority: p.priority })
  }
}
