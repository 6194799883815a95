import type { FilePayload, InboundMessage, MessageType } from '../chat/types.js'
import type { Config } from '../config.js'
import type { Conversation } from '../db/conversations.js'
import type { Db } from '../db/client.js'
import type { Community } from '../db/communities.js'
import type { Person } from '../db/people.js'
import type { Room } from '../db/rooms.js'
import type { BotStateSnapshot } from './botState.js'
import type { Registry } from './registry.js'

/** Everything a command or dialog handler gets: one message, inside one transaction. */
export interface Ctx {
  /** the message's transaction: changes and replies commit together; an AppError undoes both */
  db: Db
  now: Date
  config: Config
  msg: InboundMessage
  inboundId: number
  person: Person
  room: Room | null
  /** the community this happens in (the room's, else the person's only one), if known */
  community: Community | null
  /** staff of ctx.community */
  isStaff: boolean
  /** communities whose staff group the person is in */
  staffOf: number[]
  /** every community of this deployment */
  communities: Community[]
  /** the open dialog, when the message is an answer to it */
  conversation: Conversation | null
  /**
   * A reply where the message came from; in a group it @-mentions the talker. `ack`: it only
   * acknowledges (a ballot, a rating): in a group, acks of the same `kind` still waiting to be
   * sent go out as one message, `together`, @-mentioning everyone (never delayed for it).
   */
  reply(text: string, opts?: { ack?: { kind: string; together: string } }): Promise<void>
  /** a reply that neither names the talker nor links to their record (after they erased it) */
  replyPlain(text: string): Promise<void>
  /** the file of this message (an image, a voice message, a file) */
  loadImage(): Promise<FilePayload>
  /** timeoutMs: a shorter idle timeout than the configured one (never longer) */
  startDialog(p: { name: string; version: number; step: string; state: Record<string, unknown>; timeoutMs?: number }): Promise<void>
  endDialog(): Promise<void>
  /**
   * Work to start once this message's transaction has committed, outside it (a long computation
   * that replies later through its own transaction on `db`). Dropped if the message is refused.
   */
  afterCommit(task: (db: Db) => Promise<void>): void
  /** a line for whoever runs the bot (its terminal), once this message's transaction has committed */
  tellOperator(line: string): void
  /** what the running bot knows about itself (状态) */
  runtime: Runtime
  /** every command people can say (帮助 reads it) */
  registry: Registry
}

export interface Runtime {
  state(): BotStateSnapshot
  /** the scheduled jobs, for their last runs */
  jobNames: string[]
  /** this process's send lease (Postgres): whether it or another process sends for the account */
  lease?: { account: string; holder: string }
}

export type CommandHandler = (ctx: Ctx, args: string) => Promise<void>

export interface DialogHandler {
  /** the state's shape: a dialog reads (and migrates) older versions itself */
  version: number
  onMessage(ctx: Ctx, conversation: Conversation): Promise<void>
  /** 返回: go back one step; default is to cancel */
  onBack?(ctx: Ctx, conversation: Conversation): Promise<void>
  /** a command said during the dialog ends it and runs (a dialog that only waits for extras, like photos) */
  releaseOnCommand?: boolean
  /**
   * the message types it reads (the dialog engine's say so, and answer any other with a line and
   * the question again); absent: the router answers types other than text and images itself
   */
  accepts?: readonly MessageType[]
  /** the idle timeout passed: keep what is worth keeping; returns what to tell the person ('' = nothing) */
  onTimeout?(p: { db: Db; conversation: Conversation; now: Date }): Promise<string>
}
