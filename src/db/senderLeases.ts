import { and, asc, eq, gte, sql } from 'drizzle-orm'
import type { Db } from './client.js'
import { outbox, people, rooms, senderLeases } from './schema.js'

/** Takes (or renews) the account's send lease for `holder`; false while another holds an unexpired one. */
export async function takeLease(db: Db, p: { account: string; holder: string; now: Date; ttlMs: number }): Promise<boolean> {
  const rows = await db
    .insert(senderLeases)
    .values({ account: p.account, holder: p.holder, expiresAt: new Date(p.now.getTime() + p.ttlMs) })
    .onConflictDoUpdate({
      target: senderLeases.account,
      set: { holder: sql`excluded.holder`, expiresAt: sql`excluded.expires_at` },
      setWhere: sql`${senderLeases.holder} = excluded.holder or ${senderLeases.expiresAt} < ${p.now.toISOString()}::timestamptz`,
    })
    .returning({ holder: senderLeases.holder })
  return rows.length > 0
}

/** Gives the lease up (a clean stop): the next process need not wait for it to run out. */
export async function dropLease(db: Db, p: { account: string; holder: string }): Promise<void> {
  await db.delete(senderLeases).where(and(eq(senderLeases.account, p.account), eq(senderLeases.holder, p.holder)))
}

/** What the account sent since `since`, oldest first, with the chat it went to (as the sender names chats). */
export async function recentSends(db: Db, p: { account: string; since: Date }): Promise<{ chat: string; at: Date }[]> {
  const rows = await db
    .select({ room: rooms.puppetId, person: people.puppetId, to: outbox.puppetTo, id: outbox.id, at: outbox.sentAt })
    .from(outbox)
    .leftJoin(rooms, eq(rooms.id, outbox.roomId))
    .leftJoin(people, eq(people.id, outbox.personId))
    .where(and(eq(outbox.account, p.account), eq(outbox.status, 'sent'), gte(outbox.sentAt, p.since)))
    .orderBy(asc(outbox.sentAt))
  return rows.map((r) => ({ chat: r.room ?? r.person ?? r.to ?? `outbox:${r.id}`, at: r.at! }))
}
