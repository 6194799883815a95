import { normalizeWidth } from './text.js'

/** J12 (suggestion), P3 (project), G2 (notice), T1 (round): the short ids people see and type. */
export interface Codes {
  j: number[]
  p: number[]
  /** what is left once the codes are taken out (e.g. a project name) */
  rest: string
}

/** "合并 J3 j7，Ｊ9 为 路灯维修" → j [3, 7, 9], rest "为 路灯维修". Never throws. */
export function parseCodes(input: string): Codes {
  const s = normalizeWidth(String(input ?? ''))
  const j: number[] = []
  const p: number[] = []
  const rest = s
    .replace(/([JjPp])\s*(\d{1,7})(?!\d)/g, (_m, kind: string, n: string) => {
      const list = kind.toLowerCase() === 'j' ? j : p
      if (!list.includes(Number(n))) list.push(Number(n))
      return ' '
    })
    .replace(/[\s,，、;；]+/g, ' ')
    .trim()
  return { j, p, rest }
}

export const projectCode = (id: number): string => `P${id}`
export const roundCode = (id: number): string => `T${id}`
/** T1 in what people type (the first one) */
export const ROUND_REF = /T\s*(\d+)/i
