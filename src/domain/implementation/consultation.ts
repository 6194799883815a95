import type { Parsed } from '../parsed.js'
import { cut, normalizeWidth } from '../text.js'

export const MAX_CONSULT_PARTNER_CHARS = 20
export const MAX_CONSULT_CHARS = 300

export interface Consultation {
  project: number
  partner: string
  /** what the department said (normalised; the caller keeps it as written) */
  words: string
}

export type ConsultationReason = { code: 'noProject' } | { code: 'noPartner' } | { code: 'partnerTooLong'; max: number } | { code: 'noWords' }

/**
 * "P3 绿化所：可以做，预算3万" / "P3 绿化所 可以做" → project 3, partner 绿化所, the words. The partner
 * ends at a colon, else at the first space or comma. Never throws.
 */
export function parseConsultation(input: string): Parsed<Consultation, ConsultationReason> {
  const s = normalizeWidth(String(input ?? '')).replace(/[ \t\n]+/g, ' ').trim()
  const p = /^(?:[Pp]\s*(\d{1,9})(?!\d))\s*[,;]?\s*/.exec(s) ?? /(?<![A-Za-z])[Pp]\s*(\d{1,9})(?!\d)\s*[,;]?\s*/.exec(s)
  if (!p) return { ok: false, reason: { code: 'noProject' } }
  const rest = (s.slice(0, p.index) + ' ' + s.slice(p.index + p[0].length)).trim()
  if (!rest) return { ok: false, reason: { code: 'noPartner' } }
  const colon = rest.indexOf(':')
  const end = colon > 0 && !/[ ,;]/.test(rest.slice(0, colon).trim()) ? colon : rest.search(/[ ,;:]/)
  if (end === 0) return { ok: false, reason: { code: 'noPartner' } }
  if (end < 0) return { ok: false, reason: { code: 'noWords' } }
  const partner = rest.slice(0, end).trim()
  if (!partner) return { ok: false, reason: { code: 'noPartner' } }
  if ([...partner].length > MAX_CONSULT_PARTNER_CHARS) return { ok: false, reason: { code: 'partnerTooLong', max: MAX_CONSULT_PARTNER_CHARS } }
  const words = rest.slice(end + 1).replace(/^[\s,:;]+/, '').trim()
  if (!words) return { ok: false, reason: { code: 'noWords' } }
  const project = Number(p[1])
  if (!Number.isSafeInteger(project) || project < 1) return { ok: false, reason: { code: 'noProject' } }
  return { ok: true, value: { project, partner, words: cut(words, MAX_CONSULT_CHARS) } }
}
