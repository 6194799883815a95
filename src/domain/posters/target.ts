import type { Parsed } from '../parsed.js'
import { normalizeWidth } from '../text.js'

/** What 公示 prints: a round's result (T1) or a project's progress (P3). */
export type PosterTarget = { kind: 'round'; id: number } | { kind: 'project'; id: number }
export type PosterTargetReason = { code: 'missing' } | { code: 'both' }

/** "公示 T1" / "公示 p3" / "公示 Ｔ１" → the target. Never throws. */
export function parsePosterTarget(input: string): Parsed<PosterTarget, PosterTargetReason> {
  const s = normalizeWidth(String(input ?? ''))
  const round = /(?:^|[^A-Za-z])[Tt]\s*(\d{1,7})(?!\d)/.exec(s)
  const project = /(?:^|[^A-Za-z])[Pp]\s*(\d{1,7})(?!\d)/.exec(s)
  if (round && project) return { ok: false, reason: { code: 'both' } }
  if (round && Number(round[1]) > 0) return { ok: true, value: { kind: 'round', id: Number(round[1]) } }
  if (project && Number(project[1]) > 0) return { ok: true, value: { kind: 'project', id: Number(project[1]) } }
  return { ok: false, reason: { code: 'missing' } }
}
