import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { buildingGroups } from '../../db/notices.js'
import { projectPeople, projectsWithMembers } from '../../db/pool.js'
import { roomMembers, rooms } from '../../db/schema.js'
import { enqueueMessage } from '../../outbox/enqueue.js'

export interface ProjectAudience {
  /** the building groups that hear of the project */
  roomIds: number[]
  /** per group, the people to @ there: each asker once, in a group they are in */
  mentions: Map<number, number[]>
}

/**
 * Who hears of a project: the groups of its buildings (every building group when it has none),
 * plus the own building group of anyone who asked for it and is in none of those.
 */
export async function projectAudience(db: Db, p: { communityId: number; projectId: number }): Promise<ProjectAudience> {
  const [member] = await projectsWithMembers(db, { communityId: p.communityId, ids: [p.projectId] })
  const groups = await buildingGroups(db, { communityId: p.communityId })
  const concerned = member?.buildings.length ? groups.filter((g) => member.buildings.includes(g.number)) : groups
  const roomIds = concerned.flatMap((g) => g.roomIds)
  const allGroups = groups.flatMap((g) => g.roomIds)
  const askers = (await projectPeople(db, { communityId: p.communityId, projectIds: [p.projectId] })).map((x) => x.personId)
  const mentions = new Map<number, number[]>()
  if (!askers.length || !allGroups.length) return { roomIds, mentions }
  const seats = await db
    .select({ roomId: roomMembers.roomId, personId: roomMembers.personId })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .where(and(inArray(roomMembers.personId, askers), inArray(roomMembers.roomId, allGroups), eq(rooms.present, true)))
    .orderBy(roomMembers.roomId)
  for (const personId of askers) {
    const mine = seats.filter((s) => s.personId === personId).map((s) => s.roomId)
    const roomId = mine.find((r) => roomIds.includes(r)) ?? mine[0]
    if (roomId === undefined) continue
    if (!roomIds.includes(roomId)) roomIds.push(roomId)
    mentions.set(roomId, [...(mentions.get(roomId) ?? []), personId])
  }
  return { roomIds, mentions }
}

/**
 * News of a project to its audience: one message per group, @-mentioning there (once, together)
 * those who asked for it. Returns the rooms and how many people were mentioned.
 */
export async function postProjectNews(
  db: Db,
  p: { communityId: number; projectId: number; key: string; body: string; now: Date; staffToo?: boolean },
): Promise<{ roomIds: number[]; mentioned: number }> {
  const audience = await projectAudience(db, p)
  for (const roomId of audience.roomIds) {
    await enqueueMessage(db, {
      key: `${p.key}:room:${roomId}`,
      body: p.body,
      roomId,
      communityId: p.communityId,
      now: p.now,
      priority: 'background',
      mentions: audience.mentions.get(roomId),
    })
  }
  if (p.staffToo) {
    for (const roomId of await staffRooms(db, p)) {
      await enqueueMessage(db, { key: `${p.key}:room:${roomId}`, body: p.body, roomId, communityId: p.communityId, now: p.now, priority: 'background' })
    }
  }
  const mentioned = [...audience.mentions.values()].reduce((n, l) => n + l.length, 0)
  return { roomIds: audience.roomIds, mentioned }
}

export async function staffRooms(db: Db, p: { communityId: number }): Promise<number[]> {
  const rows = await db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.communityId, p.communityId), eq(rooms.kind, 'staff'), eq(rooms.present, true)))
  return rows.map((r) => r.id)
}

/** A message to the staff group(s) of a community. */
export async function tellStaff(db: Db, p: { communityId: number; key: string; body: string; now: Date }): Promise<boolean> {
  const ids = await staffRooms(db, p)
  for (const roomId of ids) await enqueueMessage(db, { key: `${p.key}:room:${roomId}`, body: p.body, roomId, communityId: p.communityId, now: p.now })
  return ids.length > 0
}
