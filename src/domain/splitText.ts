export const MAX_PART_CHARS = 1000

const BREAKS = ['。', '！', '？', '；', '.', '!', '?']

/** Cuts `body` into slices of at most `budget` chars, preferring a line or sentence end. */
function cut(body: string, budget: number): string[] {
  const parts: string[] = []
  let rest = body
  while (rest.length > budget) {
    const window = rest.slice(0, budget)
    let at = Math.max(window.lastIndexOf('\n') + 1, ...BREAKS.map((p) => window.lastIndexOf(p) + 1))
    if (at < budget / 2) at = budget
    // never split a surrogate pair (an emoji would turn into two broken characters)
    const c = rest.charCodeAt(at - 1)
    if (c >= 0xd800 && c <= 0xdbff && at > 1) at--
    parts.push(rest.slice(0, at))
    rest = rest.slice(at)
  }
  if (rest) parts.push(rest)
  return parts
}

/**
 * Long texts get truncated by WeChat: split at ~1,000 characters, at a line or sentence end.
 * Each part, with its "(i/n) " prefix, is at most `max` characters.
 */
export function splitLongText(body: string, max = MAX_PART_CHARS): string[] {
  if (body.length <= max) return [body]
  // the prefix "(i/n) " widens with n: reserve room for d-digit counts, widen if n needs more
  for (let digits = 1; ; digits++) {
    const budget = max - (2 * digits + 4)
    if (budget < 2) throw new RangeError(`splitLongText: max ${max} is too small`)
    const parts = cut(body, budget)
    if (String(parts.length).length <= digits) return parts.map((p, i) => `(${i + 1}/${parts.length}) ${p}`)
  }
}
