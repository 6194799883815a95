import { sql } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { outbox, people, rooms } from '../db/schema.js'
import { splitLongText } from '../domain/splitText.js'

export interface OutgoingMessage {
  /** what caused it; the same key twice is sent once */
  key: string
  body: string
  roomId?: number | null
  personId?: number | null
  /** the puppet id at enqueue time, used if the lasting row is gone by send time */
  puppetTo?: string | null
  communityId?: number | null
  /** the bot account to send it; default: the group's, else the person's (who knows their ids) */
  account?: string
  kind?: 'text' | 'announce' | 'file'
  /** with kind 'file': the picture to send (body is then only a caption for logs) */
  fileId?: number | null
  now: Date
  /** scheduled: not before this time (default: now) */
  notBefore?: Date
  /** 'background' (broadcasts, reminders) waits behind replies people are waiting for */
  priority?: 'reply' | 'background'
  /** people to @-mention in the group (names go in front of the first part) */
  mentions?: number[]
  /** an acknowledgement in a group: waiting ones of the same key go out together, as `body` */
  coalesce?: { key: string; body: string }
}

/**
 * Writes the message into the outbox — in the caller's transaction, so it exists exactly when
 * the change that caused it does. Long bodies become numbered parts with keys `<key>#<n>`.
 */
export async function enqueueMessage(db: Db, m: OutgoingMessage): Promise<void> {
  if (!m.roomId && !m.personId && !m.puppetTo) throw new Error('enqueueMessage: no recipient')
  // only the account in the group (or that met the person) can reach them; a row that names none fails here
  const account =
    m.account ??
    sql`coalesce(${m.roomId ? sql`(select ${rooms.account} from ${rooms} where ${rooms.id} = ${m.roomId})` : sql`null`}, ${
      m.personId ? sql`(select ${people.account} from ${people} where ${people.id} = ${m.personId})` : sql`null`
    })`
  const parts = m.kind === 'file' ? [m.body] : splitLongText(m.body)
  await db
    .insert(outbox)
    .values(
      parts.map((body, i) => ({
        idempotencyKey: parts.length === 1 ? m.key : `${m.key}#${i + 1}`,
        account,
        body,
        roomId: m.roomId ?? null,
        personId: m.personId ?? null,
        puppetTo: m.puppetTo ?? null,
        communityId: m.communityId ?? null,
        kind: m.kind ?? 'text',
        fileId: m.fileId ?? null,
        mentions: i === 0 && m.mentions?.length ? m.mentions : null,
        // only a one-part message in a group can be merged with others
        coalesceKey: m.coalesce && m.roomId && parts.length === 1 ? m.coalesce.key : null,
        coalesceBody: m.coalesce && m.roomId && parts.length === 1 ? m.coalesce.body : null,
        notBefore: m.notBefore ?? m.now,
        priority: m.priority === 'background' ? 1 : 0,
        createdAt: m.now,
      })),
    )
    .onConflictDoNothing()
}
