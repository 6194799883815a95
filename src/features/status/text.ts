import { formatClock } from '../../domain/time/index.js'
import { escapeHtml, page } from './html.js'
import type { StatusReport } from './report.js'

const TITLE = '共建助手状态'

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

const SENDER_BY = { this: '本进程在发', other: '另一个进程在发，本进程待命（它停了就接手）', none: '暂时没有进程在发（登录后接手）' } as const

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
    ...(r.accounts
      ? [`各账号：${r.accounts.map((a) => `${a.name}${a.selfName ? `「${a.selfName}」` : ''}${a.mine ? '（本进程）' : ''} ${a.groups} 个群、待发 ${a.pending} 条`).join('；')}`]
      : []),
    ...(r.sender ? [`发送（账号 ${r.sender.account}）：${SENDER_BY[r.sender.by]}`] : []),
    `最近错误：${r.lastError ? `${clock(r.lastError.at)}（${r.lastError.message}）` : '无'}`,
    `定时任务最近运行：${jobs.length ? jobs.join('，') : '还没有运行过'}`,
  ]
}

/** 状态 in the chat: the title, then the lines. */
export const statusReply = (lines: string[]) => [TITLE, ...lines.map((l) => `· ${l}`)].join('\n')

/** The status page. */
export function statusHtml(r: StatusReport, timeZone: string): string {
  const items = statusLines(r, timeZone).map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')
  return page(TITLE, `<h1>${TITLE}</h1>\n<ul>\n${items}\n</ul>\n<p><a href="/login">扫码登录页</a> · <a href="/status">JSON</a></p>`, 10)
}

/** The status page while the database does not answer: what this process knows. */
export function statusHtmlWithoutDatabase(p: { loggedIn: boolean; reason: string }): string {
  const items = [`登录：${p.loggedIn ? '已登录' : '未登录'}`, `数据库无响应（${p.reason}）`].map((l) => `<li>${escapeHtml(l)}</li>`).join('')
  return page(TITLE, `<h1>${TITLE}</h1>\n<ul>${items}</ul>`, 10)
}

/** Back online: what the staff groups are told (how long away, what piled up, what failed). */
export function returnNotice(p: { away: Date; now: Date; timeZone: string; pending: number; failed: number }): string {
  const span = `${formatClock(p.away, p.timeZone)} 至 ${formatClock(p.now, p.timeZone)}`
  const lines = [`共建助手已重新上线。${span}离线，这段时间群里和私聊发给我的消息我都没有看到，微信也不会补发。如有居民找过我，请提醒他们再发一次。`]
  if (p.pending) lines.push(`离线期间积压了 ${p.pending} 条要发的消息，现在开始补发。`)
  if (p.failed) lines.push(`离线期间有 ${p.failed} 条消息发送失败，没有发出去。`)
  return lines.join('\n')
}

/** The commands' lines for 帮助 and their refusals. */
export const commandText = {
  usage: {
    status: '状态 — 机器人是否在线、待发和失败的消息',
    export: '导出 — 全部数据和各楼参与情况，发成表格',
  },
  act: {
    status: '查看机器人状态',
    export: '导出',
  },
}
