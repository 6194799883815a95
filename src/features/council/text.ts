import { buildingLabel } from '../../domain/address.js'
import { compareLotteryIds, pct, splitLotteryId } from '../../domain/council/pool.js'
import type { QuotaReason, QuotaRule } from '../../domain/council/quotas.js'
import { groupLabel } from '../../domain/sortition/text.js'
import type { Algorithm, DrawFile } from '../../domain/sortition/index.js'

/** What the council's commands say: sign-up, recommendation, quotas, the public lottery. */

const QUOTA_EXAMPLE = '议事会 40席 每栋至少1席 女性至少15席 60岁以上至多20席'
const VERIFY_HINT = '任何人都可用「npm run verify-draw -- 抽签文件」重算核对'
const DRAWN = '本届议事会已经开奖了。'
const UNSET = '未填'

/** 每栋 / 3号楼 / 女性 / 60岁以上 / 业主 */
export const ruleLabel = (r: Pick<QuotaRule, 'feature' | 'value'>): string =>
  r.feature === 'building' && r.value === '*' ? '每栋' : groupLabel(r.feature, r.value)

/** The rules as one line for the announcement: 「每栋至少1席，女性至少15席」. */
export function describeRules(rules: readonly QuotaRule[]): string {
  return rules
    .map((r) => {
      const l = ruleLabel(r)
      if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? `${l}${r.min}席` : `${l}${r.min}-${r.max}席`
      return r.min !== undefined ? `${l}至少${r.min}席` : `${l}至多${r.max}席`
    })
    .join('，')
}

const shown = (s: string): string => {
  const chars = [...s.trim()]
  return chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : chars.join('')
}

/** What to fix in a 议事会 … that could not be read. */
export function quotaReply(r: QuotaReason): string {
  switch (r.code) {
    case 'empty':
      return `请写明席位和配额，例如「${QUOTA_EXAMPLE}」。`
    case 'unknown':
      return `没看懂「${shown(r.rest)}」。例如「${QUOTA_EXAMPLE}」；可用：每栋、3号楼、男/女、青年/中年/老年、业主/租户，配合至少/至多。`
    case 'noCount':
      return `${ruleLabel(r.rule)}要多少席？例如「${ruleLabel(r.rule)}至少2席」。`
    case 'rangeAndBound':
      return `「${ruleLabel(r.rule)}」写了范围又写了至少/至多，请只写一种，例如「${ruleLabel(r.rule)}2-5席」。`
    case 'noSeats':
      return `请写明总席位，例如「${QUOTA_EXAMPLE}」。`
    case 'seatsRange':
      return `总席位应在 1 到 ${r.max} 之间。`
    case 'contradiction':
      return `${ruleLabel(r.rule)}至少 ${r.min} 席，又至多 ${r.max} 席，自相矛盾。`
    case 'overSeats':
      return `${ruleLabel(r.rule)}至少 ${r.min} 席，超过总席位 ${r.seats} 席。`
  }
}

/** 「3号楼：王阿姨 33%、张三 33%」 per building, from lottery ids 「称呼 N号楼」. */
export function chancesByBuilding(chances: Record<string, number>): string[] {
  return perBuilding(Object.keys(chances), (name, id) => `${name} ${pct(chances[id]!)}`)
}

/** Names grouped by building: 「3号楼：王阿姨、张三」. */
export const namesByBuilding = (ids: readonly string[]): string[] => perBuilding(ids, (name) => name)

function perBuilding(ids: readonly string[], item: (name: string, id: string) => string): string[] {
  const byBuilding = new Map<string, string[]>()
  for (const id of [...ids].sort(compareLotteryIds)) {
    const { name, building } = splitLotteryId(id)
    byBuilding.set(building, [...(byBuilding.get(building) ?? []), item(name, id)])
  }
  return [...byBuilding.entries()].map(([b, list]) => `${b}：${list.join('、')}`)
}

/** 「王阿姨 3号楼」 as said in a list */
const nameAndBuilding = (id: string): string => {
  const { name, building } = splitLotteryId(id)
  return `${name} ${building}`
}

const algorithmName = (a: Algorithm): string => (a === 'leximin' ? 'LEXIMIN' : 'MAXIMIN')

export const AGE_LABEL: Record<string, string> = { '18-39岁': '青年18-39', '40-59岁': '中年40-59', '60岁以上': '老年60以上' }

const STAFF_ONLY = '只有居委工作人员可以管理议事员抽签。'
const RECOMMEND_WHO = '推荐议事员由楼组长在本楼群里提出。您自己想参加，请说「报名议事员」。'
const RECOMMEND_WHERE = '请在楼栋群里 @我 说「推荐 @邻居」。'
const SIGNUP_AGAIN = '想参加议事会，请说「报名议事员」。'

export const councilText = {
  usage: {
    signup: '报名议事员 — 报名参加议事会（公开抽签产生）',
    accept: '接受推荐 — 同意被推荐为议事员',
    decline: '不接受 — 不参加议事会',
    recommend: '推荐 @邻居 — 推荐邻居做议事员',
    pool: '议事员报名 — 报名情况；加「截止」停止报名',
    quotas: '议事会 40席 每栋至少1席 — 席位、配额和各人入选概率',
    publish: '公布抽签 福彩3D 12月5日 — 抽签办法和哈希发到各楼群',
    draw: '开奖 527 — 按公开号码抽出议事员',
    score: '评分 — 议事员给项目打分（或「评分 P3 5 4」）',
    openRound: '开启评议 P1-P12 截止 12月5日20:00',
    appoint: '议事员 @张三 — 在群里说，加一位议事员',
  },
  act: {
    signup: '报名议事员',
    accept: '接受推荐',
    decline: '不接受推荐',
    recommend: '推荐议事员',
    pool: '查看议事员报名',
    quotas: '设置议事会',
    publish: '公布抽签办法',
    draw: '开奖',
    score: '评分',
    openRound: '开启评议',
    appoint: '指定议事员',
  },
  refuse: {
    recommend: { who: RECOMMEND_WHO, where: RECOMMEND_WHERE },
    lottery: { who: STAFF_ONLY },
    appoint: { where: '请在对方所在的群里 @我 说「议事员 @张三」。' },
  },

  /** why a pool takes no sign-ups */
  closed: {
    frozen: '议事员报名已经截止了，谢谢您的热心！下次报名会在群里通知。',
    drawn: '本届议事员已经抽签产生，谢谢您的热心！下次报名会在群里通知。',
  },

  signup: {
    wrongRoom: '请在您楼栋的群里 @我 说「报名议事员」。',
    intro: (again: boolean) => `${again ? '您已经报过名，这次填写会更新您的报名信息。\n' : ''}报名信息只用于抽签：结果公布时只显示称呼和楼号。随时回复「取消」可退出。`,
    prompt: {
      name: (defaultName: string) => `请问怎么称呼您（公布时用这个称呼）？回复「好」就用「${defaultName}」。`,
      building: (defaultBuilding: number | undefined) => `您住几号楼？${defaultBuilding ? `回复「是」就是${buildingLabel(defaultBuilding)}。` : '例如「3号楼」。'}`,
      age: '年龄段？回复 1 青年18-39 / 2 中年40-59 / 3 老年60以上 / 跳过',
      gender: '性别？回复 男 / 女 / 跳过',
      tenure: '您是业主还是租户？回复 业主 / 租户 / 跳过',
      confirm: (summary: string) => `请核对：${summary}\n没问题回复「确认」；要改回复「修改」。`,
    },
    nameTooLong: (max: number) => `称呼请在 ${max} 个字以内，例如「王阿姨」「张先生」。`,
    confirmChoices: '没问题回复「确认」；要改回复「修改」，不报了回复「取消」。',
    left: '好的，已退出报名。',
    /** 称呼「王阿姨」，3号楼，老年60以上，女，业主 */
    summary: (s: { name?: string; building?: number; ageBand?: string | null; gender?: string | null; tenure?: string | null }) =>
      [
        `称呼「${s.name}」`,
        buildingLabel(s.building!),
        s.ageBand ? (AGE_LABEL[s.ageBand] ?? s.ageBand) : '年龄未填',
        s.gender || '性别未填',
        s.tenure || '业主/租户未填',
      ].join('，'),
    notRegistered: (closed: string | undefined) => `抱歉，没能登记：${closed ?? '报名还没有开始。'}`,
    done: (summary: string) => `已报名议事员！${summary}。\n报名截止后公开抽签，结果在各楼群公布。要改信息，再说一次「报名议事员」。`,
  },

  recommend: {
    wrongRoom: RECOMMEND_WHERE,
    forbidden: RECOMMEND_WHO,
    example: '推荐 @张三',
    alreadyIn: (nickname: string) => `${nickname} 已经在议事员报名名单里了。`,
    alreadyAsked: (nickname: string) => `${nickname} 已被推荐过，正等他/她回复。`,
    unknownBuilding: (nickname: string) => `不知道 ${nickname} 住几号楼，请在对方的楼栋群里推荐。`,
    invite: (by: string) =>
      `${by}推荐您参加议事会（议事员从报名者中公开抽签产生）。愿意的话 @我 回复「接受推荐」，不参加回复「不接受」。`,
    done: (nickname: string) => `已推荐 ${nickname}，等他/她回复。`,
    noneToAccept: `没有找到给您的推荐。${SIGNUP_AGAIN}`,
    noneToDecline: '没有找到给您的推荐。',
    declined: '好的，已记下您这次不参加。谢谢！以后想参加，可以说「报名议事员」。',
  },

  pool: {
    status: { open: '报名中', frozen: '已截止', published: '抽签办法已公布', drawn: '已开奖' } as Record<string, string>,
    unset: UNSET,
    alreadyFrozen: (status: string | undefined) => `报名已经截止了（${status}）。`,
    nobodyToFreeze: '还没有人报名，先不截止。',
    frozen: (n: number) => `议事员报名已截止，共 ${n} 人。\n下一步设置席位和配额，例如「${QUOTA_EXAMPLE}」。`,
    usage: '看名单说「议事员报名」，截止报名说「议事员报名 截止」。',
    heading: (p: { status: string | undefined; accepted: number; pending: number; declined: number }) =>
      `议事员报名（${p.status}）：共 ${p.accepted} 人${p.pending ? `，另有 ${p.pending} 人被推荐待回复` : ''}${p.declined ? `，${p.declined} 人不接受推荐` : ''}`,
    /** the counts, each already written 「3号楼 3 · 5号楼 3」 */
    counts: (c: { building: string; age: string; gender: string; tenure: string }) => [`按楼：${c.building}`, `年龄：${c.age}`, `性别：${c.gender}`, `业主/租户：${c.tenure}`],
    list: '名单：',
    names: (building: number, names: { name: string; recommended: boolean }[]) =>
      `${buildingLabel(building)}：${names.map((n) => `${n.name}${n.recommended ? '（推荐）' : ''}`).join('、')}`,
    freezeHint: '截止报名请说「议事员报名 截止」。',
    signupHint: '居民可说「报名议事员」报名，楼组长可「推荐 @邻居」。',
  },

  quotas: {
    published: '抽签办法已经公布，不能再改席位和配额。开奖请说「开奖 527」。',
    drawn: DRAWN,
    head: (p: { seats: number; quotaText: string; pool: number }) => `议事会 ${p.seats} 席${p.quotaText ? `（${p.quotaText}）` : ''}，${p.pool} 位报名者。`,
    computing: (head: string, open: boolean) =>
      `${head}\n正在计算每人的入选概率，稍等片刻……${open ? '\n（报名还没截止：名单有变要重算；定下来请先说「议事员报名 截止」。）' : ''}`,
    failed: '计算出错了，请稍后再发一次「议事会 …」',
    infeasible: (reasons: readonly string[]) => `这些配额无法同时满足，没有抽签：\n${reasons.map((r) => `· ${r}`).join('\n')}\n请调整后再发「议事会 …」。`,
    chances: (head: string, c: { algorithm: Algorithm; minProbability: number; forced: { id: string; reason: string }[]; chances: Record<string, number> }) =>
      [
        head,
        c.algorithm === 'leximin'
          ? '算法：LEXIMIN（先让机会最小的人尽量大，再依次往上）'
          : '算法：MAXIMIN（备用：报名分组太多或计算超时，只保证最低的机会尽量大）',
        `最低入选概率：${pct(c.minProbability)}`,
        ...(c.forced.length ? ['【注意】以下报名者必然入选（所在组报名人数太少）：', ...c.forced.map((f) => `· ${nameAndBuilding(f.id)}：${f.reason}`)] : []),
        '各人入选概率（1000 份名单中所占比例）：',
        ...chancesByBuilding(c.chances),
        '确认无误后说「公布抽签 福彩3D 12月5日」（写明用哪一期公开开奖号码），把抽签办法公布到各楼群。',
      ].join('\n'),
  },

  publish: {
    noSource: '请写明由哪一期公开开奖号码决定，例如「公布抽签 福彩3D 12月5日」。',
    nobody: '还没有人报名议事员。',
    notFrozen: '报名还没截止：请先说「议事员报名 截止」，名单定下来再公布。',
    already: (source: string | null) => `抽签办法已经公布过了（由「${source}」决定）。开奖后请说「开奖 527」。`,
    drawn: DRAWN,
    notComputed: `请先设置席位和配额，例如「${QUOTA_EXAMPLE}」，等概率算好再公布。`,
    infeasible: '上次设置的配额无法满足，请先调整「议事会 …」。',
    poolChanged: '报名名单在计算之后有变化，请再发一次「议事会 …」重新计算。',
    post: (p: { seats: number; candidates: number; quotaText: string | null; panels: number; algorithm: Algorithm; source: string; chances: Record<string, number>; candidateHash: string; panelsHash: string }) =>
      [
        '【议事会抽签公告】',
        `议事会 ${p.seats} 席，从 ${p.candidates} 位报名者中公开抽签产生${p.quotaText ? `（${p.quotaText}）` : ''}。`,
        `办法：事先排好 ${p.panels} 份都符合配额的名单（按 ${algorithmName(p.algorithm)} 公平原则，让每人的机会尽量均等），由「${p.source}」的开奖号码（3 位数）决定抽中哪一份。这个号码现在谁也不知道。`,
        '每人入选机会：',
        ...chancesByBuilding(p.chances),
        `报名名单 SHA-256：${p.candidateHash}`,
        `名单列表 SHA-256：${p.panelsHash}`,
        `开奖后公布结果和抽签文件，${VERIFY_HINT}。`,
      ].join('\n'),
    done: (p: { sent: number; buildings: number[]; candidateHash: string; source: string }) =>
      `已公布抽签办法${p.sent ? `，发往 ${p.sent} 个群（${p.buildings.map(buildingLabel).join('、')}）` : '（还没有绑定的楼栋群）'}。\n` +
      `报名名单 SHA-256：${p.candidateHash.slice(0, 16)}…\n「${p.source}」开奖后请说「开奖 527」（填实际号码）。`,
  },

  draw: {
    notPublished: '还没有公布抽签办法：先「公布抽签 福彩3D 12月5日」，开奖后再说「开奖 527」。',
    already: (f: Pick<DrawFile, 'publicSource' | 'publicNumber' | 'chosenIndex'>) =>
      `已经开过奖了：「${f.publicSource}」号码 ${f.publicNumber}，抽中第 ${f.chosenIndex} 号名单。同一号码结果不变，不能再开。`,
    noNumber: (source: string | null) => `请写开奖号码，例如「开奖 527」（「${source}」的号码）。`,
    post: (f: DrawFile, alternates: readonly string[]) =>
      [
        '【议事会抽签结果】',
        `「${f.publicSource}」开奖号码 ${f.publicNumber} → 抽中第 ${f.chosenIndex} 号名单（共 ${f.panels.length} 份）。`,
        `议事员（${f.panel.length} 人）：`,
        ...namesByBuilding(f.panel),
        ...(alternates.length ? [`候补（依次递补）：${alternates.map(nameAndBuilding).join('、')}`] : []),
        `抽签文件已交居委，${VERIFY_HINT}。`,
      ].join('\n'),
    fileName: (day: { year: number; month: number; day: number }) => `抽签-${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}.json`,
    done: (f: DrawFile, p: { name: string; toStaff: boolean }) =>
      [
        `已开奖：号码 ${f.publicNumber}，第 ${f.chosenIndex} 号名单，${f.panel.length} 位议事员，结果已发往各楼群。`,
        ...namesByBuilding(f.panel),
        `抽签文件「${p.name}」${p.toStaff ? '已发到工作群' : '已私聊发您'}；核对：npm run verify-draw -- ${p.name}（应显示「一致」）。`,
      ].join('\n'),
    fileBody: (name: string) => `[文件] ${name}`,
  },

  bind: {
    already: '本群已是议事会群，不用再绑定。',
    done: '好的，本群已绑定为议事会群。抽签结果和议事会的事会发到这里。',
  },
}
