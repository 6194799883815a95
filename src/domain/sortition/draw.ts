/**
 * The published artefacts: a commitment (before the draw) and the draw file (after), and the check
 * anyone can run on the draw file. The file holds everything needed to recompute the draw.
 */
import { candidatesHash, drawFromCommitment, frozenCandidates, normalizePublicNumber, panelsHash } from './commitment.js'
import { compareIds, panelProblems } from './groups.js'
import type { Lottery } from './lottery.js'
import type { Algorithm, Candidate, Instance, Quota } from './types.js'

export const DRAW_FORMAT = 'gongjian-council-draw'

/** Published before the public number is known. */
export interface Commitment {
  format: typeof DRAW_FORMAT
  version: 1
  seats: number
  quotas: Quota[]
  candidates: Candidate[]
  algorithm: Algorithm
  /** Each candidate's chance in the lottery = (panels containing them) / panels. */
  chances: Record<string, number>
  panels: string[][]
  candidateHash: string
  panelsHash: string
  /** Which future public number decides, e.g. 「福彩3D 2025年7月1日开奖号码」. */
  publicSource: string
  /** Its number of digits (3 for a 3-digit draw): 27 is read as 027. */
  publicDigits: number
}

/** The commitment plus the outcome. */
export interface DrawFile extends Commitment {
  publicNumber: string
  seed: string
  chosenIndex: number
  panel: string[]
  alternates: string[]
}

export function commitLottery(instance: Instance, lottery: Lottery, algorithm: Algorithm, publicSource: string, publicDigits = 3): Commitment {
  const panels = lottery.panels.map((p) => [...p].sort(compareIds))
  return {
    format: DRAW_FORMAT,
    version: 1,
    seats: instance.seats,
    quotas: instance.quotas.map((q) => ({ feature: q.feature, value: q.value, min: q.min, max: q.max })),
    candidates: frozenCandidates(instance.candidates),
    algorithm,
    chances: chancesOf(frozenCandidates(instance.candidates), panels),
    panels,
    candidateHash: candidatesHash(instance.candidates),
    panelsHash: panelsHash(panels),
    publicSource,
    publicDigits,
  }
}

export type DrawResult = { ok: true; file: DrawFile } | { ok: false; reason: string }

/** `开奖 527`: the number as typed → the draw file. */
export function performDraw(commitment: Commitment, publicNumberInput: string): DrawResult {
  const publicNumber = normalizePublicNumber(publicNumberInput, commitment.publicDigits)
  if (publicNumber === undefined) {
    return { ok: false, reason: `开奖号码应为不超过 ${commitment.publicDigits} 位的数字，例如「开奖 ${'527'.slice(0, commitment.publicDigits)}」` }
  }
  const d = drawFromCommitment(commitment.candidates, commitment.panels, publicNumber)
  return { ok: true, file: { ...commitment, publicNumber, seed: d.seed, chosenIndex: d.index, panel: d.panel, alternates: d.alternates } }
}

/**
 * Someone on the panel declines: the first alternate (in the published order) who can take the
 * seat without breaking a quota, or undefined.
 */
export function replacementFor(instance: Instance, panel: readonly string[], declined: string, alternates: readonly string[]): string | undefined {
  const byId = new Map(instance.candidates.map((c) => [c.id, c]))
  const rest = panel.filter((id) => id !== declined)
  const onPanel = new Set(panel)
  return alternates.find((id) => !onPanel.has(id) && panelProblems(instance, [...rest, id], byId).length === 0)
}

export type VerifyResult = { ok: true; message: '一致' } | { ok: false; differences: string[] }

const short = (h: string): string => (h.length > 12 ? `${h.slice(0, 12)}…` : h)

/** Recomputes hashes, panel validity, chances, seed, index, panel and alternates from the file. */
export function verifyDraw(file: unknown): VerifyResult {
  const shape = shapeProblems(file)
  if (shape.length) return { ok: false, differences: shape }
  const f = file as DrawFile
  const diffs: string[] = []
  const ch = candidatesHash(f.candidates)
  if (ch !== f.candidateHash) diffs.push(`报名名单的哈希不一致：文件中为 ${short(f.candidateHash)}，按名单重算为 ${short(ch)}（名单被改动过）`)
  const ph = panelsHash(f.panels)
  if (ph !== f.panelsHash) diffs.push(`名单列表的哈希不一致：文件中为 ${short(f.panelsHash)}，按列表重算为 ${short(ph)}（名单列表被改动过）`)

  const instance: Instance = { candidates: f.candidates, seats: f.seats, quotas: f.quotas }
  const byId = new Map(f.candidates.map((c) => [c.id, c]))
  const invalid: string[] = []
  f.panels.forEach((p, i) => {
    const problems = panelProblems(instance, p, byId)
    if (problems.length) invalid.push(`第 ${i} 号名单${problems[0]}`)
  })
  if (invalid.length) diffs.push(`有 ${invalid.length} 份名单不符合配额或名单：${invalid.slice(0, 3).join('；')}${invalid.length > 3 ? '……' : ''}`)

  const chances = chancesOf(f.candidates, f.panels)
  const wrongChance = Object.keys(chances).filter((id) => Math.abs((f.chances[id] ?? NaN) - chances[id]!) > 1e-9)
  if (wrongChance.length) diffs.push(`公布的入选概率与名单列表不符：${wrongChance.slice(0, 3).map((id) => `「${id}」应为 ${pct(chances[id]!)}`).join('，')}${wrongChance.length > 3 ? '……' : ''}`)

  const number = normalizePublicNumber(f.publicNumber, f.publicDigits)
  if (number === undefined || number !== f.publicNumber) {
    diffs.push(`开奖号码「${f.publicNumber}」不是 ${f.publicDigits} 位数字`)
    return { ok: false, differences: diffs }
  }
  const d = drawFromCommitment(f.candidates, f.panels, f.publicNumber)
  if (d.seed !== f.seed) diffs.push(`随机种子不一致：文件中为 ${short(f.seed)}，按哈希和开奖号码 ${f.publicNumber} 重算为 ${short(d.seed)}`)
  if (d.index !== f.chosenIndex) diffs.push(`抽中的序号不一致：文件中为第 ${f.chosenIndex} 号，按开奖号码 ${f.publicNumber} 应为第 ${d.index} 号`)
  const filePanel = [...f.panel].sort(compareIds)
  if (filePanel.join('\n') !== d.panel.join('\n')) {
    const missing = d.panel.filter((id) => !f.panel.includes(id))
    const extra = f.panel.filter((id) => !d.panel.includes(id))
    diffs.push(`公布的入选名单与第 ${d.index} 号名单不同${missing.length ? `：缺 ${missing.slice(0, 5).join('、')}` : ''}${extra.length ? `${missing.length ? '，' : '：'}多 ${extra.slice(0, 5).join('、')}` : ''}`)
  }
  if (f.alternates.join('\n') !== d.alternates.join('\n')) {
    const at = f.alternates.findIndex((id, i) => d.alternates[i] !== id)
    diffs.push(`候补顺序不一致：从第 ${(at < 0 ? f.alternates.length : at) + 1} 位起不同`)
  }
  return diffs.length ? { ok: false, differences: diffs } : { ok: true, message: '一致' }
}

function chancesOf(candidates: readonly Candidate[], panels: readonly (readonly string[])[]): Record<string, number> {
  const counts = new Map<string, number>()
  for (const p of panels) for (const id of p) counts.set(id, (counts.get(id) ?? 0) + 1)
  const out: Record<string, number> = {}
  for (const c of candidates) out[c.id] = (counts.get(c.id) ?? 0) / panels.length
  return out
}

const pct = (p: number): string => `${(p * 100).toFixed(1)}%`

const isStr = (v: unknown): v is string => typeof v === 'string'
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function shapeProblems(file: unknown): string[] {
  if (!isObj(file)) return ['文件内容不是抽签文件（应为 JSON 对象）']
  if (file.format !== DRAW_FORMAT) return [`文件不是共建的议事会抽签文件（format 应为 ${DRAW_FORMAT}）`]
  const p: string[] = []
  const need = (cond: boolean, what: string): void => {
    if (!cond) p.push(`文件格式不对：${what}`)
  }
  need(isInt(file.seats) && file.seats > 0, 'seats 应为正整数')
  need(Array.isArray(file.quotas) && file.quotas.every((q) => isObj(q) && isStr(q.feature) && isStr(q.value) && isInt(q.min) && isInt(q.max)), 'quotas 应为配额列表')
  need(
    Array.isArray(file.candidates) && file.candidates.every((c) => isObj(c) && isStr(c.id) && isObj(c.features) && Object.values(c.features).every(isStr)),
    'candidates 应为报名名单',
  )
  need(Array.isArray(file.panels) && file.panels.length > 0 && file.panels.every((x) => Array.isArray(x) && x.every(isStr)), 'panels 应为名单列表')
  need(isObj(file.chances) && Object.values(file.chances).every((v) => typeof v === 'number'), 'chances 应为每人的入选概率')
  for (const k of ['candidateHash', 'panelsHash', 'publicNumber', 'seed', 'publicSource'] as const) need(isStr(file[k]), `缺少 ${k}`)
  need(isInt(file.publicDigits) && file.publicDigits > 0, 'publicDigits 应为正整数')
  need(isInt(file.chosenIndex), 'chosenIndex 应为整数')
  need(Array.isArray(file.panel) && file.panel.every(isStr), 'panel 应为入选名单')
  need(Array.isArray(file.alternates) && file.alternates.every(isStr), 'alternates 应为候补名单')
  return p
}
