import { projectCode } from '../../domain/codes.js'
import { formatAverage, type AcceptanceOutcome } from '../../domain/implementation/acceptance.js'
import { placeLabel, type Work } from '../../domain/implementation/conflicts.js'
import { STAGE_LABEL } from '../../domain/implementation/stages.text.js'
import { clip, cut } from '../../domain/text.js'
import { formatClock } from '../../domain/time/index.js'
import { bullets, formatDay, list, named } from './text.js'

/** What implementation posts on its own: conflicts, acceptance results, the digests. */

/**
 * One line for the staff group: ⚠️ 施工冲突：P3「绿化改造」（绿化所，12月1日–12月31日）与 P5「管网改造」
 * （水务所，12月10日–1月15日）都在 3号楼、中心花园 施工，时间重叠，请协调先后。
 */
export function conflictText(a: Work & { name: string }, b: Work & { name: string }, places: string[], timeZone: string): string {
  const window = (w: Work): string => `${formatDay(w.startsAt, timeZone, a.startsAt)}–${formatDay(w.dueAt, timeZone, a.startsAt)}`
  const side = (w: Work & { name: string }): string => `${named(projectCode(w.project), clip(w.name, 16))}（${clip(w.partner, 12)}，${window(w)}）`
  return `⚠️ 施工冲突：${side(a)}与${side(b)}都在 ${list(places.map(placeLabel)) || '同一地点'} 施工，时间重叠，请协调先后。`
}

const VERDICT = { accepted: '通过，已结单', rework: '未通过，退回整改', unrated: '没有住户评价，未能验收' } as const

/** 5分 2户、4分 1户、3分 1户 */
function scoreLine(o: AcceptanceOutcome): string {
  return o.counts
    .map((n, i) => (n ? `${i + 1}分 ${n}户` : ''))
    .filter(Boolean)
    .reverse()
    .join('、')
}

/** The acceptance round's result, and what staff hear when it fails. */
export const acceptanceText = {
  /** 【验收结果 T2】: the average, the spread, the verdict, a few residents' words (no names) */
  result: (p: { round: string; code: string; name: string; closed: boolean; closesAt: Date; timeZone: string; minRating: number; outcome: AcceptanceOutcome; comments: string[] }) => {
    const head = `【验收结果 ${p.round}】${named(p.code, p.name)}`
    const o = p.outcome
    if (!o.raters) return `${head}：${p.closed ? VERDICT.unrated : '还没有住户评价'}。`
    const words = p.comments.slice(-3).map((c) => `「${cut(c, 30)}」`)
    const end = p.closed ? `——${VERDICT[o.result]}` : `，${formatClock(p.closesAt, p.timeZone)} 截止`
    return [
      `${head}：${o.raters} 户评价，平均 ${formatAverage(o.average)} 分（通过线 ${formatAverage(p.minRating)}）${end}。`,
      scoreLine(o),
      ...(words.length ? [`居民说：${words.join('')}`] : []),
    ].join('\n')
  },
  rework: (p: { code: string; average: number; minRating: number; partner: string | null; complaints: string[] }) =>
    [
      `⚠️ ${p.code} 验收未通过（平均 ${formatAverage(p.average)} 分，低于 ${formatAverage(p.minRating)}），已退回整改${p.partner ? `，承办：${p.partner}` : ''}。`,
      ...(p.complaints.length ? [`不满意的意见：${p.complaints.slice(0, 5).map((c) => `「${c}」`).join('')}`] : []),
      `整改中可用「进度 ${p.code} …」通报，改好后再说「完成 ${p.code}」请居民评价。`,
    ].join('\n'),
  unrated: (code: string, round: string) => `${code} 的验收评价（${round}）没有住户参加。可请楼组长提醒后，再说「完成 ${code}」重新开启评价。`,
}

/** One project's line in the weekly digest: what changed. */
export type DigestItem = { code: string; name: string } & (
  | { kind: 'accepting' }
  | { kind: 'accepted'; average: number | null }
  | { kind: 'rework' }
  | { kind: 'progress'; percent: number; note: string }
  | { kind: 'assigned'; partner: string; due: string }
  | { kind: 'percent'; percent: number }
)

/** The weekly digest for the residents and the bi-weekly summary for the staff. */
export const digestText = {
  line: (item: DigestItem) => {
    const head = `· ${named(item.code, item.name)}`
    switch (item.kind) {
      case 'accepting':
        return `${head}已完工，请评价：「评价 ${item.code} 5 很满意」`
      case 'accepted':
        return `${head}已验收结单${item.average === null ? '' : `，满意度 ${formatAverage(item.average)} 分`}`
      case 'rework':
        return `${head}验收未通过，整改中`
      case 'progress':
        return `${head}${item.percent}%：${cut(item.note, 24)}`
      case 'assigned':
        return `${head}已派给${item.partner}，预计${item.due}完成`
      case 'percent':
        return `${head}${item.percent}%`
    }
  },
  digest: (p: { lines: string[]; more: number; ask: string }) =>
    `【本周项目进展】\n${p.lines.join('\n')}${p.more ? `\n另有 ${p.more} 项，说「进度」看全部。` : ''}\n问详情 @我 说「进度 ${p.ask}」。`,
  coordination: (p: { overdue: { code: string; partner: string; due: string; rework: boolean; percent: number }[]; unassigned: { code: string; name: string }[]; ledger: string[] }) =>
    [
      '【协调汇总】',
      p.overdue.length
        ? `逾期 ${p.overdue.length} 项：${p.overdue.map((w) => `${w.code}（${w.partner}，应${w.due}完成，${w.rework ? STAGE_LABEL.rework : `${w.percent}%`}）`).join('；')}`
        : '没有逾期的派单。',
      p.unassigned.length ? `未派单 ${p.unassigned.length} 项：${list(p.unassigned.map((m) => named(m.code, m.name)))}` : '项目都已派单。',
      ...(p.ledger.length ? ['资源：', ...bullets(p.ledger)] : []),
    ].join('\n'),
}
