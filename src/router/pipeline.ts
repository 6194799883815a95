import type { Logger } from 'pino'
import type { ContactRef, FilePayload, InboundMessage, MessageType } from '../chat/types.js'
import type { Config } from '../config.js'
import { expireConversation } from '../kit/expireDialogs.js'
import { chatKeyOf, endConversation, findConversation, saveConversation, type Conversation } from '../db/conversations.js'
import { isConnectionError, type Database, type Db } from '../db/client.js'
import { logAndPeek } from '../db/hotPath.js'
import type { Community } from '../db/communities.js'
import { inboundIdOf, logInbound, markInbound } from '../db/inbound.js'
import { getPerson, memberCommunityIds, resolvePerson, staffCommunityIds, type Person } from '../db/people.js'
import { getRoom, type Room } from '../db/rooms.js'
import { admitRoom } from '../features/staff/index.js'
import { isAppError, type AppError } from '../domain/errors.js'
import { cleanText, cut, normalizeInput } from '../domain/text.js'
import { enqueueMessage } from '../outbox/enqueue.js'
import { checkAccess, refusalFor, standingOf } from '../kit/access.js'
import type { Ctx, DialogHandler, Runtime } from '../kit/context.js'
import type { CommandSpec } from '../kit/command.js'
import { unknownCommandReply, type ParsedCommand, type Registry } from '../kit/registry.js'
import {
  askAbout,
  GUESS_DIALOG,
  guessText,
  isHarmless,
  pendingGuess,
  readBare,
  readQuote,
  smallTalkText,
  typeInOldDialog,
  typeLine,
  understandingDialogs,
  yesOrNo,
  type LineType,
  type Option,
  type Understood,
} from '../kit/understand/index.js'
import { CONTROL, PHOTO_STARTS } from './lexicon.js'
import { routerText } from './text.js'
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
  /** the commands people can say: parsed, access-checked, then run */
  registry: Registry
  dialogs: Record<string, DialogHandler>
  /** called after a transaction that enqueued messages has committed */
  onEnqueued: () => void
  /** the deployment's communities (created at start from the staff group topics) */
  communities: () => Community[]
  /** a line for whoever runs the bot (its terminal) */
  operator?: (line: string) => void
  /** resolves when messages may be handled (after a login, once its groups are synced) */
  ready?: () => Promise<void>
  /** fetches the picture of an image message from the platform */
  loadImage: (messageId: string) => Promise<FilePayload>
  /** runs a task a handler asked for after its transaction committed (default: fire and forget) */
  background?: (task: () => Promise<void>) => void
  /** the bot's own state, for 状态 (default: nothing known) */
  runtime?: Runtime
}

/**
 * What a message will do, decided before it is logged (the log records it as the command):
 * answer the open dialog, run a command, ask about a guess, say a line, or nothing.
 * dropGuess: a guess waiting for 「是」 lapses first.
 */
type Plan = (
  | { do: 'dialog'; label: string; line?: LineType }
  | { do: 'run'; option: Option; label: string }
  | { do: 'ask'; option: Option; label: string }
  | { do: 'say'; text: string; label: string | null }
  | { do: 'decline'; label: string }
  | { do: 'ignore' }
) & { dropGuess?: boolean; understood?: boolean }

/** Words and pictures go to any dialog; other types only to a dialog that says it reads them. */
const OLD_DIALOG_READS: readonly MessageType[] = ['text', 'image']

/**
 * A reply where the message came from: in a group, @-mentioning the talker for real (the puppet's
 * mention list: WeChat notifies them; the name goes in front, as before).
 */
function replyTo(
  tx: Db,
  p: {
    msg: InboundMessage
    /** a reply goes out through the account the message came in on */
    account: string
    room: Room | null
    person: Person
    key: string
    text: string
    communityId: number | null
    now: Date
    plain?: boolean
    ack?: { kind: string; together: string }
  },
): Promise<void> {
  const { msg, room } = p
  return enqueueMessage(tx, {
    key: p.key,
    body: p.text,
    account: p.account,
    roomId: room?.id ?? null,
    personId: room || p.plain ? null : p.person.id,
    puppetTo: room ? msg.room!.puppetId : msg.talker.puppetId,
    communityId: p.communityId,
    now: p.now,
    ...(room && !p.plain ? { mentions: [p.person.id] } : {}),
    ...(room && !p.plain && p.ack ? { coalesce: { key: p.ack.kind, body: p.ack.together } } : {}),
  })
}

/** Control characters and broken surrogates out before anything is stored: every message gets an answer. */
function storable(msg: InboundMessage): InboundMessage {
  const contact = (c: ContactRef): ContactRef => ({ ...c, name: cleanText(c.name), ...(c.nickname !== undefined ? { nickname: cleanText(c.nickname) } : {}) })
  return {
    ...msg,
    text: cleanText(msg.text),
    talker: contact(msg.talker),
    room: msg.room ? { ...msg.room, topic: cleanText(msg.room.topic) } : undefined,
    mentions: msg.mentions.map(contact),
    ...(msg.quote ? { quote: { ...msg.quote, name: cleanText(msg.quote.name), text: cleanText(msg.quote.text) } } : {}),
    ...(msg.place ? { place: { ...msg.place, name: cleanText(msg.place.name) } } : {}),
    ...(msg.card ? { card: { ...msg.card, title: cleanText(msg.card.title) } } : {}),
    ...(msg.fileName !== undefined ? { fileName: cleanText(msg.fileName) } : {}),
  }
}

const noRuntime: Runtime = {
  state: () => ({ startedAt: new Date(0), loggedIn: true, name: null, since: new Date(0), qr: null, lastError: null }),
  jobNames: [],
}


/**
 * Inbound path: drop own messages → per-talker queue → group chatter not for the bot is logged
 * in one statement (dedupe on id) unless it answers an open dialog; everything else runs in one
 * transaction that logs the message, drops stale ones, resolves room and person and runs the
 * dialog or command — replies go to the outbox in that transaction. A failing handler is logged
 * and answered with an apology; it never stops the bot.
 */
export function createPipeline(deps: PipelineDeps) {
  const queue = new KeyedQueue()
  const identity = new IdentityCache()
  const db = deps.database.db
  const operator = deps.operator ?? ((line: string) => deps.log.warn(line))
  // the understanding layer's own dialog (a guess waiting for 「是」) next to the features'
  const dialogs: Record<string, DialogHandler> = { ...deps.dialogs, ...understandingDialogs }

  async function process(msg: InboundMessage): Promise<Outcome> {
    // the first arrival's time: staleness and timestamps stay the same on every retry
    const now = deps.now()
    await deps.ready?.()
    for (let attempt = 0; ; attempt++) {
      try {
        const outcome = await route(msg, now)
        if (attempt > 0) deps.log.info({ messageId: msg.id, attempts: attempt + 1 }, 'handled after the database came back')
        if (outcome.enqueued) deps.onEnqueued()
        for (const task of outcome.after ?? []) {
          const run = () => task(db)
          if (deps.background) deps.background(run)
          else void run().catch((err) => deps.log.error({ err }, 'background task failed'))
        }
        return outcome.outcome
      } catch (err) {
        if (!isConnectionError(err)) {
          deps.log.error({ err, messageId: msg.id }, 'handler failed')
          const recorded = await recordFailure(msg, now, err)
          if (recorded !== 'database-away') return 'failed'
        }
        // the database is away: nothing of this message was kept. Keep it here and handle it
        // again when the database answers (the message id dedupes a commit we did not hear of).
        if (stopping) {
          deps.log.warn({ messageId: msg.id }, 'stopping while the database is away: message not handled')
          return 'failed'
        }
        if (attempt === 0) deps.log.warn({ err: (err as Error).message, messageId: msg.id }, 'database away: will handle the message when it is back')
        await retryPause(Math.min(100 * 2 ** attempt, 5_000))
      }
    }
  }

  let stopping = false
  const sleepers = new Set<() => void>()
  const retryPause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        sleepers.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      sleepers.add(done)
    })

  type Routed = { outcome: Outcome; enqueued: boolean; after?: ((db: Db) => Promise<void>)[] }

  /** Addressed messages go straight into one transaction; group chatter takes the hot path. */
  async function route(msg: InboundMessage, now: Date): Promise<Routed> {
    // a quote-reply to the bot is read like a mention (acted on only if understood)
    if (!msg.room || msg.mentionsBot || msg.quote?.fromBot) return handle(msg, now)
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
    return handle(msg, now, logged.inboundId)
  }

  /**
   * A refused command (AppError) rolls back all it did; the message is then logged again with
   * just the explanation as its reply. (Cheaper than a savepoint around every command.)
   */
  async function handle(msg: InboundMessage, now: Date, loggedId?: number): Promise<Routed> {
    try {
      return await db.transaction((tx) => handleIn(tx, msg, now, loggedId))
    } catch (err) {
      if (!isAppError(err)) throw err
      return db.transaction((tx) => handleIn(tx, msg, now, loggedId, err))
    }
  }

  async function resolveIdentity(tx: Db, msg: InboundMessage, now: Date): Promise<Identity & { room: Room | null; person: Person }> {
    const cached = identity.lookup(msg)
    if (cached) {
      // sent together: postgres.js pipelines queries on one connection
      const [person, room] = await Promise.all([
        getPerson(tx, { id: cached.personId }),
        cached.roomId === null ? null : getRoom(tx, { id: cached.roomId }),
      ])
      if (person && (cached.roomId === null || room)) return { ...cached, room: room ?? null, person }
    }
    const loginAt = deps.loginAt()
    let room: Room | null = null
    if (msg.room) {
      const admitted = await admitRoom(tx, { account: deps.config.account, ref: msg.room, now, loginAt, communities: deps.communities(), streetTopic: deps.config.streetRoomTopic })
      room = admitted.room
      for (const line of admitted.notes) operator(line)
    }
    const person = await resolvePerson(tx, { account: deps.config.account, ref: msg.talker, roomId: room?.id, now, loginAt })
    const ids = { roomId: room?.id ?? null, personId: person.id }
    identity.remember(msg, ids)
    return { ...ids, room, person }
  }

  const isStale = (msg: InboundMessage, now: Date) => now.getTime() - msg.sentAt.getTime() > deps.config.staleAfterMs

  /** The apology, logged with the message; 'database-away' when even that could not be written. */
  async function recordFailure(msg: InboundMessage, now: Date, err: unknown): Promise<'recorded' | 'database-away' | 'not-recorded'> {
    try {
      await db.transaction(async (tx) => {
        const { room, person } = await resolveIdentity(tx, msg, now)
        // the hot path may have logged it already
        const id =
          (await logInbound(tx, { msg, roomId: room?.id ?? null, personId: person.id, status: 'failed', now })) ??
          (await inboundIdOf(tx, msg.id))
        if (id === undefined) return
        await markInbound(tx, { id, status: 'failed', error: err instanceof Error ? cut(err.message, 500) : String(err) })
        await replyTo(tx, { account: deps.config.account, msg, room, person, key: `reply:${id}:error`, text: routerText.sorry, communityId: room?.communityId ?? null, now })
      })
      deps.onEnqueued()
      return 'recorded'
    } catch (err2) {
      if (isConnectionError(err2)) return 'database-away'
      deps.log.error({ err: err2, messageId: msg.id }, 'could not even record the failure')
      return 'not-recorded'
    }
  }

  /**
   * One message in one transaction: log (unless the hot path did), resolve, run the dialog or
   * command; its replies are outbox rows of the same transaction.
   */
  async function handleIn(tx: Db, msg: InboundMessage, now: Date, loggedId?: number, refusal?: AppError): Promise<Routed> {
    const { room, person } = await resolveIdentity(tx, msg, now)
    const chatKey = chatKeyOf(room?.id ?? null)
    const [found, staffOf] = await Promise.all([
      findConversation(tx, { chatKey, personId: person.id }),
      staffCommunityIds(tx, { personId: person.id }),
    ])
    let conversation: Conversation | null = found ?? null
    // timed out but the job has not run yet: end it the same way, and say so with the reply
    let expiredNotice: string | undefined
    if (conversation && conversation.expiresAt <= now) {
      expiredNotice = await expireConversation(tx, { conversation, now, dialogs })
      conversation = null
    }
    const stale = isStale(msg, now)
    const addressed = !room || msg.mentionsBot
    // a quote-reply to the bot's message in a group, without @: acted on only if understood
    const soft = !addressed && msg.quote?.fromBot === true && conversation === null
    let plan: Plan = { do: 'ignore' }
    let ctx: Ctx | undefined
    let parsed: ParsedCommand = { kind: 'empty' }
    if (!stale && (addressed || conversation !== null || soft)) {
      // the parse and the dialogs read Simplified; what is logged and stored is what was written
      const read: InboundMessage = msg.type === 'text' ? { ...msg, simplified: deps.registry.simplify(msg.text) } : msg
      ctx = await buildCtx(tx, { msg: read, now, inboundId: 0, person, room, conversation, chatKey, staffOf })
      parsed = msg.type === 'text' ? deps.registry.parse(msg.text) : { kind: 'empty' }
      plan = await planFor(ctx, parsed, conversation, addressed)
      if (soft && !plan.understood) plan = { do: 'ignore' }
    }
    // logged with its final status: a failure rolls this back and is recorded apart
    const acting = plan.do !== 'ignore'
    const status = stale ? 'stale' : acting ? 'handled' : 'ignored'
    const command = plan.do === 'ignore' ? null : plan.label
    let inboundId = loggedId
    if (inboundId === undefined) {
      inboundId = await logInbound(tx, { msg, roomId: room?.id ?? null, personId: person.id, status, command, now })
      if (inboundId === undefined) return { outcome: 'duplicate', enqueued: false }
    } else {
      // chatter was logged without its words; an answer to a dialog keeps them like any command
      await markInbound(tx, { id: inboundId, status, command, ...(acting ? { text: msg.text } : {}) })
    }
    if (!acting || !ctx) return { outcome: status === 'stale' ? 'stale' : 'ignored', enqueued: false }

    let enqueued = false
    let replyNo = 0
    const after: ((db: Db) => Promise<void>)[] = []
    const id = inboundId
    ctx.inboundId = id
    ctx.afterCommit = (task) => void after.push(task)
    const reply = (plain: boolean) => async (text: string, opts?: { ack?: { kind: string; together: string } }) => {
      enqueued = true
      await replyTo(tx, { account: deps.config.account, msg, room, person, key: `reply:${id}:${replyNo++}`, text, communityId: ctx!.community?.id ?? null, now, plain, ...(opts?.ack ? { ack: opts.ack } : {}) })
    }
    ctx.reply = reply(false)
    ctx.replyPlain = reply(true)

    if (expiredNotice) await ctx.reply(expiredNotice)
    if (plan.dropGuess) await ctx.endDialog()
    // an expected refusal: say why, change nothing else
    if (refusal) await ctx.reply(refusal.message)
    else await execute(ctx, plan, conversation, parsed)
    return { outcome: 'handled', enqueued, after }
  }

  /** The person's standing, asked once per message and only when a guess needs it. */
  async function allowed(ctx: Ctx, options: Option[]): Promise<Option[]> {
    const specs = options.map((o) => ({ o, spec: deps.registry.find(o.name) })).filter((x) => x.spec)
    if (!specs.length) return []
    const needs = (who: CommandSpec['who']) => specs.some((x) => x.spec!.who === who)
    const standing = await standingOf(ctx, { head: needs('head'), liaison: needs('partner'), grid: needs('grid') })
    return specs.filter((x) => !refusalFor(x.spec!, ctx.room, standing)).map((x) => x.o)
  }

  const hint = (ctx: Ctx, suggestion?: string): Plan => {
    const text = normalizeInput(ctx.msg.simplified ?? ctx.msg.text) || ctx.msg.text
    return { do: 'say', text: unknownCommandReply({ text, ...(suggestion ? { suggestion } : {}) }), label: null }
  }

  const fromContext = (u: Understood): Plan =>
    u.do === 'say'
      ? { do: 'say', text: u.text, label: u.label, understood: true }
      : { do: u.do, option: u.option, label: u.do === 'run' ? u.option.name : `guess:${u.option.name}`, understood: true }

  async function planFor(ctx: Ctx, parsed: ParsedCommand, conversation: Conversation | null, addressed: boolean): Promise<Plan> {
    const { msg } = ctx
    // someone took a message back: nothing to answer
    if (msg.type === 'recalled') return { do: 'ignore' }
    if (conversation?.name === GUESS_DIALOG) {
      const guess = pendingGuess(conversation)
      const answer = msg.type === 'text' ? yesOrNo(msg.simplified ?? msg.text) : undefined
      if (guess && answer === 'yes') return { do: 'run', option: guess, label: guess.name, dropGuess: true, understood: true }
      if (answer === 'no') return { do: 'decline', label: 'guess:no', dropGuess: true }
      // chatter next to the question keeps it open; anything else said to the bot is read afresh
      if (!addressed) return { do: 'ignore' }
      return { ...(await planFresh(ctx, parsed)), dropGuess: true }
    }
    if (conversation) {
      const handler = dialogs[conversation.name]
      const control = parsed.kind === 'command' && (parsed.name === CONTROL.cancel || parsed.name === CONTROL.back)
      const unread = handler?.accepts ? !handler.accepts.includes(msg.type) : !OLD_DIALOG_READS.includes(msg.type)
      const label = control && parsed.kind === 'command' ? parsed.name : unread ? `type:${msg.type}` : `dialog:${conversation.name}`
      return { do: 'dialog', label, ...(unread && !handler?.accepts ? { line: msg.type as LineType } : {}) }
    }
    return planFresh(ctx, parsed)
  }

  /** A message outside any dialog: its type, the quote it answers, then its words. */
  async function planFresh(ctx: Ctx, parsed: ParsedCommand): Promise<Plan> {
    const { msg } = ctx
    // a photo or a location pin privately is most often a problem shown: it opens a report with it kept
    if ((msg.type === 'image' || msg.type === 'location') && !ctx.room && deps.registry.find(PHOTO_STARTS)) return { do: 'run', option: { name: PHOTO_STARTS, args: '' }, label: PHOTO_STARTS }
    if (msg.type !== 'text') return { do: 'say', text: typeLine(msg.type as LineType, { place: msg.place?.name }), label: `type:${msg.type}` }
    const quoted = await readQuote(ctx, parsed)
    if (quoted) return fromContext(quoted)
    switch (parsed.kind) {
      case 'empty':
        return { do: 'say', text: routerText.hello, label: null }
      case 'command':
        return { do: 'run', option: { name: parsed.name, args: parsed.args }, label: parsed.name, understood: true }
      case 'guess': {
        const options = await allowed(ctx, parsed.options)
        if (options.length !== 1) return hint(ctx, options[0]?.name)
        const option = options[0]!
        // showing things runs; anything that would change something is asked first
        return isHarmless(option) ? { do: 'run', option, label: option.name } : { do: 'ask', option, label: `guess:${option.name}` }
      }
      case 'unknown': {
        if (parsed.talk) return { do: 'say', text: smallTalkText[parsed.talk], label: 'chat' }
        const bare = await readBare(ctx)
        if (bare) return fromContext(bare)
        return hint(ctx, parsed.suggestion)
      }
    }
  }

  async function execute(ctx: Ctx, plan: Plan, conversation: Conversation | null, parsed: ParsedCommand): Promise<void> {
    switch (plan.do) {
      case 'ignore':
        return
      case 'dialog':
        if (plan.line) return ctx.reply(typeInOldDialog(plan.line))
        return answerDialog(ctx, conversation!, parsed)
      case 'run':
        return runCommand(ctx, plan.option)
      case 'ask':
        return askAbout(ctx, plan.option)
      case 'say':
        return ctx.reply(plan.text)
      case 'decline':
        return ctx.reply(guessText.declined)
    }
  }

  async function runCommand(ctx: Ctx, option: Option): Promise<void> {
    const spec = deps.registry.find(option.name)
    if (!spec) return ctx.reply(routerText.notYet(option.name))
    // who and where, before the handler runs: a refusal is an AppError like any other
    await checkAccess(ctx, spec)
    await spec.run(ctx, option.args)
  }

  async function answerDialog(ctx: Ctx, conversation: Conversation, parsed: ParsedCommand): Promise<void> {
    // only a command said to the bot (not chatter next to it) ends such a dialog
    const addressed = ctx.room === null || ctx.msg.mentionsBot
    const released =
      dialogs[conversation.name]?.releaseOnCommand && addressed && parsed.kind === 'command' && !Object.values<string>(CONTROL).includes(parsed.name)
    if (released && parsed.kind === 'command') {
      await ctx.endDialog()
      return runCommand(ctx, { name: parsed.name, args: parsed.args })
    }
    const dialog = dialogs[conversation.name]
    if (!dialog) {
      await ctx.endDialog()
      await ctx.reply(routerText.outdated)
    } else if (parsed.kind === 'command' && parsed.name === CONTROL.cancel) {
      await ctx.endDialog()
      await ctx.reply(routerText.cancelled)
    } else if (parsed.kind === 'command' && parsed.name === CONTROL.help && !parsed.args) {
      await ctx.reply(routerText.inDialog)
    } else if (parsed.kind === 'command' && parsed.name === CONTROL.back && dialog.onBack) {
      await dialog.onBack(ctx, conversation)
    } else if (parsed.kind === 'command' && parsed.name === CONTROL.back) {
      await ctx.endDialog()
      await ctx.reply(routerText.left)
    } else {
      await dialog.onMessage(ctx, conversation)
    }
  }

  async function buildCtx(
    tx: Db,
    p: { msg: InboundMessage; now: Date; inboundId: number; person: Person; room: Room | null; conversation: Conversation | null; chatKey: string; staffOf: number[] },
  ): Promise<Ctx> {
    const { staffOf } = p
    let communityId = p.room?.communityId ?? null
    if (communityId === null) {
      const all = deps.communities().map((c) => c.id)
      const mine = staffOf.length ? staffOf : await memberCommunityIds(tx, { personId: p.person.id })
      communityId = mine.length === 1 ? mine[0]! : all.length === 1 ? all[0]! : null
    }
    const community: Community | null = deps.communities().find((c) => c.id === communityId) ?? null
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
      replyPlain: async () => {},
      loadImage: () => deps.loadImage(p.msg.id),
      startDialog: async (d) => {
        const timeoutMs = Math.min(d.timeoutMs ?? Infinity, deps.config.dialogTimeoutMs)
        await saveConversation(tx, { ...d, chatKey: p.chatKey, personId: p.person.id, now: p.now, timeoutMs })
      },
      endDialog: async () => {
        const c = await findConversation(tx, { chatKey: p.chatKey, personId: p.person.id })
        if (c) await endConversation(tx, { id: c.id })
      },
      afterCommit: () => {},
      communities: deps.communities(),
      tellOperator: (line) => ctx.afterCommit(async () => operator(line)),
      runtime: deps.runtime ?? noRuntime,
      registry: deps.registry,
    }
    return ctx
  }

  return {
    /** Handles one inbound message; resolves when it has been handled (or dropped). */
    receive(raw: InboundMessage): Promise<Outcome> {
      if (raw.isSelf) return Promise.resolve('self')
      const msg = storable(raw)
      return queue.run(msg.talker.puppetId, () => process(msg))
    },
    idle: () => queue.idle(),
    /** messages waiting for the database give up (logged): the process is stopping */
    stop(): void {
      stopping = true
      for (const wake of [...sleepers]) wake()
    },
    /** a new login: every puppet id may have changed */
    forgetIdentities: () => identity.clear(),
  }
}

export type Pipeline = ReturnType<typeof createPipeline>
