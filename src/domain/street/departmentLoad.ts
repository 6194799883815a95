/**
 * The street level's cross-community check: departments serve many communities, so one whose
 * works in several communities run at the same time is stretched — the 推进办 sees it and
 * coordinates (a community's staff only see their own works).
 */
import { normalizeWidth } from '../text.js'

export interface StreetWork {
  community: string
  /** the partner's name as the community registered it (城管科, 区绿化所…) */
  partner: string
  project: number
  startsAt: Date
  dueAt: Date
}

export interface DepartmentLoad {
  /** the name as first written */
  partner: string
  /** the works of this department that overlap another community's, by start */
  works: StreetWork[]
  /** the distinct communities among them (two or more) */
  communities: string[]
  /** when the overlap begins and ends (the span where at least two communities' works run) */
  from: Date
  until: Date
}

/** The same department whatever the width or spacing it was typed with. */
export const departmentKey = (name: string): string => normalizeWidth(name).replace(/\s+/g, '').toLowerCase()

const overlaps = (a: StreetWork, b: StreetWork) => a.startsAt < b.dueAt && b.startsAt < a.dueAt

/**
 * Departments with works in two or more communities at the same time: for each, the works that
 * overlap a work of another community, and the span of those overlaps. Works of one community
 * alone never count (their staff coordinate them). Sorted by how many communities, then name.
 */
export function departmentOverlaps(works: StreetWork[]): DepartmentLoad[] {
  const byDept = new Map<string, StreetWork[]>()
  for (const w of works) {
    const k = departmentKey(w.partner)
    byDept.set(k, [...(byDept.get(k) ?? []), w])
  }
  const out: DepartmentLoad[] = []
  for (const list of byDept.values()) {
    const involved = new Set<StreetWork>()
    let from: Date | undefined
    let until: Date | undefined
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!
        const b = list[j]!
        if (a.community === b.community || !overlaps(a, b)) continue
        involved.add(a).add(b)
        const start = a.startsAt > b.startsAt ? a.startsAt : b.startsAt
        const end = a.dueAt < b.dueAt ? a.dueAt : b.dueAt
        if (!from || start < from) from = start
        if (!until || end > until) until = end
      }
    }
    if (!involved.size) continue
    const sorted = [...involved].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.project - b.project)
    out.push({ partner: list[0]!.partner, works: sorted, communities: [...new Set(sorted.map((w) => w.community))], from: from!, until: until! })
  }
  return out.sort((a, b) => b.communities.length - a.communities.length || (a.partner < b.partner ? -1 : a.partner > b.partner ? 1 : 0))
}
