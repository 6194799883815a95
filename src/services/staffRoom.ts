import { createHash, randomInt } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import type { RoomRef } from '../chat/types.js'
import type { Db } from '../db/client.js'
import type { Community } from '../db/communities.js'
import { bindStaffRoom, resolveRoomRow, staffRoomOf, type MemberEvidence, type Room } from '../db/rooms.js'
import { communities } from '../db/schema.js'
import { cut } from '../domain/text.js'
import { enqueueMessage } from '../outbox/enqueue.js'

/**
 * Trust starts here: the staff group is bound once, deliberately — by the one-time code shown
 * to the operator, or (while a community has none) by the configured topic. After that no topic
 * or rename makes another group staff; a group that takes the staff topic is reported.
 */

/** Wrong codes tolerated before a code is void (a new one comes with the next start). */
export const BIND_CODE_MAX_MISSES = 10

export const hashCode = (code: string): string => createHash('sha256').update(`gongjian-bind:${code}`).digest('hex')

/** 8 digits shown as 1234-5678 (tolerant reading ignores the dash and spaces). */
export function newBindCode(): string {
  const n = String(randomInt(0, 100_000_000)).padStart(8, '0')
  return `${n.slice(0, 4)}-${n.slice(4)}`
}

/** Digits only, full-width folded: what was typed after 绑定工作群. */
export const codeDigits = (s: string): string => s.normalize('NFKC').replace(/\D/g, '')

/**
 * At start: every community without a staff group gets a fresh one-time code (only its hash is
 * stored); returns the lines for the operator's terminal.
 */
export async function issueBindCodes(db: Db, p: { communities: Community[]; botName: string }): Promise<string[]> {
  const lines: string[] = []
  for (const c of p.communities) {
    if (await staffRoomOf(db, { communityId: c.id })) {
      await db.update(communities).set({ bindCodeHash: null, bindCodeMisses: 0 }).where(eq(communities.id, c.id))
      continue
    }
    const code = newBindCode()
    await db.update(communities).set({ bindCodeHash: hashCode(codeDigits(code)), bindCodeMisses: 0 }).where(eq(communities.id, c.id))
    lines.push(
      `「${c.name}」还没有居委工作群。绑定码 / binding code: ${code}\n` +
        `  在居委工作群里 @${p.botName} 说「绑定工作群 ${code}」；或把工作群命名为「${c.staffRoomTopic}」（第一个叫这个名字的群自动成为工作群）。`,
    )
  }
  return lines
}

export interface AdmittedRoom {
  room: Room
  /** for the operator's terminal */
  notes: string[]
}

/**
 * Resolves a puppet room to its lasting row, then applies the staff rules: a group with exactly
 * the configured topic becomes the staff group only while the community has none; otherwise a
 * new or renamed group with that topic is reported to the real staff group and gains nothing.
 */
export async function admitRoom(
  db: Db,
  p: { ref: RoomRef; now: Date; loginAt: Date; members?: MemberEvidence; communities: Community[] },
): Promise<AdmittedRoom> {
  const { room, change } = await resolveRoomRow(db, p)
  const notes: string[] = []
  const community = p.communities.find((c) => c.staffRoomTopic === room.topic)
  if (!community || room.kind === 'staff' || room.kind === 'building' || room.kind === 'council') return { room, notes }
  const staff = await staffRoomOf(db, { communityId: community.id })
  if (!staff) {
    const bound = await bindStaffRoom(db, { communityId: community.id, roomId: room.id })
    await db.update(communities).set({ bindCodeHash: null, bindCodeMisses: 0 }).where(eq(communities.id, community.id))
    await enqueueMessage(db, {
      key: `staff-bound:${room.id}:${community.id}`,
      body: `本群已设为${community.name === room.topic ? '' : `「${community.name}」的`}居委工作群：群成员就是居委工作人员，可以发通知、管项目、开投票。说「帮助」看看能做什么。\n以后别的群改成这个名字也不会成为工作群；要换群，请在新群里说「换工作群」。`,
      roomId: bound.id,
      communityId: community.id,
      now: p.now,
    })
    notes.push(`居委工作群已绑定 / staff group bound: 「${room.topic}」 → ${community.name}`)
    return { room: bound, notes }
  }
  if (change !== null) {
    const how = change === 'new' ? '出现了一个也叫' : '有一个群改名为'
    await enqueueMessage(db, {
      key: `staff-topic:${room.id}:${cut(room.topic, 60)}`,
      body: `提醒：${how}「${room.topic}」的群，它不是本社区的居委工作群，群里的人没有居委权限。如果是要换工作群，请在新群里说「换工作群」，再回这里确认。`,
      roomId: staff.id,
      communityId: community.id,
      now: p.now,
      priority: 'background',
    })
    notes.push(`有群用了工作群的名字，未获权限 / a group took the staff topic and gained nothing: 「${room.topic}」`)
  }
  return { room, notes }
}

/** The staff group a code binds, if the code is right; counts misses and voids a code tried too often. */
export async function redeemBindCode(db: Db, p: { code: string; communities: Community[] }): Promise<{ community?: Community; voided?: Community }> {
  const hash = hashCode(codeDigits(p.code))
  const ids = p.communities.map((c) => c.id)
  const open = ids.length ? (await db.select().from(communities).where(inArray(communities.id, ids))).filter((r) => r.bindCodeHash) : []
  const match = open.find((r) => r.bindCodeHash === hash)
  if (match) {
    await db.update(communities).set({ bindCodeHash: null, bindCodeMisses: 0 }).where(eq(communities.id, match.id))
    return { community: p.communities.find((c) => c.id === match.id) }
  }
  // a miss counts against every open code: guessing cannot go on for long
  let voided: Community | undefined
  for (const row of open) {
    const misses = row.bindCodeMisses + 1
    const patch = misses >= BIND_CODE_MAX_MISSES ? { bindCodeHash: null, bindCodeMisses: 0 } : { bindCodeMisses: misses }
    await db.update(communities).set(patch).where(eq(communities.id, row.id))
    if (misses >= BIND_CODE_MAX_MISSES) voided = p.communities.find((c) => c.id === row.id)
  }
  return { voided }
}

/** Rooms that may not become the staff group: a building's, the council's. */
export function bindableAsStaff(room: Room): boolean {
  return room.kind === 'other' || room.kind === 'staff'
}
