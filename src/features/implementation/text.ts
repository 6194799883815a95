import type { ConsultationReason } from '../../domain/implementation/consultation.js'
import { buildingLabel } from '../../domain/address.js'
import { formatAverage, type AcceptanceOutcome } from '../../domain/implementation/acceptance.js'
import { STAGE_LABEL } from '../../domain/implementation/stages.text.js'
import { cut } from '../../domain/text.js'
import { formatClock, wallTime } from '../../domain/time/index.js'

/**
 * What the bot says while projects are carried out: 资源, 派单, 联络员, 进度, 完成, 评价. What is posted on
 * its own (results, digests, conflicts) is in news.text.ts, why an argument was not understood in
 * reasons.text.ts.
 */

/** `12月31日`; with the year (`2027年1月31日`) when it is not the year of `now` (if given). */
export function formatDay(d: Date, timeZone: string, now?: Date): string {
  const w = wallTime(d, timeZone)
  const showYear = now !== undefined && wallTime(now, timeZone).year !== w.year
  return `${showYear ? `${w.year}年` : ''}${w.month}月${w.day}日`
}

/** 50000 → `5万元`, 12000 → `1.2万元`, 8000 → `8000元`, 12345 → `12345元`, 0 → `0元`. */
export function formatMoney(yuan: number): string {
  if (!Number.isFinite(yuan)) return `${yuan}元`
  const n = Math.round(yuan)
  const abs = Math.abs(n)
  if (abs >= 100_000_000 && abs % 1_000_000 === 0) return `${n / 100_000_000}亿元`
  if (abs >= 10_000 && abs % 100 === 0) return `${n / 10_000}万元`
  return `${n}元`
}

export const RESOURCE_EXAMPLE = '资源 绿化所 绿化改造 预算5万'
export const ASSIGN_EXAMPLE = '派单 P3 绿化所 预计12月底'
export const RATE_EXAMPLE = '评价 P3 5 很满意'
export const LIAISON_EXAMPLE = '联络员 @张三 绿化所'
export const CONSULT_EXAMPLE = '商议 P3 绿化所：可以做，预算3万'
export const REVOKE_EXAMPLE = '撤销联络员 @李工'

/** ，@了 2 位提建议的居民 (nothing when nobody was mentioned) */
const mentionedTail = (mentioned: number): string => (mentioned ? `，@了 ${mentioned} 位提建议的居民` : '')
/** 已通知 2 个楼栋群，@了 2 位提建议的居民 */
const notified = (rooms: number, mentioned: number): string => `已通知 ${rooms} 个楼栋群${mentionedTail(mentioned)}`
export const list = (items: string[]): string => items.join('、')
export const bullets = (lines: string[]): string[] => lines.map((l) => `· ${l}`)
/** P3「绿化改造」 */
export const named = (code: string, name: string): string => `${code}「${name}」`

/** Refusals several use-cases share. */
export const projectText = {
  /** 没有项目 P3。说「派单」看全部项目。 */
  notFound: (code: string, listedBy?: string) => `没有项目 ${code}。${listedBy ? `说「${listedBy}」看全部项目。` : ''}`,
  accepted: (code: string) => `${code} 已经验收结单了。`,
  /** a liaison acting on another department's project */
  notYours: (code: string, may: string) => `${code} 不是派给您单位的，只能${may}。`,
}

/** 资源, 派单 alone, and the coordination summary: the partners' resources. */
export const resourceText = {
  /** 绿化所（联络员 李工）：绿化改造，预算5万元，已派 2 项 6万元 ⚠️超出 */
  ledgerLine: (l: { name: string; liaisons: string[]; what: string; budget: number | null; assignedCount: number; assignedCost: number }) => {
    const offered = l.budget === null ? '未写预算' : `预算${formatMoney(l.budget)}`
    const used = l.assignedCount ? `，已派 ${l.assignedCount} 项${l.assignedCost ? ` ${formatMoney(l.assignedCost)}` : ''}` : ''
    const over = l.budget !== null && l.assignedCost > l.budget ? ' ⚠️超出' : ''
    const who = l.liaisons.length ? `（联络员 ${list(l.liaisons)}）` : ''
    return `${l.name}${who}：${l.what || '—'}，${offered}${used}${over}`
  },
  ledger: (lines: string[]) => (lines.length ? ['各单位资源：', ...bullets(lines)].join('\n') : `还没有单位登记资源。例如「${RESOURCE_EXAMPLE}」。`),
  notYours: (name: string) => `您是其他单位的联络员，不能替「${name}」登记资源。`,
  offered: (p: { name: string; what: string; budget: number | null }) =>
    `已登记：${p.name} 提供「${p.what}」${p.budget === null ? '' : `，预算${formatMoney(p.budget)}`}。派单请说「派单 P3 ${p.name} 预计12月底」。`,
}

/** 派单 (with and without a project), and the action plan. */
export const assignText = {
  notFound: (code: string) => projectText.notFound(code, '派单'),
  accepting: (code: string) => `${code} 正在居民验收，等结果出来再改派。`,
  unknownPartner: (name: string, known: string[]) =>
    known.length
      ? `没有单位「${name}」。已登记：${list(known)}。新单位请先说「资源 ${name} 能做什么 预算」。`
      : `还没有单位登记资源。请先说「资源 ${name} 能做什么 预算5万」。`,
  updated: '（已更新时间和费用）',
  reassigned: (from: string) => `（原派给${from}，已改派）`,
  overBudget: (p: { partner: string; assigned: number; budget: number }) =>
    `⚠️ ${p.partner}已派费用 ${formatMoney(p.assigned)}，超出它提供的预算 ${formatMoney(p.budget)}。`,
  skipped: (codes: string[]) => `提示：排名更靠前的 ${list(codes)} 还没派单。`,
  conflicts: (codes: string[]) => `⚠️ 与 ${list(codes)} 同地同期施工，已告知工作群，请协调。`,
  news: (p: { code: string; name: string; partner: string; due: string }) =>
    `【派单】${named(p.code, p.name)}由${p.partner}承办，预计${p.due}前完成。进展会在群里通报，想问就 @我 说「进度 ${p.code}」。`,
  assigned: (p: { code: string; name: string; partner: string; due: string; cost: number | null; rooms: number; mentioned: number; notes: string[] }) => {
    const told = p.rooms ? `${notified(p.rooms, p.mentioned)}。` : '（还没有绑定楼栋群，居民那边没发。）'
    const cost = p.cost === null ? '' : `，费用${formatMoney(p.cost)}`
    return [`已派单：${named(p.code, p.name)}→ ${p.partner}，预计${p.due}完成${cost}。${told}`, ...p.notes].join('\n')
  },
  /** 行动计划（按 T1 排序）： */
  planHeader: (round: string | null) => (round ? `行动计划（按 ${round} 排序）：` : '行动计划（还没有投票排序，按编号）：'),
  /** 1. P3「绿化改造」— 绿化所，预计12月31日，60% */
  planLine: (p: { rank: number | null; code: string; name: string; stage: string; percent: number; work: { partner: string; due: string } | null }) => {
    const state =
      p.stage === 'accepted'
        ? STAGE_LABEL.accepted
        : p.work
          ? `${p.work.partner}，预计${p.work.due}，${p.percent}%${p.stage === 'accepting' ? '，验收中' : ''}${p.stage === 'rework' ? '，整改中' : ''}`
          : '未派单'
    return `${p.rank === null ? '· ' : `${p.rank}. `}${named(p.code, p.name)}— ${state}`
  },
  noProjects: '项目库里还没有项目。先用「合并 J3 J7 为 名称」建项目。',
  plan: (p: { header: string; lines: string[]; ledger: string[]; overdue: string[] }) =>
    [
      p.header,
      ...p.lines,
      p.ledger.length ? `资源：${p.ledger.join('；')}` : `还没有单位登记资源：「${RESOURCE_EXAMPLE}」。`,
      ...(p.overdue.length ? [`⚠️ 逾期：${list(p.overdue)}`] : []),
      `派单：「${ASSIGN_EXAMPLE}」`,
    ].join('\n'),
}


/** 联络员 / 撤销联络员 */
export const liaisonText = {
  wrongRoom: `请在居委工作群里 @ 对方，例如「${LIAISON_EXAMPLE}」。`,
  noName: `请写单位名称，例如「${LIAISON_EXAMPLE}」。`,
  nameTooLong: '单位名称太长了，请写简称，例如「绿化所」。',
  notSelf: '不能把自己设为联络员：联络员只能办本单位的事。',
  already: (names: string[], partner: string) => `${list(names)} 已经是${partner}的联络员了。`,
  appointed: (names: string[], partner: string) => `已设 ${list(names)} 为${partner}联络员：可登记资源，更新本单位项目的进度（进度 P3 60% 说明），完工后说「完成 P3」。`,
  notLiaison: (names: string[]) => `${list(names)} 不是联络员。`,
  revoked: (names: string[]) => `${list(names)} 不再是联络员了。`,
}

/** 进度 P3 60% …: a report, and the photos after it. */
export const progressText = {
  staffInGroup: '请在居委工作群或私聊里更新进度；在楼栋群里「进度 P3」只是查看。',
  notFound: (code: string) => projectText.notFound(code, '进度'),
  notYours: (code: string) => projectText.notYours(code, '更新本单位的项目'),
  notAssigned: (code: string) => `${code} 还没派单。先说「派单 ${code} 单位 预计12月底」。`,
  percentRange: '进度请写 0 到 100 之间，例如「进度 P3 60% 管线已铺设」。',
  noteMissing: (code: string, percent: number) => `请加一句说明，例如「进度 ${code} ${percent}% 管线已铺设」。`,
  news: (p: { code: string; name: string; percent: number; note: string; partner: string | null }) =>
    `【进度】${named(p.code, p.name)}${p.percent}%：${p.note}${p.partner ? `（${p.partner}）` : ''}`,
  /** at 100%: how to ask the residents to rate it */
  finished: (code: string) => `\n完工了就说「完成 ${code}」，请居民验收评价。`,
  noGroups: (code: string, percent: number, finished: string) => `已记录 ${code} ${percent}%。还没有绑定楼栋群，居民那边没发。${finished}`,
  posted: (p: { rooms: number; mentioned: number; minutes: number; finished: string }) =>
    `已发到 ${p.rooms} 个楼栋群${mentionedTail(p.mentioned)}。有现场照片就在 ${p.minutes} 分钟内接着发（可多张），发完说「好了」。${p.finished}`,
  photo: (code: string) => `[照片] ${code}`,
  firstPhoto: '照片已转发。还有就接着发，发完说「好了」。',
  photosDone: (photos: number) => (photos > 1 ? `好的，${photos} 张照片都已发到群里。` : photos ? '好的，照片已发到群里。' : '好的。'),
}

/** 完成 P3: the acceptance round opens. */
export const completeText = {
  notFound: (code: string) => projectText.notFound(code),
  notYours: (code: string) => projectText.notYours(code, '报本单位项目的完工'),
  accepting: (code: string) => `${code} 已经在请居民评价了。说「进度 ${code}」看情况。`,
  notAssigned: (code: string) => `${code} 还没派单，不能报完工。`,
  closeNotLater: '评价截止时间要在以后，例如「完成 P3 截止 12月20日」。',
  news: (p: { code: string; name: string; partner: string | null; closesAt: Date; timeZone: string }) =>
    [
      `【完工请验收】${named(p.code, p.name)}已完工${p.partner ? `（${p.partner}）` : ''}。请您评价：`,
      `@我 说「评价 ${p.code} 5 很满意」——1 到 5 分，5 分最满意，可以加几句话。`,
      `每户一次，截止 ${formatClock(p.closesAt, p.timeZone)}，之前可改。`,
    ].join('\n'),
  opened: (p: { code: string; round: string; closesAt: Date; timeZone: string; minRating: number; rooms: number; mentioned: number }) =>
    `${p.code} 已进入验收（${p.round}），${formatClock(p.closesAt, p.timeZone)} 截止；平均分不低于 ${formatAverage(p.minRating)} 即结单，低于则退回整改。${notified(p.rooms, p.mentioned)}。`,
}

/** 评价 P3 5 很满意 */
export const rateText = {
  noCommunity: '请在您楼栋的群里 @我 评价。',
  noneOpen: '现在没有等待评价的项目。项目完工后会在群里通知。',
  /** P3「绿化改造」（12月9日 10:00 截止） */
  open: (p: { code: string; name: string; closesAt: Date; timeZone: string }) => `${named(p.code, p.name)}（${formatClock(p.closesAt, p.timeZone)} 截止）`,
  waiting: (open: string[]) => `等您评价的项目：${list(open)}。\n请说「${RATE_EXAMPLE}」，1 到 5 分，5 分最满意。`,
  whichProject: (p: { example: string; score: number; open: string[] }) => `请写项目编号，例如「评价 ${p.example} ${p.score}」。等评价的有：${list(p.open)}。`,
  notOpen: (code: string, open: string[]) => `${code} 现在不在评价中。等评价的有：${list(open)}。`,
  ratedTogether: (code: string) => `已记下以上各户对 ${code} 的评价。谢谢！截止前可以改。`,
  rated: (p: { code: string; score: number; comment: string }) =>
    `已记下您家对 ${p.code} 的评价：${p.score} 分${p.comment ? `，「${cut(p.comment, 30)}」` : ''}。谢谢！截止前可以改。`,
}


/** Where a project stands, as 进度 tells it. */
export const statusText = {
  /** T1 排第2 */
  rank: (round: string, place: number) => `${round} 排第${place}`,
  stage: (p: {
    stage: string
    percent: number
    rank: string | null
    partner: string | null
    due: string | null
    last: { note: string; at: Date } | null
    acceptance: { round: string; closesAt: Date; ratings: number } | null
    rated: AcceptanceOutcome | null
    timeZone: string
  }) => {
    switch (p.stage) {
      case 'assigned':
      case 'rework': {
        const due = p.due ? `，预计${p.due}完成` : ''
        const note = p.last ? `：${p.last.note}（${formatClock(p.last.at, p.timeZone)}）` : ''
        const prefix = p.stage === 'rework' ? '验收未通过，整改中，' : ''
        return `${prefix}${p.partner ?? '居委'}承办${due}，进度 ${p.percent}%${note}`
      }
      case 'accepting':
        return p.acceptance
          ? `已完工，居民评价中（${p.acceptance.round}，${formatClock(p.acceptance.closesAt, p.timeZone)} 截止，已有 ${p.acceptance.ratings} 户评价）`
          : '已完工，居民评价中'
      case 'accepted':
        return `已结单${p.rated ? `，满意度 ${formatAverage(p.rated.average)} 分（${p.rated.raters} 户评价）` : ''}`
      case 'unrated':
        return '已完工，没有住户评价，等居委重新开启评价'
      default:
        return p.rank ? `${p.rank}，等待派单` : '已进入项目库，等议事会评议排序'
    }
  },
}

/** A project as 进度 and 项目历史 head it: P3「name」：2 条建议，3 人提到（3号楼、5号楼） */
export const projectSummary = (p: { code: string; name: string; suggestions: number; supporters: number; buildings: number[] }) =>
  `${named(p.code, p.name)}：${p.suggestions} 条建议，${p.supporters} 人提到${p.buildings.length ? `（${list(p.buildings.map(buildingLabel))}）` : ''}`

/** 进度, 进度 P3, 进度 J12 */
export const showText = {
  noCommunity: '请在您楼栋的群里 @我 问进度。',
  noSuggestion: (id: number) => `没有建议 J${id}。说「我的建议」可查编号。`,
  /** J12「路灯坏了」 */
  suggestion: (code: string, problem: string) => `${code}「${cut(problem, 20)}」`,
  withdrawn: (head: string) => `${head}已撤回。`,
  unpooled: (head: string) => `${head}已记录，等居委和议事会汇总进项目库。`,
  /** J → P → rank → assignee, then where it stands */
  path: (p: { head: string; summary: string; rank: string | null; partner: string | null; stage: string }) =>
    `${[p.head, `已并入 ${p.summary}`, p.rank, p.partner ? `${p.partner}承办` : null].filter(Boolean).join(' → ')}\n现在：${p.stage}。`,
  noProject: (id: number) => `没有项目 P${id}。说「进度」可看全部项目。`,
  project: (p: { summary: string; suggestions: { code: string; problem: string }[]; stage: string; consulted?: { partner: string; words: string; day: string }[] }) =>
    [
      p.summary,
      `含：${p.suggestions.map((x) => `${x.code} ${cut(x.problem, 16)}`).join('；')}`,
      ...(p.consulted?.length ? ['商议：', ...p.consulted.slice(-5).map((c) => `· ${c.partner}（${c.day}）：${cut(c.words, 60)}`)] : []),
      `现在：${p.stage}。`,
    ].join('\n'),
  empty: '项目库里还没有项目。建议汇总成项目后，这里能看到进展。',
  line: (p: { code: string; name: string; stage: string; rank: string | null; percent: number; partner: string | null }) => {
    const where = p.stage === 'pool' ? (p.rank ?? STAGE_LABEL.pool) : `${STAGE_LABEL[p.stage] ?? ''} ${p.percent}%${p.partner ? ` ${p.partner}` : ''}`
    return `· ${named(p.code, p.name)}${where}`
  },
  list: (lines: string[]) => ['项目进展：', ...lines, '问某一项说「进度 P3」，问自己的建议说「进度 J12」。'].join('\n'),
}

/** 项目历史 P3 */
export const historyText = {
  usage: '请写项目编号，例如「项目历史 P3」。',
  notFound: (id: number) => `没有项目 P${id}。`,
  line: (p: { kind: string; what: string; undone: boolean }) => `· ${HISTORY_VERB[p.kind] ?? p.kind} ${p.what}${p.undone ? '（已撤销）' : ''}`,
  renamed: (from: string | null, to: string | null) => `「${from}」→「${to}」`,
}
const HISTORY_VERB: Record<string, string> = { create: '建立，含', add: '并入', remove: '拆出', rename: '改名' }

/** The commands' lines for 帮助 and their refusals. */
export const commandText = {
  usage: {
    progress: '进度 J12 — 我的建议走到哪一步；进度 P3 — 项目进展',
    resource: `${RESOURCE_EXAMPLE} — 单位登记能提供的资源`,
    assign: `${ASSIGN_EXAMPLE} — 派给单位（只说「派单」看行动计划）`,
    liaison: `${LIAISON_EXAMPLE} — 在工作群里说，设单位联络员`,
    revokeLiaison: '撤销联络员 @张三 — 不再是联络员',
    complete: '完成 P3 — 完工，请居民验收评价',
    rate: `${RATE_EXAMPLE} — 给完工的项目打分（1–5）`,
    consult: `${CONSULT_EXAMPLE} — 单位对项目的商议意见（记入进度和导出）`,
  },
  act: {
    progress: '查看进度',
    resource: '登记资源',
    assign: '派单',
    liaison: '设联络员',
    revokeLiaison: '撤销联络员',
    complete: '报完工',
    rate: '评价',
    consult: '记录商议意见',
  },
}

/** 商议 P3 绿化所：可以做，预算3万 */
export const consultText = {
  refusal: (r: ConsultationReason): string => {
    switch (r.code) {
      case 'noProject':
        return `请写项目编号，例如「${CONSULT_EXAMPLE}」。`
      case 'noPartner':
        return `请写是哪个单位的意见，例如「${CONSULT_EXAMPLE}」。`
      case 'partnerTooLong':
        return `单位名称最多 ${r.max} 个字，请写简称，例如「绿化所」。`
      case 'noWords':
        return `请写单位的意见，例如「${CONSULT_EXAMPLE}」。`
    }
  },
  notYours: (partner: string) => `您是别的单位的联络员，不能替${partner}记商议意见。`,
  sheet: {
    name: '商议',
    columns: [
      { header: '项目', width: 24 },
      { header: '单位', width: 14 },
      { header: '商议意见', width: 50 },
      { header: '时间', width: 17 },
      { header: '记录人', width: 12 },
    ],
  },
  erased: '（已删除）',
  recorded: (p: { code: string; name: string; partner: string }) => `已记下${p.partner}对 ${named(p.code, p.name)}的商议意见。说「进度 ${p.code}」可以看到。`,
}
