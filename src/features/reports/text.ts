import { buildingLabel } from '../../domain/address.js'
import { clip } from '../../domain/text.js'
import { wallTime } from '../../domain/time/index.js'
import type { GridReason } from './parse.js'

/** Every sentence of the reports feature: 随手拍 intake, routing, grid members, handling, lists, escalation. */

const QUOTE_CHARS = 30
/** someone's words in a sentence: short, in 「」 */
const quote = (s: string) => `「${clip(s, QUOTE_CHARS)}」`
const day = (d: Date, timeZone: string) => {
  const w = wallTime(d, timeZone)
  return `${w.month}月${w.day}日`
}
const buildings = (ns: number[]) => ns.map(buildingLabel).join('、')
const PLACE_EXAMPLE = '例如「3号楼门口」「小区大门」「车棚」'

/** how long a report has waited: <1小时, 5小时, 3天 */
export function age(ms: number): string {
  const hours = Math.floor(ms / 3_600_000)
  if (hours < 1) return '不到1小时'
  if (hours < 48) return `${hours}小时`
  return `${Math.floor(hours / 24)}天`
}

export const STATUS_LABEL: Record<string, string> = {
  open: '待接单',
  taken: '处理中',
  handled: '已处理',
  suggested: '已转为建议',
  declined: '不处理',
}

const CLOSED: Record<string, string> = { handled: '处理好', suggested: '转为建议', declined: '关闭' }

export const usage = {
  report: '随手拍 3号楼垃圾桶满了 — 报告身边的小问题（找茬、报事都行），可配照片',
  mine: '我的报事 — 我报的事办得怎样',
  grid: '网格员 @李四 3号楼 5号楼 — 设网格员（只说「网格员」看名单）',
  take: '接单 R12 — 网格员接下报事',
  handle: '处理 R12 已清理 — 办好了（可接着发照片）',
  suggest: '转建议 R12 — 需要统一改造的，转为本期建议',
  decline: '不处理 R12 原因 — 关闭并告诉报事人原因',
  list: '报事列表 — 待处理的报事，按楼栋和等待时间',
}

export const act = {
  report: '报事',
  mine: '查看我的报事',
  grid: '设网格员',
  take: '接单',
  handle: '处理报事',
  suggest: '把报事转为建议',
  decline: '关闭报事',
  list: '看报事列表',
}

export const reportText = {
  examples: { take: '接单 R12', handle: '处理 R12 已清理', suggest: '转建议 R12', decline: '不处理 R12 原因' },
  /** "3楼" as said, and as a floor */
  floorSaid: (n: number) => `${n}楼`,
  floorLevel: (n: number) => `${n}层`,
  noCommunity: '请在您楼栋的群里 @我 说「随手拍 …」，或先「登记 3号楼 502」。',
  prompt: {
    what: '请说说是什么问题，例如「3号楼垃圾桶满了」（也可以先发照片）。',
    where: (p: { building?: number; hint?: string }) => {
      if (p.building !== undefined && p.hint) return `是${buildingLabel(p.building)}${p.hint}吗？是就回复「是」，不是请说在哪里，例如「5号楼${p.hint}」。`
      return `在哪里？${PLACE_EXAMPLE}。${p.building !== undefined ? `如果就在${buildingLabel(p.building)}，回复「是」。` : ''}`
    },
    floor: (n: number) => `您说的「${n}楼」是${n}号楼，还是${n}层？请回复「${n}号楼」或「${n}层」。`,
    duplicate: (p: { code: string; problem: string }) => `这和 ${p.code}${quote(p.problem)}是同一件事吗？回复「是」或「不是」。`,
  },
  whatNotText: '请用一句话说说是什么问题。',
  placeUnclear: `没看懂这个地点，${PLACE_EXAMPLE}；说不准就回复「小区里」。`,
  yesOrNo: '请回复「是」或「不是」。',
  photoKept: (n: number) => `收到照片（共 ${n} 张）。`,
  left: '好的，已退出，没有记录。',
  timedOut: '刚才的报事太久没回复，已结束。需要时请再说「随手拍」。',
  recorded: (p: { code: string; category: string; place: string | null; to: string[] | null; photos: number }) =>
    `已记录 ${p.code}（${p.category}${p.place ? ` · ${p.place}` : ''}），${p.to ? `已转给网格员${p.to.join('、')}` : '已转给居委'}。` +
    `${p.photos ? '' : '有照片可以在 5 分钟内接着发。'}处理好会告诉您；说「我的报事」可查看。`,
  supported: (code: string) => `好的，已记在 ${code} 上（+1），您的话也留下了。处理好会一起告诉您。`,
  alreadyBacked: (code: string) => `您已经报过 ${code} 了，处理好会告诉您。`,

  route: (p: { code: string; building: number | null; category: string; problem: string; reporter: string; where: string; staff: boolean; photos: number }) =>
    [
      `【报事 ${p.code}】${p.building !== null ? `${buildingLabel(p.building)} · ` : ''}${p.category}${p.staff ? (p.building !== null ? '（本楼还没有网格员）' : '（没有楼栋）') : ''}`,
      `「${p.problem}」`,
      `报事人：${p.reporter}（${p.where}）${p.photos ? `，照片 ${p.photos} 张在后面` : ''}`,
      `回复「接单 ${p.code}」接单；办好后「处理 ${p.code} 已清理」（可接着发照片）；需统一改造「转建议 ${p.code}」；不归这里管「不处理 ${p.code} 原因」。`,
    ].join('\n'),
  privately: '私聊',
  erasedName: '某居民',
  photoCaption: (code: string) => `[照片] ${code}`,
  photosAck: { intake: '照片收到了，已转给网格员。还有就接着发。', outcome: '照片已转给报事人。还有就接着发，发完说「好了」。' },
  photosDone: (n: number) => (n > 1 ? `好的，${n} 张照片都已转过去了。` : n ? '好的，照片已转过去了。' : '好的。'),

  needCode: (example: string) => `请写报事编号，例如「${example}」。`,
  notFound: (code: string) => `没有报事 ${code}。说「报事列表」看待处理的。`,
  notYours: (p: { code: string; mine: number[] }) => `${p.code} 不在您负责的楼栋（您负责${buildings(p.mine)}），请交给居委。`,
  closedAlready: (code: string, status: string) => `${code} 已经${CLOSED[status] ?? STATUS_LABEL[status] ?? status}了。`,
  alreadyTakenBy: (code: string, name: string) => `${code} 已由${name}接单。`,
  alreadyYours: (code: string) => `${code} 您已经接过了。办好后说「处理 ${code} 已清理」。`,
  taken: (code: string) => `已接单 ${code}。办好后说「处理 ${code} 已清理」（可接着发照片）。`,
  tellTaken: (p: { code: string; problem: string; by: string }) => `【报事】您报的 ${p.code}${quote(p.problem)}已由${p.by}接单，处理好会告诉您。`,
  defaultNote: '已处理',
  handled: (p: { code: string; told: number; points: { name: string; points: number } | null; capped: boolean }) =>
    `已处理 ${p.code}，${p.told ? `已告诉报事人（${p.told} 位）` : '报事人已删除信息，没有通知'}。` +
    `${p.points ? `${p.points.name} 得 ${p.points.points} 积分${p.capped ? '（到了每日上限）' : ''}。` : ''}` +
    `${p.told ? '有现场照片就在 5 分钟内接着发（可多张），发完说「好了」。' : ''}`,
  tellHandled: (p: { code: string; problem: string; note: string; by: string; points: number }) =>
    `【报事已处理】${p.code}${quote(p.problem)}：${p.note}（${p.by}）。谢谢您的随手拍！${p.points ? `报事人得 ${p.points} 积分。` : ''}`,
  suggested: (p: { code: string; suggestion: string; reporter: string | null; points: { name: string; points: number } | null }) =>
    `已把 ${p.code} 转为建议 ${p.suggestion}${p.reporter ? `（提建议人：${p.reporter}）` : ''}，会进入本期微更新的汇总。` +
    `${p.points ? `${p.points.name} 得 ${p.points.points} 积分。` : ''}`,
  tellSuggested: (p: { code: string; problem: string; suggestion: string }) =>
    `【报事转为建议】${p.code}${quote(p.problem)}需要统一改造，已转为本期微更新建议 ${p.suggestion}，报事人就是提建议人。说「进度 ${p.suggestion}」可查看。`,
  needReason: (code: string) => `请写不处理的原因，例如「不处理 ${code} 属于物业维修，已转告物业」。`,
  declined: (p: { code: string; told: number }) => `已关闭 ${p.code}${p.told ? '，原因已告诉报事人' : ''}。`,
  tellDeclined: (p: { code: string; problem: string; reason: string }) => `【报事】${p.code}${quote(p.problem)}这次不处理：${p.reason}。有疑问可以联系居委。`,
  gridTitle: (name: string) => `网格员${name}`,
  staffTitle: (name: string) => `居委${name}`,

  mineNone: '您还没有报过事。说「随手拍 3号楼垃圾桶满了」就能报，可配照片。',
  mineHead: '您的报事：',
  backedHead: '您附议的：',
  mineLine: (p: { code: string; problem: string; status: string; suggestion: string | null; closedAt: Date | null; outcome: string | null; timeZone: string }) =>
    `· ${p.code}${quote(p.problem)} — ${STATUS_LABEL[p.status] ?? p.status}${p.suggestion ? ` ${p.suggestion}` : ''}` +
    `${p.closedAt ? `（${day(p.closedAt, p.timeZone)}）` : ''}${p.outcome ? `：${clip(p.outcome, QUOTE_CHARS)}` : ''}`,

  listEmpty: (mine: number[] | null) => (mine ? `您负责的${buildings(mine)}现在没有待处理的报事。` : '现在没有待处理的报事。'),
  listHead: (n: number) => `待处理报事 ${n} 件（等得最久的在前）：`,
  listBuilding: (building: number | null, n: number) => `${building !== null ? buildingLabel(building) : '楼栋不明'}（${n}）：`,
  listItem: (p: { code: string; category: string; problem: string; age: string; taker: string | null }) =>
    `· ${p.code} ${p.category}${quote(p.problem)} ${p.age} ${p.taker ? `${p.taker}处理中` : '待接单'}`,
  listMore: (n: number) => `……另有 ${n} 件没列出。`,

  gridNone: '还没有网格员。在对方所在的群里说「网格员 @李四 3号楼 5号楼」设置。',
  gridHead: '网格员：',
  gridLine: (building: number, names: string[]) => `· ${buildingLabel(building)}：${names.join('、')}`,
  gridMissing: (ns: number[]) => `没有网格员的楼：${buildings(ns)}（报事发到工作群）。`,
  gridMention: '请在对方所在的群里 @ 对方，例如「网格员 @李四 3号楼 5号楼」。',
  gridProblem: (r: GridReason): string => {
    switch (r.code) {
      case 'no-building':
        return '请写负责哪几栋楼，例如「网格员 @李四 3号楼 5号楼」。'
      case 'bad-building':
        return `楼号请写 1 到 ${r.max} 之间，例如「3号楼」。`
      case 'too-many':
        return `一次最多 ${r.max} 栋楼。`
    }
  },
  appointed: (names: string[], ns: number[]) => `已设 ${names.join('、')} 为${buildings(ns)}的网格员：这些楼的报事会私聊发给${names.length > 1 ? '他们' : '对方'}。`,
  alreadyGrid: (names: string[], ns: number[]) => `${names.join('、')} 本来就是${buildings(ns)}的网格员。`,
  tellGrid: (ns: number[]) =>
    `您已被设为${buildings(ns)}的网格员。这些楼的随手拍报事会私聊发给您：回复「接单 R12」接单，「处理 R12 已清理」办结（可接着发照片），` +
    '「转建议 R12」转为微更新建议，「不处理 R12 原因」关闭；说「报事列表」看待办。',
  revoked: (names: string[]) => `${names.join('、')} 不再是网格员了，这些楼的报事改发工作群（或另设网格员）。`,
  notGridMembers: (names: string[]) => `${names.join('、')} 不是网格员。`,

  escalation: (p: { untaken: string[]; late: string[]; takeHours: number; slaHours: number }) =>
    [
      '【报事超时提醒】',
      ...(p.untaken.length ? [`超过 ${p.takeHours} 小时没人接单：`, ...p.untaken] : []),
      ...(p.late.length ? [`超过 ${p.slaHours} 小时还没办结：`, ...p.late] : []),
      '请跟进，说「报事列表」可查看。',
    ].join('\n'),
  escalationLine: (p: { code: string; building: number | null; category: string; problem: string; grid: string[] }) =>
    `· ${p.code} ${p.building !== null ? `${buildingLabel(p.building)} ` : ''}${p.category}${quote(p.problem)}（${p.grid.length ? `网格员：${p.grid.join('、')}` : '无网格员'}）`,

  summaryHead: '【随手拍报事】',
  summaryLine: (p: { building: number | null; reported: number; closed: number; medianMs: number | null }) =>
    `· ${p.building !== null ? buildingLabel(p.building) : '楼栋不明'}：报事 ${p.reported} 件，办结 ${p.closed} 件${p.medianMs !== null ? `，用时中位 ${age(p.medianMs)}` : ''}`,
}
