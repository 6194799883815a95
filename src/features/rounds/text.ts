import { buildingLabel } from '../../domain/address.js'
import { projectCode, roundCode } from '../../domain/codes.js'
import type { DotVoteReason, ScoresReason } from '../../domain/rounds/ballots.js'
import type { ResolutionSpecReason, RoundSpecReason } from '../../domain/rounds/spec.js'
import type { Share } from '../../domain/deliberation/share.js'
import type { ResolutionOutcome } from '../../domain/rounds/resolution.js'
import type { RankedProject, RankedScore } from '../../domain/rounds/tally.js'

/** 'household' | 'person': whose ballot counts once */
type Per = string
type Turnout = { number: number; voted: number; eligible: number }[]

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
/** 1/2 → 50%, 2/3 → 三分之二（约66.7%）: a share as it is announced */
export const shareLabel = (s: Share): string => {
  const percent = (100 * s.num) / s.den
  if (Number.isInteger(percent)) return `${percent}%`
  const frac = s.den <= 10 && s.num <= 10 ? `${CN[s.den]}分之${CN[s.num]}` : `${s.num}/${s.den}`
  return `${frac}（约${percent.toFixed(1)}%）`
}
/** who votes on a resolution, and their unit */
const electorate = (per: Per) => (per === 'representative' ? '居民代表' : '已登记并确认的住户')
const voters = (per: Per) => (per === 'representative' ? '人' : '户')

const codes = (ids: number[], sep = ' ') => ids.map(projectCode).join(sep)

/** Announced when a round opens: most votes (or the highest score), then supporters, buildings, the lot. */
const TIE_RULES = '票数（或得分）相同时：先比支持的人数，再比涉及的楼栋数，最后按开启时公布的种子抽签。'
const rules = (seed: string) => `规则：${TIE_RULES}种子 ${seed}。`

/** who a round counts */
const unit = (per: Per) => (per === 'household' ? '户' : '人')
/** what a round asks of people: an acceptance round is rated, the others voted on */
const act = (kind: string) => (kind === 'acceptance' ? '评价' : '投票')
const turnout = (rows: Turnout) => `各楼参与：${rows.map((t) => `${buildingLabel(t.number)} ${t.voted}/${t.eligible}`).join('、') || '无'}`

const VOTE_EXAMPLE = '例如「开启投票 P1-P8 每户3票 截止 12月5日20:00」'
const COUNCIL_EXAMPLE = '例如「开启评议 P1-P8 截止 12月5日20:00」'
const RESOLUTION_EXAMPLE = '例如「开启决议 T1 通过线 50% 截止 12月8日20:00」'
const SCORE_EXAMPLE = '例如「P3 5 4」（P3 紧迫性5分、重要性4分），可一次写几项：「P3 5 4，P7 3 3」'

const askScore = (project: number) => `${projectCode(project)}：紧迫性几分？重要性几分？`

function roundSpecRefusal(r: RoundSpecReason, example: string): string {
  switch (r.code) {
    case 'noDeadline':
      return `请写截止时间，${example}。`
    case 'rangeTooLarge':
      return `项目范围 P${r.from}-P${r.to} 太大了，${example}。`
    case 'tooFewProjects':
      return `请写至少两个参加投票的项目，${example}。`
    case 'dots':
      return `每户票数要在 1 到 20 之间，${example}。`
  }
}

/** The compact text ranking with bars: "1. P3 ██████████ 42票（31户，3栋）". */
export function rankingBars(ranking: RankedProject[], p: { unit: string; who: string; names?: Map<number, string>; width?: number }): string[] {
  const width = p.width ?? 10
  const top = Math.max(...ranking.map((r) => r.value), 0)
  return ranking.map((r) => {
    const filled = top > 0 ? Math.round((r.value / top) * width) : 0
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
    const name = p.names?.get(r.project)
    const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(2)
    return `${r.rank}. P${r.project}${name ? ` ${name}` : ''} ${bar} ${value}${p.unit}（${r.supporters}${p.who}，${r.buildings}栋）`
  })
}

/** What the bot says about votes, resolutions and council scoring. */
export const roundText = {
  usage: {
    vote: '投票 3 7 12 — 给项目投票（说「投票」看有哪些项目）',
    results: '结果 T1 — 投票结果',
    open: '开启投票 P1-P8 每户3票 截止 12月5日20:00',
    close: '结束投票 T1 — 提前结束并公布',
    yes: '同意 / 不同意 — 对决议表决',
    no: '不同意 — 对决议表决',
    openResolution: '开启决议 T1 通过线 50% 截止 12月8日20:00 — 表决排序；加「居民代表 到会 三分之二」只由居民代表表决，加「参与率至少 50%」设参与门槛',
  },
  act: {
    vote: '投票',
    results: '查看投票结果',
    open: '开启投票',
    close: '结束投票',
    resolve: '表决',
    openResolution: '开启决议',
  },

  // opening a round
  voteSpecRefusal: (r: RoundSpecReason) => roundSpecRefusal(r, VOTE_EXAMPLE),
  councilSpecRefusal: (r: RoundSpecReason) => roundSpecRefusal(r, COUNCIL_EXAMPLE),
  deadline: (why: string) => `截止时间：${why}`,
  deadlineLater: '要在以后',
  deadlineNow: '截止时间要在以后，例如「截止 12月5日20:00」。',
  notInPool: (ids: number[]) => `${codes(ids, '、')} 不在项目库里（或是空项目），请核对。`,
  who: (per: Per, dots: number) => (per === 'household' ? `每户（已登记并经楼组长确认的住户）${dots} 票` : `每人（已登记并确认）${dots} 票`),
  voteAnnouncement: (p: { round: number; projects: { id: number; name: string; supporters: number }[]; who: string; closes: string; seed: string }) =>
    [
      `【居民投票 ${roundCode(p.round)}】请为小区微更新项目投票，排出先后：`,
      ...p.projects.map((m) => `${projectCode(m.id)} ${m.name}（${m.supporters} 人提到）`),
      `${p.who}，可以都投给一项。截止：${p.closes}。`,
      '投票：@我 说「投票 3 7 12」（写项目号）；截止前可以重投，以最后一次为准。',
      rules(p.seed),
    ].join('\n'),
  voteOpened: (p: { round: number; projects: number; who: string; closes: string; groups: number }) =>
    `已开启投票 ${roundCode(p.round)}：${p.projects} 个项目，${p.who}，截止 ${p.closes}。已通知 ${p.groups} 个楼栋群。`,

  // voting
  voteWhere: '请在您楼栋的群里 @我 投票。',
  noOpenVote: '现在没有进行中的投票。',
  voteClosed: (round: number, at: string) => `投票 ${roundCode(round)} 已于 ${at} 截止，说「结果」可看结果。`,
  openVote: (p: { round: number; projects: number[]; dots: number; closes: string }) =>
    `进行中：${roundCode(p.round)}，项目 ${codes(p.projects)}，每户 ${p.dots} 票，截止 ${p.closes}。\n投票请说「投票 3 7 12」。`,
  dotVoteRefusal: (r: DotVoteReason, dots: number): string => {
    const example = `例如「投票 3 7 12」（重复写同一个号可多投一票，每户最多 ${dots} 票）`
    switch (r.code) {
      case 'noNumbers':
        return `请写项目编号，${example}。`
      case 'unreadable':
        return `没看懂「${r.text}」，${example}。`
      case 'noSuchProject':
        return `没有 ${r.number} 号项目，${example}。`
      case 'tooMany':
        return `每户最多 ${dots} 票，您写了 ${r.count} 票，请少选几项。`
    }
  },
  /** projects named that the round is not about (a vote or a council round) */
  notInRound: (kind: 'vote' | 'council', outside: number[], projects: number[]) =>
    kind === 'vote' ? `${codes(outside, '、')} 不在这次投票里。可投：${codes(projects)}。` : `${codes(outside, '、')} 不在这次评议里。评议项目：${codes(projects)}。`,
  /** in a group only that a ballot came in; the choices are told in private */
  ballotInGroup: (p: { round: number; per: Per; count: number }) =>
    `已收到${p.per === 'household' ? '您家' : '您'}的 ${p.count} 票（${roundCode(p.round)}）。想不公开投，可以私聊我投。截止前可重投。`,
  /** the acks of several, as one message after their @-mentions */
  ballotsTogether: (p: { round: number; per: Per }) => `已收到${p.per === 'household' ? '以上各户' : '以上各位'}的票（${roundCode(p.round)}）。想不公开投，可以私聊我投。截止前可重投。`,
  ballotPrivate: (p: { round: number; dots: Map<number, number>; count: number; max: number }) =>
    `已投（${roundCode(p.round)}）：${[...p.dots].map(([project, n]) => `${projectCode(project)}${n > 1 ? ` ×${n}` : ''}`).join('、')}。共 ${p.count}/${p.max} 票，截止前可重投，以最后一次为准。`,

  // who may vote (or rate)
  tooLate: (p: { round: number; kind: string; closes: string }) => `${roundCode(p.round)} 已于 ${p.closes} 截止，不能再${act(p.kind)}了。`,
  unregistered: (kind: string) => `${act(kind)}要先登记门牌：请说「登记 3号楼 502」，楼组长确认后就能${act(kind)}。`,
  otherCommunity: (kind: string) => `您登记的住户不在本社区，不能参加这次${act(kind)}。`,
  unconfirmed: (kind: string) => `您的登记还没经楼组长确认，确认后就能${act(kind)}。`,

  // results
  residentResult: (p: { round: number; per: Per; voters: number; closed: string; ranking: RankedProject[]; names: Map<number, string>; turnout: Turnout; seed: string }) =>
    [
      `【投票结果 ${roundCode(p.round)}】共 ${p.voters} ${unit(p.per)}投票（${p.closed} 截止）：`,
      ...rankingBars(p.ranking, { unit: '票', who: unit(p.per), names: p.names }),
      turnout(p.turnout),
      rules(p.seed),
    ].join('\n'),
  chart: (p: { round: number; per: Per; voters: number; closed: string }) => ({
    title: `投票结果 ${roundCode(p.round)}`,
    subtitle: `共 ${p.voters} ${unit(p.per)}投票 · ${p.closed} 截止`,
    unit: '票',
  }),
  chartFile: (round: number) => `投票结果-${roundCode(round)}.png`,
  chartBody: (round: number) => `[图表] ${roundCode(round)}`,
  councilResult: (p: { round: number; raters: number; closed: string; ranked: RankedScore[]; names: Map<number, string>; seed: string }) =>
    [
      `【议事会评议结果 ${roundCode(p.round)}】${p.raters} 位议事员打分（${p.closed} 截止）：`,
      ...p.ranked.map(
        (r) =>
          `${r.rank}. P${r.project} ${p.names.get(r.project) ?? ''} 得分 ${r.value.toFixed(2)}（紧迫 ${r.urgency.toFixed(1)}，重要 ${r.importance.toFixed(1)}，中位数 ${r.median}，${r.raters} 人打分）`,
      ),
      `规则：两项平均分之和。${TIE_RULES}种子 ${p.seed}。`,
    ].join('\n'),
  resolutionResult: (p: { round: number; ref: number; per: Per; outcome: ResolutionOutcome; pass: Share; turnout: Turnout }) => {
    const o = p.outcome
    const u = voters(p.per)
    const verdict = o.passed ? '通过' : o.quorum && !o.quorum.met ? '未通过（参与未达到法定比例）' : '未通过'
    return [
      `【决议结果 ${roundCode(p.round)}】${p.per === 'representative' ? '居民代表' : ''}表决 ${roundCode(p.ref)} 的排序：${verdict}`,
      `同意 ${o.yes} ${u}，不同意 ${o.no} ${u}；投票 ${o.cast}/${o.eligible} ${u}。赞成占 ${o.share.toFixed(1)}%，通过线 ${shareLabel(p.pass)}。`,
      ...(o.quorum
        ? [`法定参与：至少 ${shareLabel(o.quorum.share)}，即 ${o.quorum.needed} ${u}；实到 ${o.cast} ${u}，${o.quorum.met ? '已达到' : '未达到'}。`]
        : []),
      turnout(p.turnout),
    ].join('\n')
  },
  noSuchRound: (digits: string) => `没有投票 T${digits}。`,
  noRoundYet: '还没有开过投票。',
  alreadyClosed: (round: number) => `${roundCode(round)} 已经结束了。说「结果 ${roundCode(round)}」可看结果。`,
  closedEarly: (round: number) => `${roundCode(round)} 已结束，结果已发到各群。`,
  resultsWhere: '请在您楼栋的群里 @我 问结果。',
  stillOpen: (p: { round: number; kind: string; per: Per; closes: string; voted: number }) =>
    `${roundCode(p.round)} 还在进行，${p.closes} 截止；现在已有 ${p.voted} ${unit(p.per)}${act(p.kind)}。截止后公布结果。`,
  /** some hours before the deadline, a building group hears its own turnout (never who has not voted) */
  reminder: (p: { round: number; kind: string; per: Per; project: number; closes: string; building?: { number: number; voted: number; eligible: number }; heads?: boolean }) => {
    const b = p.building
    const line = `${b ? `${buildingLabel(b.number)}已有 ${b.voted}/${b.eligible} ${unit(p.per)}${act(p.kind)}。` : ''}${p.heads ? '请楼组长帮忙提醒邻居。' : ''}`
    const code = projectCode(p.project)
    if (p.kind === 'acceptance') return `提醒：${code} 完工评价（${roundCode(p.round)}）将于 ${p.closes} 截止。${line}还没评价的请 @我 说「评价 ${code} 5 很满意」（1–5分）。`
    if (p.kind === 'resolution') return `提醒：${p.per === 'representative' ? '居民代表' : ''}决议 ${roundCode(p.round)} 将于 ${p.closes} 截止。${line}还没表决的请 @我 说「同意」或「不同意」。`
    return `提醒：投票 ${roundCode(p.round)} 将于 ${p.closes} 截止。${line}还没投的请 @我 说「投票」看项目。`
  },

  // resolutions
  resolutionSpecRefusal: (r: ResolutionSpecReason) => {
    switch (r.code) {
      case 'missing':
        return `请写要表决的投票编号和截止时间，${RESOLUTION_EXAMPLE}。`
      case 'passPercent':
        return `通过线要在 1% 到 100% 之间，${RESOLUTION_EXAMPLE}。`
      case 'pass':
        return `通过线「${r.input}」没看懂，请写「过半」「三分之二」或「60%」。`
      case 'quorum':
        return `参与比例「${r.input}」没看懂，请写如「到会 三分之二」或「参与率至少 50%」。`
    }
  },
  notClosedYet: (round: number) => `${roundCode(round)} 还没结束，结束后才能表决它的排序。`,
  noRepresentatives: '还没有居民代表，请先在楼栋群里说「居民代表 @张三」。',
  /** the rules, announced at opening: who votes, the pass line with its tie rule, the quorum */
  resolutionRules: (p: { per: Per; pass: Share; quorum: Share | null; eligible: number; quorumNeeded: number | null }) =>
    [
      `赞成须超过投票${voters(p.per)}数的 ${shareLabel(p.pass)} 才通过，正好等于不算通过。`,
      p.quorum ? `${electorate(p.per)}共 ${p.eligible} ${voters(p.per)}，至少 ${shareLabel(p.quorum)}（${p.quorumNeeded} ${voters(p.per)}）参加表决，结果才有效。` : '',
    ].join(''),
  resolutionAnnouncement: (p: { round: number; ref: number; per: Per; ranking: string[]; rules: string; closes: string }) =>
    [
      `【决议 ${roundCode(p.round)}】${p.per === 'representative' ? '居民代表表决：' : ''}请对 ${roundCode(p.ref)} 排出的先后表决：`,
      ...p.ranking,
      `${p.per === 'representative' ? '居民代表每人一票' : '已登记并确认的住户每户一票'}：@我 说「同意」或「不同意」。${p.rules}截止：${p.closes}。`,
    ].join('\n'),
  resolutionOpened: (p: { round: number; ref: number; per: Per; pass: Share; quorum: Share | null; closes: string; groups: number }) =>
    `已开启决议 ${roundCode(p.round)}（${p.per === 'representative' ? '居民代表表决，' : ''}表决 ${roundCode(p.ref)}，通过线 ${shareLabel(p.pass)}${p.quorum ? `，参与至少 ${shareLabel(p.quorum)}` : ''}），截止 ${p.closes}。已发到 ${p.groups} 个群。`,
  tellRepresentatives: (p: { round: number; ref: number; closes: string }) =>
    `居民代表表决 ${roundCode(p.round)}（${roundCode(p.ref)} 的排序）已开始，${p.closes} 截止。请 @我 或私聊我说「同意」或「不同意」。`,
  notRepresentative: '这次决议只由居民代表表决。',
  resolveWhere: '请在您楼栋的群里 @我 表决。',
  noOpenResolution: '现在没有进行中的决议表决。',
  resolvedInGroup: (round: number, per: Per = 'household') => `已收到${per === 'representative' ? '您' : '您家'}的表决（${roundCode(round)}）。截止前可以改。`,
  resolvedTogether: (round: number, per: Per = 'household') => `已收到以上${per === 'representative' ? '各位' : '各户'}的表决（${roundCode(round)}）。截止前可以改。`,
  resolvedPrivate: (round: number, yes: boolean) => `已记下：${yes ? '同意' : '不同意'}（${roundCode(round)}）。截止前可以改。`,

  // the council's scoring rounds
  appointExample: '议事员 @张三',
  appointed: (names: string[]) => `好的，${names.join('、')} 是议事员了。评议开始后可以 @我 说「评分」。`,
  councilAnnouncement: (p: { round: number; projects: { id: number; name: string; supporters: number; buildings: number }[]; closes: string; seed: string }) =>
    [
      `【议事会评议 ${roundCode(p.round)}】请议事员给每个项目打分：紧迫性、重要性各 1–5 分。`,
      ...p.projects.map((m) => `${projectCode(m.id)} ${m.name}（${m.supporters} 人提到，${m.buildings} 栋）`),
      `截止：${p.closes}。@我 说「评分」一项一项打；或一次写完：「评分 P3 5 4，P7 3 3」。`,
      `排名：两项平均分之和（中位数作核对）。${TIE_RULES}种子 ${p.seed}。`,
    ].join('\n'),
  councilOpened: (p: { round: number; projects: number; closes: string }) =>
    `已开启评议 ${roundCode(p.round)}：${p.projects} 个项目，截止 ${p.closes}。已发到议事会群和工作群。`,
  scoreWhere: '请在议事会群或私聊里评分。',
  noOpenCouncilRound: '现在没有进行中的评议。',
  notCouncilMember: '只有议事员可以评分。想参加议事会，请说「报名议事员」。',
  councilClosed: (round: number) => `评议 ${roundCode(round)} 已截止。`,
  scoresRefusal: (r: ScoresReason) =>
    r.code === 'unreadable' ? `没看懂，请按格式打分，${SCORE_EXAMPLE}。` : `P${r.project} 的分数要在 1 到 5 之间，${SCORE_EXAMPLE}。`,
  scored: (scores: { project: number; urgency: number; importance: number }[], left: number[]) =>
    `已记下 ${scores.map((s) => `${projectCode(s.project)}（${s.urgency}，${s.importance}）`).join('、')}。${left.length ? `还没打分：${codes(left)}。` : '全部打完了，谢谢！'}`,
  allScored: '您已经给全部项目打过分了。要改，说「评分 P3 5 4」。',
  scoring: {
    first: (project: number) => `${askScore(project)}回复两个数，如「5 4」；「跳过」先不打。`,
    next: (project: number) => `${askScore(project)}如「5 4」，或「跳过」。`,
    twoNumbers: '请回复两个 1–5 的数，如「5 4」（紧迫性 重要性），或「跳过」。',
    done: '好了，谢谢！截止前可以再说「评分」补打或修改。',
  },
}
