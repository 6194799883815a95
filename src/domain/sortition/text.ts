/**
 * The sortition's words: Chinese names for quota groups, so explanations read like staff talk
 * (3号楼, 女性, 60+岁), and the sentences of its checks. They live with the domain because the
 * published draw file is checked by verify-draw, which anyone runs without the bot.
 * Unknown features fall back to 「feature=value」.
 */
import type { Quota } from './types.js'

const FEATURE_NAMES: Record<string, string> = {
  building: '各栋',
  age: '各年龄段',
  gender: '性别',
  tenure: '业主/租户',
}

const GENDER_NAMES: Record<string, string> = { 女: '女性', 男: '男性' }

/** The group as a place/kind of seat: 「3号楼至少 1 席」. */
export function groupLabel(feature: string, value: string): string {
  switch (feature) {
    case 'building':
      return /^\d+$/.test(value) ? `${value}号楼` : value
    case 'gender':
      return GENDER_NAMES[value] ?? value
    case 'age':
      return /岁/.test(value) ? value : `${value}岁`
    case 'tenure':
      return value
    default:
      return `${feature}为「${value}」`
  }
}

/** The people in the group: 「只有 1 位3号楼居民报名」. */
export function peopleLabel(feature: string, value: string): string {
  switch (feature) {
    case 'building':
      return `${groupLabel(feature, value)}居民`
    case 'age':
      return `${groupLabel(feature, value)}的居民`
    case 'gender':
    case 'tenure':
      return groupLabel(feature, value)
    default:
      return `${groupLabel(feature, value)}的人`
  }
}

/** The whole attribute: 「各栋最少席位合计 12 席」. */
export function featureLabel(feature: string): string {
  return FEATURE_NAMES[feature] ?? `「${feature}」各组`
}

/** A quota as a rule: 「3号楼应为 1–2 席」. */
export function quotaText(q: Quota): string {
  const g = groupLabel(q.feature, q.value)
  if (q.min === q.max) return `${g}应为 ${q.min} 席`
  if (q.min === 0) return `${g}至多 ${q.max} 席`
  return `${g}应为 ${q.min}–${q.max} 席`
}

const short = (h: string): string => (h.length > 12 ? `${h.slice(0, 12)}…` : h)
const pct = (p: number): string => `${(p * 100).toFixed(1)}%`
/** the first few of a list, and …… when there are more */
const few = (items: readonly string[], n: number, sep: string): string => `${items.slice(0, n).join(sep)}${items.length > n ? '……' : ''}`

/** Why an instance is malformed, or cannot be satisfied. */
export const feasibilityText = {
  seatsNotCount: '席位数必须是正整数',
  noId: '报名名单中有人没有编号',
  duplicateId: (id: string) => `报名名单中编号「${id}」重复`,
  quotaTwice: (group: string) => `${group}的配额设置了不止一次`,
  quotaNotCount: (group: string) => `${group}的配额必须是非负整数`,
  quotaContradicts: (group: string, min: number, max: number) => `${group}至少 ${min} 席，但又规定至多 ${max} 席，自相矛盾`,
  nobodyYet: (seats: number) => `总席位 ${seats} 席，但还没有人报名`,
  tooFew: (seats: number, candidates: number) => `总席位 ${seats} 席，但只有 ${candidates} 位报名者`,
  minOverSeats: (group: string, min: number, seats: number) => `${group}至少 ${min} 席，超过总席位 ${seats} 席`,
  nobodyInGroup: (group: string, min: number) => `${group}至少 ${min} 席，但${group}没有报名者`,
  fewInGroup: (group: string, min: number, available: number, people: string) => `${group}至少 ${min} 席，但只有 ${available} 位${people}报名`,
  minSumOverSeats: (feature: string, sum: number, seats: number) => `${feature}最少席位合计 ${sum} 席，超过总席位 ${seats} 席`,
  capacity: (feature: string, caps: string[], capacity: number, seats: number) =>
    `按${feature}的上限${caps.length ? `（${caps.join('，')}）` : ''}，最多只能选出 ${capacity} 人，不足总席位 ${seats} 席`,
  solverUndecided: '求解器未能在时限内判断这些配额能否同时满足，请简化配额后再试',
  clash: '每一项配额单独看都有足够的报名者，但合在一起无法同时满足（不同属性的人数组合互相冲突）',
  relax: (features: string[]) => `放宽${features.map((f) => `「${f}」`).join('或')}的配额即可`,
  relaxSeveral: '需要同时放宽多项配额',
}

/** What is wrong with a panel (a list of candidate ids). */
export const panelText = {
  notInPool: (id: string) => `名单里的「${id}」不在报名名单中`,
  twice: (id: string) => `「${id}」在名单里出现了两次`,
  size: (n: number, seats: number) => `名单有 ${n} 人，应为 ${seats} 人`,
  quota: (q: Quota, n: number) => `${quotaText(q)}，实际 ${n} 席`,
}

/** The LEXIMIN computation: who is certain, who cannot sit, and its one-sentence summary. */
export const selectionText = {
  forcedByQuota: (group: string, min: number, people: string, available: number) => `${group}至少 ${min} 席，而${people}只有 ${available} 位报名`,
  forcedScarce: (groups: string[]) => `${groups.join('、')}的报名者相对配额偏少，按 LEXIMIN 其每次都入选`,
  forcedCombination: '配额组合使其每次都入选',
  excludedByQuota: (group: string) => `配额规定${group} 0 席`,
  excludedNoRoom: '任何满足配额的名单都容不下其所在组',
  leximin: (p: { levels: number; panels: number; secs: string; min: string }) =>
    `按 LEXIMIN 公平原则计算（${p.levels} 层，${p.panels} 种名单组合，用时 ${p.secs} 秒）：每位报名者的入选概率都已算出，最低为 ${p.min}。`,
  maximin: (p: { secs: string; min: string; converged: boolean }) => `按 MAXIMIN 计算（用时 ${p.secs} 秒）：最低入选概率为 ${p.min}${p.converged ? '，已是可能的最大值' : ''}。`,
  fallback: (p: { cause: 'tooBig' | 'numeric' | 'timeout'; secs: string; min: string; converged: boolean }) =>
    `${{ tooBig: '报名者分组太多', numeric: '数值求解不稳定', timeout: '计算时间到' }[p.cause]}，改按 MAXIMIN 计算（用时 ${p.secs} 秒）：最低入选概率为 ${p.min}${p.converged ? '，已是可能的最大值' : '（未证明最优）'}。`,
  // failures of the solver, thrown (the council commands answer with their own apology)
  noInitialPanels: '选人概率计算超时：连初始名单都没能生成，请放宽时限',
  noDistribution: '无法求出抽签分布（线性规划未求解成功）',
  overOne: '抽签分布的概率之和超过 1',
  roundingTimeout: '无法把抽签分布取整为 1000 份名单（求解器超时）',
  noPanel: '无法生成满足配额的名单',
}

/** The draw and its check (verify-draw prints these). */
export const drawText = {
  agrees: '一致' as const,
  badNumber: (digits: number) => `开奖号码应为不超过 ${digits} 位的数字，例如「开奖 ${'527'.slice(0, digits)}」`,
  candidateHash: (file: string, recomputed: string) => `报名名单的哈希不一致：文件中为 ${short(file)}，按名单重算为 ${short(recomputed)}（名单被改动过）`,
  panelsHash: (file: string, recomputed: string) => `名单列表的哈希不一致：文件中为 ${short(file)}，按列表重算为 ${short(recomputed)}（名单列表被改动过）`,
  invalidPanel: (index: number, problem: string) => `第 ${index} 号名单${problem}`,
  invalidPanels: (invalid: string[]) => `有 ${invalid.length} 份名单不符合配额或名单：${few(invalid, 3, '；')}`,
  wrongChances: (wrong: { id: string; chance: number }[]) =>
    `公布的入选概率与名单列表不符：${few(wrong.map((w) => `「${w.id}」应为 ${pct(w.chance)}`), 3, '，')}`,
  numberNotDigits: (number: string, digits: number) => `开奖号码「${number}」不是 ${digits} 位数字`,
  seed: (file: string, number: string, recomputed: string) => `随机种子不一致：文件中为 ${short(file)}，按哈希和开奖号码 ${number} 重算为 ${short(recomputed)}`,
  index: (file: number, number: string, recomputed: number) => `抽中的序号不一致：文件中为第 ${file} 号，按开奖号码 ${number} 应为第 ${recomputed} 号`,
  panel: (index: number, missing: string[], extra: string[]) =>
    `公布的入选名单与第 ${index} 号名单不同${missing.length ? `：缺 ${missing.slice(0, 5).join('、')}` : ''}${extra.length ? `${missing.length ? '，' : '：'}多 ${extra.slice(0, 5).join('、')}` : ''}`,
  alternates: (from: number) => `候补顺序不一致：从第 ${from} 位起不同`,
  notObject: '文件内容不是抽签文件（应为 JSON 对象）',
  notOurs: (format: string) => `文件不是共建的议事会抽签文件（format 应为 ${format}）`,
  badShape: (what: string) => `文件格式不对：${what}`,
  /** what each field of the file should be */
  field: {
    seats: 'seats 应为正整数',
    quotas: 'quotas 应为配额列表',
    candidates: 'candidates 应为报名名单',
    panels: 'panels 应为名单列表',
    chances: 'chances 应为每人的入选概率',
    missing: (key: string) => `缺少 ${key}`,
    publicDigits: 'publicDigits 应为正整数',
    chosenIndex: 'chosenIndex 应为整数',
    panel: 'panel 应为入选名单',
    alternates: 'alternates 应为候补名单',
  },
}
