import { and, asc, eq, lte } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { conversations } from '../db/schema.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import type { DialogHandler } from './context.js'
import type { Conversation } from '../db/conversations.js'
import { dialogText } from './text.js'

const DEFAULT_NOTICE = dialogText.timedOut

/**
 * Ends a dialog whose idle timeout passed: the dialog keeps what it wants (a draft), and the
 * sentence to tell the person is returned. Ends it only once (false if someone else did).
 */
export async function expireConversation(
  db: Db,
  p: { conversation: Conversation; now: Date; dialogs: Record<string, DialogHandler> },
): Promise<string | undefined> {
  const gone = await db
    .delete(conversations)
    .where(and(eq(conversations.id, p.conversation.id), lte(conversations.expiresAt, p.now)))
    .returning({ id: conversations.id })
  if (!gone.length) return undefined
  const dialog = p.dialogs[p.conversation.name]
  if (!dialog?.onTimeout) return DEFAULT_NOTICE
  return dialog.onTimeout({ db, conversation: p.conversation, now: p.now })
}

/** Job: every dialog idle past its timeout is ended and its person told, where they were. */
export async function expireDialogs(db: Db, p: { now: Date; dialogs: Record<string, DialogHandler> }): Promise<{ expired: number }> {
  const due = await db.select().from(conversations).where(lte(conversations.expiresAt, p.now)).orderBy(asc(conversations.expiresAt)).limit(200)
  let expired = 0
  for (const conversation of due) {
    await db.transaction(async (tx) => {
      const notice = await expireConversation(tx, { conversation, now: p.now, dialogs: p.dialogs })
      if (notice === undefined) return
      expired++
      // a dialog with nothing to say on timeout (e.g. waiting for optional photos)
      if (!notice) return
      const roomId = conversation.chatKey.startsWith('room:') ? Number(conversation.chatKey.slice(5)) : null
      await enqueueMessage(tx, {
        key: `dialog-timeout:${conversation.id}:${conversation.updatedAt.getTime()}`,
        body: notice,
        roomId,
        personId: roomId === null ? conversation.personId : null,
        // in a group, the person is @-mentioned for real (the puppet puts their name in front)
        ...(roomId !== null ? { mentions: [conversation.personId] } : {}),
        now: p.now,
      })
    })
  }
  return { expired }
}
