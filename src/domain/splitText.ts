export const MAX_PART_CHARS = 1000

/** Long texts get truncated by WeChat: split at ~1,000 characters, at a line or sentence end. */
export function splitLongText(body: string, max = MAX_PART_CHARS): string[] {
  if (body.length <= max) return [body]
  const budget = max - 12 // room for the "(12/34) " prefix
  const parts: string[] = []
  let rest = body
  while (rest.length > budget) {
    const window = rest.slice(0, budget)
    let cut = Math.max(window.lastIndexOf('\n') + 1, ...['。', '！', '？', '；', '.', '!', '?'].map((p) => window.lastIndexOf(p) + 1))
    if (cut < budget / 2) cut = budget
    parts.push(rest.slice(0, cut))
    rest = rest.slice(cut)
  }
  if (rest) parts.push(rest)
  return parts.map((p, i) => `(${i + 1}/${parts.length}) ${p}`)
}

