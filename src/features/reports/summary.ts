import type { Db } from '../../db/client.js'
import { reportsWithin } from '../../db/reports.js'
import { reportText as t } from './text.js'

const CLOSED = new Set(['handled', 'suggested', 'declined'])

function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * For the coordination summary: per building, reports made and closed within [since, until) and
 * the median time from report to close of those closed. No report in the window: no lines.
 */
export async function reportSummaryLines(db: Db, p: { communityId: number; since: Date; until: Date }): Promise<string[]> {
  const rows = await reportsWithin(db, p)
  if (!rows.length) return []
  const inWindow = (d: Date | null) => d !== null && d >= p.since && d < p.until
  const buildings = [...new Set(rows.map((r) => r.building))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b))
  const lines = buildings.map((building) => {
    const mine = rows.filter((r) => r.building === building)
    const closed = mine.filter((r) => CLOSED.has(r.status) && inWindow(r.closedAt))
    return t.summaryLine({
      building,
      reported: mine.filter((r) => inWindow(r.createdAt)).length,
      closed: closed.length,
      medianMs: median(closed.map((r) => r.closedAt!.getTime() - r.createdAt.getTime())),
    })
  })
  return [t.summaryHead, ...lines]
}
