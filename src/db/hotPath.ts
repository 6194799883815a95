import type { InboundMessage } from '../chat/types.js'
import type { Database } from './client.js'
import type { InboundStatus } from './inbound.js'

/**
 * Logs a group message and, in the same statement, looks for the talker's open dialog there:
 * the one round trip that ordinary chatter costs. Only the row is kept (for dedupe), not the
 * words: chatter not meant for the bot is none of its business. An answer to a dialog gets its
 * text recorded when it is handled.
 */
const LOG_AND_PEEK = `
with ins as (
  insert into inbound_messages (message_id, room_id, person_id, type, text, sent_at, received_at, status)
  values ($1, $2, $3, $4, null, $5::timestamptz, $6::timestamptz, $7)
  on conflict (message_id) do nothing
  returning id
)
select (select id from ins) as inbound_id,
       (select id from conversations where chat_key = $8 and person_id = $3 and expires_at > $6::timestamptz) as conversation_id`

export async function logAndPeek(
  database: Database,
  p: { msg: InboundMessage; roomId: number; personId: number; chatKey: string; status: InboundStatus; now: Date },
): Promise<{ inboundId: number | undefined; conversationOpen: boolean }> {
  const [row] = await database.query<{ inbound_id: string | number | null; conversation_id: number | null }>(LOG_AND_PEEK, [
    p.msg.id,
    p.roomId,
    p.personId,
    p.msg.type,
    p.msg.sentAt.toISOString(),
    p.now.toISOString(),
    p.status,
    p.chatKey,
  ])
  return {
    inboundId: row?.inbound_id == null ? undefined : Number(row.inbound_id),
    conversationOpen: row?.conversation_id != null,
  }
}
