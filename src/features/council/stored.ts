import { z } from 'zod'
import type { CouncilCandidate, CouncilDraw } from '../../db/council.js'
import type { PoolEntry } from '../../domain/council/pool.js'
import { DRAW_FORMAT, type Commitment, type DrawFile, type Instance } from '../../domain/sortition/index.js'

/** The JSON a council draw row keeps (computed, file), read back through these schemas. */

const Quota = z.object({ feature: z.string(), value: z.string(), min: z.number(), max: z.number() })
const Candidate = z.object({ id: z.string(), features: z.record(z.string(), z.string()) })
const InstanceSchema = z.object({ candidates: z.array(Candidate), seats: z.number(), quotas: z.array(Quota) }) satisfies z.ZodType<Instance>
const Algorithm = z.enum(['leximin', 'maximin'])
const Panels = z.array(z.array(z.string()))
const Chances = z.record(z.string(), z.number())

/** What 议事会 keeps on the draw row once computed. */
const ComputedSchema = z.object({
  instance: InstanceSchema,
  /** candidate row id per lottery id */
  ids: z.record(z.string(), z.number()),
  algorithm: Algorithm,
  minProbability: z.number(),
  /** the solver's own sentence (levels, time), kept for the record */
  summary: z.string(),
  forced: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** each volunteer's chance in the 1000-panel lottery (what is published) */
  chances: Chances,
  panels: Panels,
  /** where it ran: 'worker' (a worker thread) or 'inline' (fallback) */
  via: z.enum(['worker', 'inline']),
})
export type Computed = z.infer<typeof ComputedSchema>

/** quotas no panel can meet: nothing to publish */
const Infeasible = z.object({ infeasible: z.literal(true) })
export type StoredComputed = Computed | z.infer<typeof Infeasible>

const CommitmentSchema = z.object({
  format: z.literal(DRAW_FORMAT),
  version: z.literal(1),
  seats: z.number(),
  quotas: z.array(Quota),
  candidates: z.array(Candidate),
  algorithm: Algorithm,
  chances: Chances,
  panels: Panels,
  candidateHash: z.string(),
  panelsHash: z.string(),
  publicSource: z.string(),
  publicDigits: z.number(),
}) satisfies z.ZodType<Commitment>

const DrawFileSchema = CommitmentSchema.extend({
  publicNumber: z.string(),
  seed: z.string(),
  chosenIndex: z.number(),
  panel: z.array(z.string()),
  alternates: z.array(z.string()),
}) satisfies z.ZodType<DrawFile>

/** The probabilities and lottery of the last 议事会 (null: none yet, or reset by a new one). */
export const computedOf = (draw: CouncilDraw): StoredComputed | null => (draw.computed === null ? null : z.union([ComputedSchema, Infeasible]).parse(draw.computed))

/** The computation a published draw was committed from (公布抽签 needs one; 议事会 cannot change it after). */
export function publishedComputed(draw: CouncilDraw): Computed {
  const computed = computedOf(draw)
  if (!computed || 'infeasible' in computed) throw new Error(`council draw ${draw.id} was published without a computation`)
  return computed
}

/** The commitment of a published draw (a drawn one's file is a commitment too). */
export const commitmentOf = (draw: CouncilDraw): Commitment => CommitmentSchema.parse(draw.file)

export const drawFileOf = (draw: CouncilDraw): DrawFile => DrawFileSchema.parse(draw.file)

/** The volunteers who said yes, as the lottery sees them. */
export const toPool = (rows: CouncilCandidate[]): PoolEntry[] =>
  rows.filter((c) => c.status === 'accepted').map((c) => ({ candidateId: c.id, name: c.name, building: c.building, ageBand: c.ageBand, gender: c.gender, tenure: c.tenure }))
