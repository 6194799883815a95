import type { Parsed } from '../address.js'
import { convertAllNumerals, normalizeWidth } from '../text.js'

export interface RoundSpec {
  projects: number[]
  dots: number
  per: 'household' | 'person'
  /** the words after 截止, for parseWhen */
  deadline: string
}

const EXAMPLE = '例如「开启投票 P1-P8 每户3票 截止 12月5日20:00」'

/** "P1-P8 每户3票 截止 12月5日20:00" / "P1 P3 P5 每人2票 截止 明天20点". Never throws. */
export function parseRoundSpec(input: string): Parsed<RoundSpec> {
  const s = convertAllNumerals(normalizeWidth(String(input ?? ''))).replace(/\s+/g, ' ').trim()
  const cut = s.search(/截止|截至|到期|结束于/)
  if (cut < 0) return { ok: false, reply: `请写截止时间，${EXAMPLE}。` }
  const head = s.slice(0, cut)
  const deadline = s.slice(cut).replace(/^(截止|截至|到期|结束于)(时间)?[:：]?\s*/, '').trim()
  if (!deadline) return { ok: false, reply: `请写截止时间，${EXAMPLE}。` }
  const projects = new Set<number>()
  for (const m of head.matchAll(/[Pp]\s*(\d{1,6})\s*(?:[-—~～到至]\s*[Pp]?\s*(\d{1,6}))?/g)) {
    const a = Number(m[1])
    const b = m[2] ? Number(m[2]) : a
    if (b - a > 200) return { ok: false, reply: `项目范围 P${a}-P${b} 太大了，${EXAMPLE}。` }
    for (let n = Math.min(a, b); n <= Math.max(a, b); n++) projects.add(n)
  }
  if (projects.size < 2) return { ok: false, reply: `请写至少两个参加投票的项目，${EXAMPLE}。` }
  const d = /每(户|人|家)\s*(\d{1,2})\s*票/.exec(head)
  const dots = d ? Number(d[2]) : 3
  if (dots < 1 || dots > 20) return { ok: false, reply: `每户票数要在 1 到 20 之间，${EXAMPLE}。` }
  return { ok: true, value: { projects: [...projects].sort((x, y) => x - y), dots, per: d?.[1] === '人' ? 'person' : 'household', deadline } }
}
