import { and, count, eq, gt, inArray, lte, max, min, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { jobRuns, outbox, rooms } from '../../db/schema.js'
import { formatClock } from '../../domain/time.js'
import type { BotStateSnapshot } from '../../kit/botState.js'

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
  groups: { known: number; present: number }
  /** due and not yet sent; scheduled = waiting for their time */
  outbox: { pending: number; oldestPendingSeconds: number | null; scheduled: number; failed24h: number }
  lastError: { message: string; at: string } | null
  jobs: { name: string; label: string; lastSlot: string | null; lastFinishedAt: string | null }[]
}

/** How the staff call the scheduled jobs. */
export const JOB_LABELS: Record<string, string> = {
  'purge-inbound-texts': '清理旧消息',
  'expire-dialogs': '结束超时对话',
  'suggestion-digest': '每日建议汇总',
  'close-rounds': '截止投票',
  'remind-rounds': '投票提醒',
  'progress-digest': '每周进展',
  'coordination-summary': '协调汇总',
  'remind-forward': '转发提醒',
}

const waiting = inArray(outbox.status, ['pending', 'sending'])

/** Outbox figures: the same definitions /status, 状态 and the re-login notice use. */
export async function outboxFigures(db: Db, now: Date): Promise<StatusReport['outbox']> {
  const [due] = await db
    .select({ n: count(), oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(and(waiting, lte(outbox.notBefore, now)))
  const [later] = await db.select({ n: count() }).from(outbox).where(and(waiting, gt(outbox.notBefore, now)))
  // a failed row's not_before is the time of its last try (it moves with each retry)
  const [failed] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.status, 'failed'), gt(outbox.notBefore, new Date(now.getTime() - DAY_MS))))
  const oldest = due?.oldest ? new Date(due.oldest) : null
  return {
    pending: Number(due?.n ?? 0),
    oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
    scheduled: Number(later?.n ?? 0),
    failed24h: Number(failed?.n ?? 0),
  }
}

export async function collectStatus(db: Db, p: { state: BotStateSnapshot; now: Date; jobNames: string[] }): Promise<StatusReport> {
  const { state, now } = p
  const [groups] = await db
    .select({ known: count(), present: sql<number>`count(*) filter (where ${rooms.present})`.mapWith(Number) })
    .from(rooms)
  const box = await outboxFigures(db, now)
  const runs = await db
    .select({ job: jobRuns.job, slot: max(jobRuns.slot), finished: max(jobRuns.finishedAt) })
    .from(jobRuns)
    .groupBy(jobRuns.job)
  const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)
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
    jobs: p.jobNames.map((name) => {
      const run = runs.find((r) => r.job === name)
      return { name, label: JOB_LABELS[name] ?? name, lastSlot: iso(run?.slot), lastFinishedAt: iso(run?.finished) }
    }),
  }
}

/** "3天2小时" / "2小时5分" / "5分钟" / "不到1分钟" */
export function formatSpan(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const d = Math.floor(m / 1440)
  const h = Math.floor((m % 1440) / 60)
  const min = m % 60
  if (d > 0) return `${d}天${h ? `${h}小时` : ''}`
  if (h > 0) return `${h}小时${min ? `${min}分` : ''}`
  return m > 0 ? `${m}分钟` : '不到1分钟'
}

/** The few Chinese lines of 状态 (and of the HTML page). */
export function statusLines(r: StatusReport, timeZone: string): string[] {
  const clock = (iso: string) => formatClock(new Date(iso), timeZone)
  const login = r.loggedIn
    ? `已登录${r.name ? `「${r.name}」` : ''}，${clock(r.since)} 起（${formatSpan(r.sinceSeconds)}）`
    : r.name
      ? `未登录，已掉线 ${formatSpan(r.sinceSeconds)}（${clock(r.since)} 起），请扫码重新登录`
      : `未登录，${clock(r.since)} 启动后等待扫码`
  const backlog = r.outbox.pending
    ? `${r.outbox.pending} 条${r.outbox.oldestPendingSeconds !== null ? `，最早的已等 ${formatSpan(r.outbox.oldestPendingSeconds)}` : ''}`
    : '无'
  const jobs = r.jobs.filter((j) => j.lastSlot).map((j) => `${j.label} ${clock(j.lastSlot!)}`)
  return [
    `登录：${login}`,
    `群：已知 ${r.groups.known} 个，在群 ${r.groups.present} 个`,
    `待发消息：${backlog}${r.outbox.scheduled ? `；定时待发 ${r.outbox.scheduled} 条` : ''}`,
    `24小时内发送失败：${r.outbox.failed24h} 条`,
    `最近错误：${r.lastError ? `${clock(r.lastError.at)}（${r.lastError.message}）` : '无'}`,
    `定时任务最近运行：${jobs.length ? jobs.join('，') : '还没有运行过'}`,
  ]
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function statusHtml(r: StatusReport, timeZone: string): string {
  const items = statusLines(r, timeZone).map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')
  return page('共建助手状态', `<h1>共建助手状态</h1>\n<ul>\n${items}\n</ul>\n<p><a href="/login">扫码登录页</a> · <a href="/status">JSON</a></p>`, 10)
}

/** A small page in Chinese that reloads itself every `refreshS` seconds. */
export function page(title: string, body: string, refreshS: number): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${refreshS}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:2em;line-height:1.6}img{width:280px;height:280px;image-rendering:pixelated}</style>
</head><body>
${body}
</body></html>
`
}

export { escapeHtml }
