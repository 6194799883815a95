/**
 * Commitment and draw: hashes published before the draw, a seed from those hashes and a public
 * number nobody knows yet, and an unbiased index from the seed. Everything here is re-computable
 * by anyone from the published draw file.
 */
import { createHash } from 'node:crypto'
import { compareIds, sortCandidates } from './groups.js'
import type { Candidate } from './types.js'

/** JSON with object keys sorted (code-unit order) and no whitespace; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareIds(a, b))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  throw new Error(`canonicalJson: unsupported ${typeof value}`)
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The frozen pool, sorted by id, only id and features: what gets hashed and published. */
export function frozenCandidates(candidates: readonly Candidate[]): Candidate[] {
  return sortCandidates(candidates).map((c) => ({ id: c.id, features: { ...c.features } }))
}

export function candidatesHash(candidates: readonly Candidate[]): string {
  return sha256Hex(canonicalJson(frozenCandidates(candidates)))
}

/** Panels keep their order (it is what the index points into); ids within a panel are sorted. */
export function panelsHash(panels: readonly (readonly string[])[]): string {
  return sha256Hex(canonicalJson(panels.map((p) => [...p].sort(compareIds))))
}

const DIGITS_FULLWIDTH = /[０-９]/g

/**
 * What staff type (`527`, `５２７`, ` 0 2 7 `) → the digits, left-padded to `digits` when given
 * (a 3-digit draw of 27 is 027). undefined when it is not a number of at most `digits` digits.
 */
export function normalizePublicNumber(input: string, digits?: number): string | undefined {
  const s = input.replace(DIGITS_FULLWIDTH, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '')
  if (!/^\d{1,40}$/.test(s)) return undefined
  if (digits === undefined) return s
  if (s.length > digits) return undefined
  return s.padStart(digits, '0')
}

const DOMAIN = 'gongjian/council-draw/v1'

/** Seed = SHA-256 over both commitments and the public number, domain-separated. */
export function deriveSeed(candidateHash: string, panelHash: string, publicNumber: string): string {
  return sha256Hex(`${DOMAIN}\n${candidateHash}\n${panelHash}\n${publicNumber}`)
}

/** Deterministic stream of 32-bit words: SHA-256(seed ‖ counter) blocks, 8 words each. */
export class SeedStream {
  private counter = 0
  private words: number[] = []
  constructor(private readonly seedHex: string) {
    if (!/^[0-9a-f]{64}$/.test(seedHex)) throw new Error('seed must be 64 hex digits')
  }

  nextUint32(): number {
    if (this.words.length === 0) {
      const block = createHash('sha256')
        .update(Buffer.from(this.seedHex, 'hex'))
        .update(Buffer.from([(this.counter >>> 24) & 255, (this.counter >>> 16) & 255, (this.counter >>> 8) & 255, this.counter & 255]))
        .digest()
      this.counter++
      for (let i = 0; i < 32; i += 4) this.words.push(block.readUInt32BE(i))
    }
    return this.words.shift()!
  }

  /** Uniform in [0, n) for 1 ≤ n ≤ 2^32: words ≥ the largest multiple of n are rejected, so no modulo bias. */
  uniformInt(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1 || n > 2 ** 32) throw new Error('uniformInt: n out of range')
    const limit = 2 ** 32 - (2 ** 32 % n)
    for (;;) {
      const x = this.nextUint32()
      if (x < limit) return x % n
    }
  }
}

export interface DrawOutcome {
  seed: string
  index: number
  panel: string[]
  /** Everyone not selected, in a seeded random order: ask them in turn when someone declines. */
  alternates: string[]
}

/**
 * The draw: index = first unbiased value of the seed stream, then a Fisher–Yates shuffle of the
 * others (sorted by id first, so the order depends only on the seed) from the same stream.
 */
export function drawFromCommitment(
  candidates: readonly Candidate[],
  panels: readonly (readonly string[])[],
  publicNumber: string,
): DrawOutcome {
  if (panels.length === 0) throw new Error('no panels')
  const seed = deriveSeed(candidatesHash(candidates), panelsHash(panels), publicNumber)
  const stream = new SeedStream(seed)
  const index = stream.uniformInt(panels.length)
  const panel = [...panels[index]!].sort(compareIds)
  const chosen = new Set(panel)
  const alternates = sortCandidates(candidates)
    .map((c) => c.id)
    .filter((id) => !chosen.has(id))
  for (let i = alternates.length - 1; i > 0; i--) {
    const j = stream.uniformInt(i + 1)
    ;[alternates[i], alternates[j]] = [alternates[j]!, alternates[i]!]
  }
  return { seed, index, panel, alternates }
}
