import type { Logger } from 'pino'
import type { InboundMessage } from '../chat/types.js'
import type { Config } from '../config.js'
import { chatKeyOf, endConversation, findConversation, saveConversation, type Conversation } from '../conversations/store.js'
import type { Database, Db } from '../db/client.js'
import { logAndPeek } from '../db/hotPath.js'
import { getCommunity, type Community } from '../db/communities.js'
import { inboundIdOf, logInbound, markInbound } from '../db/inbound.js'
import { memberCommunityIds, resolvePerson, staffCommunityIds, type Person } from '../db/people.js'
import { resolveRoom, type Room } from '../db/rooms.js'
import { isAppError } from '../domain/errors.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import { parseCommand, unknownCommandReply } from './commands.js'
import type { CommandHandler, Ctx, DialogHandler } from './context.js'
import { IdentityCache, type Identity } from './identityCache.js'
import { KeyedQueue } from './keyedQueue.js'

export type Outcome = 'self' | 'duplicate' | 'stale' | 'ignored' | 'handled' | 'failed'

export interface PipelineDeps {
  database: Database
  now: () => Date
  config: Config
  log: Logger
  /** when the current login began: identity mappings older than this are stale */
  loginAt: () => Date
  commands: Record<string, CommandHandler>
  dialogs: Record<string, DialogHandler>
  /** called after a transaction that enqueued messages has committed */
  onEnqueued: () => void
  /** the deployment's communities (for private chats of people with no group yet) */
  communityIds: () => number[]
}

const SORRY = '抱歉，刚才出了点问题，没有办成。请稍后再试，或联系居委。'

/**
 * Inbound path: drop own messages → per-talker queue → one transaction that logs the message
 * once (dedupe on id), drops stale ones, resolves room and person, and runs the dialog or
 * command — replies go to the outbox in the same transaction. A failing handler is logged and
 * answered with an apology; it never stops the bot.
 */
export function createPipeline(deps: PipelineDeps) {
  const queue = new KeyedQueue()
  const identity = new IdentityCache()
  const db = deps.database.db

  async function process(msg: InboundMessage): Promise<Outcome> {
    const now = deps.now()
    try {
      const outcome = await route(msg, now)
      if (outcome.enqueued) deps.onEnqueued()
      return outcome.outcome
    } catch (err) {
      deps.log.error({ err, messageId: msg.id }, 'handler failed')
      await recordFailure(msg, now, err)
      return 'failed'
    }
  }

  type Routed = { outcome: Outcome; enqueued: boolean }

  /** Addressed messages go straight into one transaction; group chatter takes the hot path. */
  async function route(msg: InboundMessage, now: Date): Promise<Routed> {
    if (!msg.room || msg.mentionsBot) return db.transaction((tx) => handleIn(tx, msg, now))
    try {
      return await chatter(msg, now)
    } catch (err) {
      // a cached id whose row is gone (e.g. the person erased their data): forget and redo
      if ((err as { code?: string }).code !== '23503') throw err
      identity.clear()
      return chatter(msg, now)
    }
  }

  /** Group message without @: logged in one statement; acted on only if it answers a dialog. */
  async function chatter(msg: InboundMessage, now: Date): Promise<Routed> {
    const ids = identity.lookup(msg) ?? (await db.transaction((tx) => resolveIdentity(tx, msg, now)))
    const stale = isStale(msg, now)
    const logged = await logAndPeek(deps.database, {
      msg,
      roomId: ids.roomId!,
      personId: ids.personId,
      chatKey: chatKeyOf(ids.roomId),
      status: stale ? 'stale' : 'ignored',
      now,
    })
    if (logged.inboundId === undefined) return { outcome: 'duplicate', enqueued: false }
    if (stale || !logged.conversationOpen) return { outcome: stale ? 'stale' : 'ignored', enqueued: false }
    const inboundId = logged.inboundId
    return db.transaction((tx) => handleIn(tx, msg, now, inboundId))
  }

  async function resolveIdentity(tx: Db, msg: InboundMessage, now: Date): Promise<Identity & { room: Room | null; person: Person }> {
    const loginAt = deps.loginAt()
    const room = msg.room ? await resolveRoom(tx, { ref: msg.room, now, loginAt }) : null
    const person = await resolvePerson(tx, { ref: msg.talker, roomId: room?.id, now, loginAt })
    const ids = { roomId: room?.id ?? null, personId: person.id }
    identity.remember(msg, ids)
    return { ...ids, room, person }
  }

  const isStale = (msg: InboundMessage, now: Date) => now.getTime() - msg.sentAt.getTime() > deps.config.staleAfterMs

  async function recordFailure(msg: InboundMessage, now: Date, err: unknown): Promise<void> {
    try {
      await db.transaction(async (tx) => {
        const { room, person } = await resolveIdentity(tx, msg, now)
        // the hot path may have logged it already
        const id =
          (await logInbound(tx, { msg, roomId: room?.id ?? null, personId: person.id, status: 'failed', now })) ??
          (await inboundIdOf(tx, msg.id))
        if (id === undefined) return
        await markInbound(tx, { id, status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : String(err) })
        await enqueueMessage(tx, {
          key: `reply:${id}:error`,
          body: room ? `@${msg.talker.nickname || msg.talker.name} ${SORRY}` : SORRY,
          roomId: room?.id ?? null,
          personId: room ? null : person.id,
          puppetTo: room ? msg.room!.puppetId : msg.talker.puppetId,
          communityId: room?.communityId ?? null,
          now,
        })
      })
      deps.onEnqueued()
    } catch (err2) {
      deps.log.error({ err: err2, messageId: msg.id }, 'could not even record the failure')
    }
  }

  /**
   * One message in one transaction: log (unless the hot path did), resolve, run the dialog or
   * command; its replies are outbox rows of the same transaction.
   */
  async function handleIn(tx: Db, msg: InboundMessage, now: Date, loggedId?: number): Promise<Routed> {
    const { room, person } = await resolveIdentity(tx, msg, now)
    const stale = isStale(msg, now)
    const inboundId = loggedId ?? (await logInbound(tx, { msg, roomId: room?.id ?? null, personId: person.id, status: stale ? 'stale' : 'ignored', now }))
    if (inboundId === undefined) return { outcome: 'duplicate', enqueued: false }
    if (stale) return { outcome: 'stale', enqueued: false }

    const chatKey = chatKeyOf(room?.id ?? null)
    let conversation: Conversation | null = (await findConversation(tx, { chatKey, personId: person.id })) ?? null
    if (conversation && conversation.expiresAt < now) {
      await endConversation(tx, { id: conversation.id })
      conversation = null
    }
    const addressed = !room || msg.mentionsBot
    if (!addressed && !conversation) return { outcome: 'ignored', enqueued: false }

    let enqueued = false
    let replyNo = 0
    const ctx = await buildCtx(tx, { msg, now, inboundId, person, room, conversation, chatKey })
    ctx.reply = async (text: string) => {
      enqueued = true
      await enqueueMessage(ctx.db, {
        key: `reply:${inboundId}:${replyNo++}`,
        body: room ? `@${msg.talker.nickname || msg.talker.name} ${text}` : text,
        roomId: room?.id ?? null,
        personId: room ? null : person.id,
        puppetTo: room ? msg.room!.puppetId : msg.talker.puppetId,
        communityId: ctx.community?.id ?? null,
        now,
      })
    }

    let command: string | null = null
    try {
      // a savepoint: a refused command leaves no half-made change behind
      command = await tx.transaction(async (sp) => {
        ctx.db = sp
        return dispatch(ctx, conversation)
      })
    } catch (err) {
      if (!isAppError(err)) throw err
      ctx.db = tx
      replyNo = 0
      enqueued = false
      // an expected refusal: say why, change nothing else
      await ctx.reply(err.message)
    }
    await markInbound(tx, { id: inboundId, status: 'handled', command })
    return { outcome: 'handled', enqueued }
  }

  async function dispatch(ctx: Ctx, conversation: Conversation | null): Promise<string | null> {
    const parsed = ctx.msg.type === 'text' ? parseCommand(ctx.msg.text) : ({ kind: 'empty' } as const)
    if (conversation) {
      const dialog = deps.dialogs[conversation.name]
      if (!dialog || dialog.version !== conversation.version) {
        await ctx.endDialog()
        await ctx.reply('抱歉，系统刚升级，刚才的操作要重新开始。')
        return 'dialog:outdated'
      }
      if (parsed.kind === 'command' && parsed.name === '取消') {
        await ctx.endDialog()
        await ctx.reply('好的，已取消。')
        return '取消'
      }
      if (parsed.kind === 'command' && parsed.name === '返回') {
        if (dialog.onBack) await dialog.onBack(ctx, conversation)
        else {
          await ctx.endDialog()
          await ctx.reply('好的，已退出。')
        }
        return '返回'
      }
      await dialog.onMessage(ctx, conversation)
      return `dialog:${conversation.name}`
    }
    if (ctx.msg.type !== 'text') return null
    if (parsed.kind === 'empty') {
      await ctx.reply('您好！发「帮助」看看我能做什么。')
      return null
    }
    if (parsed.kind === 'unknown') {
      await ctx.reply(unknownCommandReply(parsed))
      return null
    }
    const handler = deps.commands[parsed.name]
    if (!handler) {
      await ctx.reply(`「${parsed.name}」还没开通。发「帮助」看看现在能做什么。`)
      return parsed.name
    }
    await handler(ctx, parsed.args)
    return parsed.name
  }

  // ctx.reply enqueues on ctx.db, so a rolled-back savepoint takes its replies with it
  async function buildCtx(
    tx: Db,
    p: { msg: InboundMessage; now: Date; inboundId: number; person: Person; room: Room | null; conversation: Conversation | null; chatKey: string },
  ): Promise<Ctx> {
    const staffOf = await staffCommunityIds(tx, { personId: p.person.id })
    let communityId = p.room?.communityId ?? null
    if (communityId === null) {
      const all = deps.communityIds()
      const mine = staffOf.length ? staffOf : await memberCommunityIds(tx, { personId: p.person.id })
      communityId = mine.length === 1 ? mine[0]! : all.length === 1 ? all[0]! : null
    }
    const community: Community | null = communityId !== null ? ((await getCommunity(tx, { id: communityId })) ?? null) : null
    const ctx: Ctx = {
      db: tx,
      now: p.now,
      config: deps.config,
      msg: p.msg,
      inboundId: p.inboundId,
      person: p.person,
      room: p.room,
      community,
      isStaff: community !== null && staffOf.includes(community.id),
      staffOf,
      conversation: p.conversation,
      reply: async () => {},
      startDialog: async (d) => {
        await saveConversation(ctx.db, { ...d, chatKey: p.chatKey, personId: p.person.id, now: p.now, timeoutMs: deps.config.dialogTimeoutMs })
      },
      endDialog: async () => {
        const c = await findConversation(ctx.db, { chatKey: p.chatKey, personId: p.person.id })
        if (c) await endConversation(ctx.db, { id: c.id })
      },
    }
    return ctx
  }

  return {
    /** Handles one inbound message; resolves when it has been handled (or dropped). */
    receive(msg: InboundMessage): Promise<Outcome> {
      if (msg.isSelf) return Promise.resolve('self')
      return queue.run(msg.talker.puppetId, () => process(msg))
    },
    idle: () => queue.idle(),
    /** a new login: every puppet id may have changed */
    forgetIdentities: () => identity.clear(),
  }
}

export type Pipeline = ReturnType<typeof createPipeline>
