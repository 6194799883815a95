import { and, count, eq, gt, inArray, lte, max, min, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { botAccounts, jobRuns, outbox, rooms, senderLeases } from '../../db/schema.js'
import type { BotStateSnapshot } from '../../kit/botState.js'
import { JOB_LABELS } from './text.js'

const DAY_MS = 86_400_000

/** The bot's state for staff and monitors: /status, 状态, the HTML page. */
export interface StatusReport {
  at: string
  loggedIn: boolean
  name: string | null
  /** when the current state (logged in / out) began, and how long ago in seconds */
  since: string
  sinceSeconds: number
  startedAt: string
  /** this account's groups */
  groups: { known: number; present: number }
  /** due and not yet sent; scheduled = waiting for their time */
  outbox: { pending: number; oldestPendingSeconds: number | null; scheduled: number; failed24h: number }
  lastError: { message: string; at: string } | null
  /** every account of the deployment, when there are several: its groups and waiting messages */
  accounts?: { name: string; selfName: string | null; groups: number; pending: number; mine: boolean }[]
  /** on Postgres: who sends for the account — this process, another, or none right now */
  sender?: { account: string; by: 'this' | 'other' | 'none' }
  jobs: { name: string; label: string; lastSlot: string | null; lastFinishedAt: string | null }[]
}

const waiting = inArray(outbox.status, ['pending', 'sending'])

/** Outbox figures of an account: the same definitions /status, 状态 and the re-login notice use. */
export async function outboxFigures(db: Db, p: { now: Date; account: string }): Promise<StatusReport['outbox']> {
  const { now } = p
  const mine = eq(outbox.account, p.account)
  const [due] = await db
    .select({ n: count(), oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(and(mine, waiting, lte(outbox.notBefore, now)))
  const [later] = await db.select({ n: count() }).from(outbox).where(and(mine, waiting, gt(outbox.notBefore, now)))
  // a failed row's not_before is the time of its last try (it moves with each retry)
  const [failed] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(mine, eq(outbox.status, 'failed'), gt(outbox.notBefore, new Date(now.getTime() - DAY_MS))))
  const oldest = due?.oldest ? new Date(due.oldest) : null
  return {
    pending: Number(due?.n ?? 0),
    oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
    scheduled: Number(later?.n ?? 0),
    failed24h: Number(failed?.n ?? 0),
  }
}

/** The accounts with groups, when there are several (one account needs no line of its own). */
async function accountLines(db: Db, p: { account: string; now: Date }): Promise<StatusReport['accounts']> {
  const rows = await db
    .select({ name: botAccounts.name, selfName: botAccounts.selfName, groups: sql<number>`(select count(*) from ${rooms} where ${rooms.account} = ${botAccounts.name} and ${rooms.present})`.mapWith(Number) })
    .from(botAccounts)
    .orderBy(botAccounts.name)
  const used = rows.filter((r) => r.groups > 0 || r.name === p.account)
  if (used.length < 2) return undefined
  // due and waiting per account, as outboxFigures counts `pending`: one statement for all of them
  const due = await db
    .select({ account: outbox.account, n: count() })
    .from(outbox)
    .where(and(waiting, lte(outbox.notBefore, p.now)))
    .groupBy(outbox.account)
  return used.map((r) => ({ ...r, pending: Number(due.find((d) => d.account === r.name)?.n ?? 0), mine: r.name === p.account }))
}

export async function collectStatus(
  db: Db,
  p: { account: string; state: BotStateSnapshot; now: Date; jobNames: string[]; lease?: { account: string; holder: string } },
): Promise<StatusReport> {
  const { state, now } = p
  const [groups] = await db
    .select({ known: count(), present: sql<number>`count(*) filter (where ${rooms.present})`.mapWith(Number) })
    .from(rooms)
    .where(eq(rooms.account, p.account))
  const box = await outboxFigures(db, { now, account: p.account })
  const accounts = await accountLines(db, { account: p.account, now })
  const runs = await db
    .select({ job: jobRuns.job, slot: max(jobRuns.slot), finished: max(jobRuns.finishedAt) })
    .from(jobRuns)
    .groupBy(jobRuns.job)
  const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)
  const [held] = p.lease ? await db.select().from(senderLeases).where(and(eq(senderLeases.account, p.lease.account), gt(senderLeases.expiresAt, now))) : []
  const by = !held ? 'none' : held.holder === p.lease?.holder ? 'this' : 'other'
  return {
    at: now.toISOString(),
    loggedIn: state.loggedIn,
    name: state.name,
    since: state.since.toISOString(),
    sinceSeconds: Math.max(0, Math.round((now.getTime() - state.since.getTime()) / 1000)),
    startedAt: state.startedAt.toISOString(),
    groups: { known: Number(groups?.known ?? 0), present: Number(groups?.present ?? 0) },
    outbox: box,
    lastError: state.lastError ? { message: state.lastError.message, at: state.lastError.at.toISOString() } : null,
    ...(accounts ? { accounts } : {}),
    ...(p.lease ? { sender: { account: p.lease.account, by } } : {}),
    jobs: p.jobNames.map((name) => {
      const run = runs.find((r) => r.job === name)
      return { name, label: JOB_LABELS[name] ?? name, lastSlot: iso(run?.slot), lastFinishedAt: iso(run?.finished) }
    }),
  }
}
