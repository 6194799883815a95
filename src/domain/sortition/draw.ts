/**
 * The published artefacts: a commitment (before the draw) and the draw file (after), and the check
 * anyone can run on the draw file. The file holds everything needed to recompute the draw.
 */
import { candidatesHash, drawFromCommitment, frozenCandidates, normalizePublicNumber, panelsHash } from './commitment.js'
import { compareIds, panelProblems } from './groups.js'
import type { Lottery } from './lottery.js'
import { drawText as t } from './text.js'
import type { Algorithm, Candidate, Instance, Quota } from './types.js'

export const DRAW_FORMAT = 'gongjian-council-draw'

/** Published before the public number is known (a type, not an interface: it is stored as JSON). */
export type Commitment = {
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
export type DrawFile = Commitment & {
  publicNumber: string
  seed: string
  chosenIndex: number
  panel: string[]
  alternates: string[]
}

export function commitLottery(instance: Instance, lottery: Pick<Lottery, 'panels'>, algorithm: Algorithm, publicSource: string, publicDigits = 3): Commitment {
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
    return { ok: false, reason: t.badNumber(commitment.publicDigits) }
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

export type VerifyResult = { ok: true; message: typeof t.agrees } | { ok: false; differences: string[] }

/** Recomputes hashes, panel validity, chances, seed, index, panel and alternates from the file. */
export function verifyDraw(file: unknown): VerifyResult {
  const shape = shapeProblems(file)
  if (shape.length) return { ok: false, differences: shape }
  const f = file as DrawFile
  const diffs: string[] = []
  const ch = candidatesHash(f.candidates)
  if (ch !== f.candidateHash) diffs.push(t.candidateHash(f.candidateHash, ch))
  const ph = panelsHash(f.panels)
  if (ph !== f.panelsHash) diffs.push(t.panelsHash(f.panelsHash, ph))

  const instance: Instance = { candidates: f.candidates, seats: f.seats, quotas: f.quotas }
  const byId = new Map(f.candidates.map((c) => [c.id, c]))
  const invalid: string[] = []
  f.panels.forEach((p, i) => {
    const problems = panelProblems(instance, p, byId)
    if (problems.length) invalid.push(t.invalidPanel(i, problems[0]!))
  })
  if (invalid.length) diffs.push(t.invalidPanels(invalid))

  const chances = chancesOf(f.candidates, f.panels)
  const wrongChance = Object.keys(chances).filter((id) => Math.abs((f.chances[id] ?? NaN) - chances[id]!) > 1e-9)
  if (wrongChance.length) diffs.push(t.wrongChances(wrongChance.map((id) => ({ id, chance: chances[id]! }))))

  const number = normalizePublicNumber(f.publicNumber, f.publicDigits)
  if (number === undefined || number !== f.publicNumber) {
    diffs.push(t.numberNotDigits(f.publicNumber, f.publicDigits))
    return { ok: false, differences: diffs }
  }
  const d = drawFromCommitment(f.candidates, f.panels, f.publicNumber)
  if (d.seed !== f.seed) diffs.push(t.seed(f.seed, f.publicNumber, d.seed))
  if (d.index !== f.chosenIndex) diffs.push(t.index(f.chosenIndex, f.publicNumber, d.index))
  const filePanel = [...f.panel].sort(compareIds)
  if (filePanel.join('\n') !== d.panel.join('\n')) {
    const missing = d.panel.filter((id) => !f.panel.includes(id))
    const extra = f.panel.filter((id) => !d.panel.includes(id))
    diffs.push(t.panel(d.index, missing, extra))
  }
  if (f.alternates.join('\n') !== d.alternates.join('\n')) {
    const at = f.alternates.findIndex((id, i) => d.alternates[i] !== id)
    diffs.push(t.alternates((at < 0 ? f.alternates.length : at) + 1))
  }
  return diffs.length ? { ok: false, differences: diffs } : { ok: true, message: t.agrees }
}

function chancesOf(candidates: readonly Candidate[], panels: readonly (readonly string[])[]): Record<string, number> {
  const counts = new Map<string, number>()
  for (const p of panels) for (const id of p) counts.set(id, (counts.get(id) ?? 0) + 1)
  const out: Record<string, number> = {}
  for (const c of candidates) out[c.id] = (counts.get(c.id) ?? 0) / panels.length
  return out
}

const isStr = (v: unknown): v is string => typeof v === 'string'
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function shapeProblems(file: unknown): string[] {
  if (!isObj(file)) return [t.notObject]
  if (file.format !== DRAW_FORMAT) return [t.notOurs(DRAW_FORMAT)]
  const p: string[] = []
  const need = (cond: boolean, what: string): void => {
    if (!cond) p.push(t.badShape(what))
  }
  need(isInt(file.seats) && file.seats > 0, t.field.seats)
  need(Array.isArray(file.quotas) && file.quotas.every((q) => isObj(q) && isStr(q.feature) && isStr(q.value) && isInt(q.min) && isInt(q.max)), t.field.quotas)
  need(
    Array.isArray(file.candidates) && file.candidates.every((c) => isObj(c) && isStr(c.id) && isObj(c.features) && Object.values(c.features).every(isStr)),
    t.field.candidates,
  )
  need(Array.isArray(file.panels) && file.panels.length > 0 && file.panels.every((x) => Array.isArray(x) && x.every(isStr)), t.field.panels)
  need(isObj(file.chances) && Object.values(file.chances).every((v) => typeof v === 'number'), t.field.chances)
  for (const k of ['candidateHash', 'panelsHash', 'publicNumber', 'seed', 'publicSource'] as const) need(isStr(file[k]), t.field.missing(k))
  need(isInt(file.publicDigits) && file.publicDigits > 0, t.field.publicDigits)
  need(isInt(file.chosenIndex), t.field.chosenIndex)
  need(Array.isArray(file.panel) && file.panel.every(isStr), t.field.panel)
  need(Array.isArray(file.alternates) && file.alternates.every(isStr), t.field.alternates)
  return p
}
