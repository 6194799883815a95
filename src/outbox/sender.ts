import { and, asc, eq, inArray, lt, lte, or } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { ChatGateway, MentionRef } from '../chat/types.js'
import type { Db } from '../db/client.js'
import { files, outbox, people, roomMembers, rooms } from '../db/schema.js'
import { earliestSend, newPacingState, recordSend, type PacingRules } from '../domain/pacing.js'
import { dropLease, recentSends, takeLease } from '../db/senderLeases.js'
import { enqueueMessage } from './enqueue.js'
import { outboxText as t } from './text.js'
import { clip } from '../domain/text.js'

type OutboxRow = typeof outbox.$inferSelect

export interface SenderDeps {
  db: Db
  /** the bot account this process is logged in as: it sends that account's rows, no others */
  account: string
  gateway: ChatGateway
  now: () => Date
  rules: PacingRules
  maxAttempts: number
  log: Logger
  /** false until logged in and the groups are re-mapped: ids from before would be stale */
  ready?: () => boolean
  /** how to wait out a pacing gap (default: a timer that stop() and wake() cut short) */
  sleep?: (ms: number) => Promise<void>
  /** a message was given up after its last try (after that is recorded) */
  onGaveUp?: (row: OutboxRow, error: string) => void
  /** merge acknowledgements of one kind waiting in one group into one message (default: true) */
  coalesce?: boolean
  /**
   * Send only while holding the account's lease (sender_leases), so that two processes of one
   * account never break its limits; taking it over, the sender learns the last minute's sends.
   */
  lease?: { holder: string; ttlMs: number }
}

/** A claimed row is ours for this long; after a crash, another sender may take it again. */
const LEASE_MS = 120_000
/** at most this many people @-mentioned in one merged acknowledgement (it stays readable) */
const MAX_MERGED = 20
const backoffMs = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 10 * 60_000)

/**
 * The one serial sender of this bot account. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * two processes never send the same row; sends are paced per chat and overall.
 */
export class OutboxSender {
  private pacing = newPacingState()
  private running = false
  private stopping = false
  private wakeUp: (() => void) | undefined
  private loop: Promise<void> | undefined
  private draining: Promise<number> | undefined
  /** sent, but marking them sent failed (the database went away): marked before anything else is sent */
  private unmarked: { id: number; at: Date }[] = []
  private failing = false
  /** claimed by this sender when the database went away, neither sent nor given back */
  private stranded: number[] = []
  private holding = false
  /** when the lease was last renewed: within a third of its time it is not asked again */
  private renewedAt = 0

  constructor(private deps: SenderDeps) {}

  /** Sends every due row; with `wait` it sleeps through pacing gaps, else it stops at the first. */
  drain(opts: { wait: boolean }): Promise<number> {
    // one drain at a time per process: the pacing state is shared
    const run = (this.draining ?? Promise.resolve(0)).then(() => this.drainOnce(opts))
    this.draining = run.catch(() => 0)
    return run
  }

  private async drainOnce(opts: { wait: boolean }): Promise<number> {
    let sent = 0
    await this.markUnmarked()
    await this.releaseStranded()
    for (;;) {
      if (this.deps.ready && !this.deps.ready()) return sent
      // another process of this account sends: stand by
      if (!(await this.holdLease())) return sent
      const row = await this.claim()
      if (!row) return sent
      try {
        const target = await this.resolveTarget(row)
        const chat = target.roomPuppetId ?? target.contactPuppetId ?? `outbox:${row.id}`
        let wait: number
        while ((wait = earliestSend(this.pacing, chat, this.deps.now().getTime(), this.deps.rules) - this.deps.now().getTime()) > 0) {
          // runDue() (tests, demo) never waits for real: it leaves the row for a later call
          if (!opts.wait || this.stopping) {
            await this.release(row)
            return sent
          }
          await (this.deps.sleep ?? ((ms: number) => this.pause(ms)))(wait)
          if (!(await this.holdLease())) {
            await this.release(row)
            return sent
          }
        }
        // acks of this kind that piled up in this group meanwhile go with it, as one message
        const merged = await this.mergeWaiting(row)
        if (await this.deliver(merged.row, target, chat, merged.others)) sent++
      } catch (err) {
        // the database went away with the row claimed: give it back when it answers, rather than
        // leave it to the lease (2 min)
        if (!this.unmarked.some((u) => u.id === row.id)) this.stranded.push(row.id)
        throw err
      }
    }
  }

  /**
   * An acknowledgement claimed for a group takes the others of its kind waiting there (due now):
   * one message, @-mentioning them all, says it for everyone. Alone, it goes as it is.
   */
  private async mergeWaiting(row: OutboxRow): Promise<{ row: OutboxRow; others: number[] }> {
    if (this.deps.coalesce === false || row.coalesceKey === null || row.roomId === null || row.coalesceBody === null) return { row, others: [] }
    const now = this.deps.now()
    const { db } = this.deps
    const waiting = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), eq(outbox.roomId, row.roomId), eq(outbox.coalesceKey, row.coalesceKey), lte(outbox.notBefore, now)))
      .orderBy(asc(outbox.id))
      .limit(MAX_MERGED - 1)
      .for('update', { skipLocked: true })
    const others = await db
      .update(outbox)
      .set({ status: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(outbox.id, waiting))
      .returning({ id: outbox.id, mentions: outbox.mentions })
    if (!others.length) return { row, others: [] }
    // in the order they came
    others.sort((a, b) => a.id - b.id)
    const mentions = [...new Set([row, ...others].flatMap((r) => r.mentions ?? []))]
    return { row: { ...row, body: row.coalesceBody, mentions }, others: others.map((o) => o.id) }
  }

  /** Renews the lease (or takes it once it ran out); true while this sender may send. */
  private async holdLease(): Promise<boolean> {
    const lease = this.deps.lease
    if (!lease) return true
    const now = this.deps.now()
    // renewed moments ago: still ours (the lease runs for ttlMs), no round trip per message
    if (this.holding && now.getTime() - this.renewedAt < lease.ttlMs / 3) return true
    const { account } = this.deps
    const held = await takeLease(this.deps.db, { account, holder: lease.holder, ttlMs: lease.ttlMs, now })
    if (held) this.renewedAt = now.getTime()
    if (held && !this.holding) {
      // taken over: what the last holder had claimed is ours to send (it may have died with it
      // claimed; at worst one message goes twice, as after a row's own lease), and the last
      // minute's sends (by whoever) count against the limits
      await this.deps.db.update(outbox).set({ status: 'pending', leaseUntil: null }).where(and(eq(outbox.account, account), eq(outbox.status, 'sending')))
      this.pacing = newPacingState()
      for (const s of await recentSends(this.deps.db, { account, since: new Date(now.getTime() - 60_000) })) recordSend(this.pacing, s.chat, s.at.getTime())
      this.deps.log.info({ account }, 'outbox: this process sends for the account now')
    }
    this.holding = held
    return held
  }

  private async releaseStranded(): Promise<void> {
    while (this.stranded.length) {
      const id = this.stranded[0]!
      await this.deps.db
        .update(outbox)
        .set({ status: 'pending', leaseUntil: null })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')))
      this.stranded.shift()
    }
  }

  private async markUnmarked(): Promise<void> {
    while (this.unmarked.length) {
      const { id, at } = this.unmarked[0]!
      await this.deps.db.update(outbox).set({ status: 'sent', sentAt: at, leaseUntil: null }).where(eq(outbox.id, id))
      this.unmarked.shift()
    }
  }

  private async claim(): Promise<OutboxRow | undefined> {
    const { db } = this.deps
    const now = this.deps.now()
    const next = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.account, this.deps.account),
          or(and(eq(outbox.status, 'pending'), lte(outbox.notBefore, now)), and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, now))),
        ),
      )
      .orderBy(asc(outbox.priority), asc(outbox.notBefore), asc(outbox.id))
      .limit(1)
      .for('update', { skipLocked: true })
    const [row] = await db
      .update(outbox)
      .set({ status: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(outbox.id, next))
      .returning()
    return row
  }

  private async release(row: OutboxRow): Promise<void> {
    await this.deps.db
      .update(outbox)
      .set({ status: 'pending', leaseUntil: null })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending')))
  }

  private async resolveTarget(row: OutboxRow): Promise<{ roomPuppetId?: string; contactPuppetId?: string }> {
    const { db } = this.deps
    if (row.roomId !== null) {
      const [r] = await db.select({ puppetId: rooms.puppetId }).from(rooms).where(eq(rooms.id, row.roomId))
      if (r?.puppetId) return { roomPuppetId: r.puppetId }
    }
    if (row.personId !== null) {
      const [p] = await db.select({ puppetId: people.puppetId }).from(people).where(eq(people.id, row.personId))
      if (p?.puppetId) return { contactPuppetId: p.puppetId }
    }
    if (row.puppetTo) return row.puppetTo.includes('@') ? { roomPuppetId: row.puppetTo } : { contactPuppetId: row.puppetTo }
    return {}
  }

  /** Who to @ in a group: by their current puppet id, with the name they have in that group. */
  private async mentionsOf(row: OutboxRow): Promise<MentionRef[] | undefined> {
    if (!row.mentions?.length || row.roomId === null) return undefined
    const found = await this.deps.db
      .select({ id: people.id, puppetId: people.puppetId, name: people.name, nickname: roomMembers.nickname })
      .from(people)
      .leftJoin(roomMembers, and(eq(roomMembers.personId, people.id), eq(roomMembers.roomId, row.roomId)))
      .where(inArray(people.id, row.mentions))
    // erased people are simply not mentioned
    return row.mentions.flatMap((id) => {
      const p = found.find((f) => f.id === id)
      return p ? [{ puppetId: p.puppetId, name: p.nickname || p.name }] : []
    })
  }

  private async deliver(row: OutboxRow, target: { roomPuppetId?: string; contactPuppetId?: string }, chat: string, others: number[] = []): Promise<boolean> {
    const { db, gateway } = this.deps
    // looked up first: the database being away is not the message's fault (the error goes up)
    // files belong to the row's community (the tenant key): looked up by both
    const fileKey = row.fileId === null ? undefined : row.communityId === null ? eq(files.id, row.fileId) : and(eq(files.id, row.fileId), eq(files.communityId, row.communityId))
    const [file] = row.kind === 'file' && fileKey ? await db.select().from(files).where(fileKey) : []
    const mentions = row.kind === 'file' ? undefined : await this.mentionsOf(row)
    try {
      if (!target.roomPuppetId && !target.contactPuppetId) throw new Error(t.recipientGone)
      if (row.kind === 'file') {
        if (!file) throw new Error(t.fileGone(row.fileId))
        await gateway.sendFile(target, file)
      } else {
        let done = false
        if (row.kind === 'announce' && target.roomPuppetId) done = await gateway.announce(target.roomPuppetId, row.body)
        if (!done) await gateway.sendText(target, row.body, mentions)
      }
    } catch (err) {
      // the merged ones wait for the next try on their own
      if (others.length) await db.update(outbox).set({ status: 'pending', leaseUntil: null }).where(and(inArray(outbox.id, others), eq(outbox.status, 'sending')))
      await this.failed(row, chat, err)
      return false
    }
    const at = this.deps.now()
    recordSend(this.pacing, chat, at.getTime())
    try {
      await db.update(outbox).set({ status: 'sent', sentAt: at, leaseUntil: null }).where(inArray(outbox.id, [row.id, ...others]))
    } catch (err) {
      // it went out: remember that, so it is not sent again once the database is back
      for (const id of [row.id, ...others]) this.unmarked.push({ id, at })
      throw err
    }
    return true
  }

  private async failed(row: OutboxRow, chat: string, err: unknown): Promise<void> {
    const { db, log } = this.deps
    const attempts = row.attempts + 1
    const message = err instanceof Error ? err.message : String(err)
    const now = this.deps.now()
    recordSend(this.pacing, chat, now.getTime()) // a failed try still counts against the limits
    if (attempts >= this.deps.maxAttempts) {
      log.error({ outboxId: row.id, err: message }, 'outbox: giving up on a message')
      await db.transaction(async (tx) => {
        await tx.update(outbox).set({ status: 'failed', attempts, lastError: message, leaseUntil: null }).where(eq(outbox.id, row.id))
        await this.reportFailure(tx, row, message, now)
      })
      this.deps.onGaveUp?.(row, message)
    } else {
      log.warn({ outboxId: row.id, attempts, err: message }, 'outbox: send failed, will retry')
      await db
        .update(outbox)
        .set({ status: 'pending', attempts, lastError: message, leaseUntil: null, notBefore: new Date(now.getTime() + backoffMs(attempts)) })
        .where(eq(outbox.id, row.id))
    }
  }

  /** Never dropped silently: the staff group hears of a message that could not be sent. */
  private async reportFailure(tx: Db, row: OutboxRow, error: string, now: Date): Promise<void> {
    if (row.communityId === null || row.idempotencyKey.startsWith('send-failed:')) return
    const [staff] = await tx
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.communityId, row.communityId), eq(rooms.kind, 'staff'), eq(rooms.present, true)))
    if (!staff || staff.id === row.roomId) return
    const [dest] = row.roomId !== null ? await tx.select({ topic: rooms.topic }).from(rooms).where(eq(rooms.id, row.roomId)) : []
    const preview = clip(row.body, 30)
    await enqueueMessage(tx, {
      key: `send-failed:${row.id}`,
      body: t.failedToStaff({ attempts: row.attempts + 1, topic: dest?.topic, preview, error }),
      roomId: staff.id,
      communityId: row.communityId,
      now,
    })
  }

  /** The background loop of a running bot. */
  start(): void {
    if (this.running) return
    this.running = true
    this.stopping = false
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.drain({ wait: true })
          if (this.failing) this.deps.log.info('outbox: sending again')
          this.failing = false
        } catch (err) {
          // once per outage: the database may be away for a while, retried every second
          if (!this.failing) this.deps.log.error({ err }, 'outbox: drain failed, will retry')
          this.failing = true
        }
        if (this.running) await this.pause(1000)
      }
    })()
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        if (this.wakeUp === done) this.wakeUp = undefined
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.wakeUp = done
    })
  }

  /** Something was enqueued: don't wait for the next poll. */
  wake(): void {
    this.wakeUp?.()
  }

  async stop(): Promise<void> {
    this.running = false
    this.stopping = true
    this.wake()
    await this.loop
    await this.draining
    if (this.deps.lease && this.holding) {
      this.holding = false
      await dropLease(this.deps.db, { account: this.deps.account, holder: this.deps.lease.holder }).catch(() => undefined)
    }
  }
}
