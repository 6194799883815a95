import { createHash, randomInt } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import type { Community } from '../../db/communities.js'
import { staffRoomOf } from '../../db/rooms.js'
import { communities } from '../../db/schema.js'
import { staffText as t } from './text.js'

/**
 * The one-time code shown to the operator at start: said in a group (绑定工作群 1234-5678), it
 * makes that group the staff group of a community that has none. Only its hash is stored.
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
    lines.push(t.operator.bindCode({ community: c.name, code, botName: p.botName, topic: c.staffRoomTopic }))
  }
  return lines
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
