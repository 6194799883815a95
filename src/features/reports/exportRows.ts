import type { Db } from '../../db/client.js'
import { reportsForExport } from '../../db/reports.js'
import { buildingLabel } from '../../domain/address.js'
import { formatStamp } from '../../domain/time/index.js'
import type { Sheet } from '../points/index.js'
import { exportText as x } from './export.text.js'
import { maskDoors, reportCode } from './parse.js'
import { suggestionCode } from './toSuggestion.js'
import { STATUS_LABEL } from './text.js'

const stamp = (d: Date | null, timeZone: string) => (d ? formatStamp(d, timeZone) : null)
const hours = (from: Date, to: Date | null) => (to ? Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 10) / 10 : null)

/** The export's 报事 sheet: every report with who did what when; names (staff-only), never door numbers. */
export async function reportSheet(db: Db, p: { communityId: number; timeZone: string }): Promise<Sheet> {
  const rows = await reportsForExport(db, p)
  return {
    name: x.sheet,
    columns: x.columns,
    rows: rows.map(({ r, building, reporter, taker, closer, backers }) => [
      reportCode(r.id),
      stamp(r.createdAt, p.timeZone),
      building === null ? null : buildingLabel(building),
      r.place === null ? null : maskDoors(r.place),
      r.category,
      maskDoors(r.problem),
      STATUS_LABEL[r.status] ?? r.status,
      reporter ?? x.erased,
      Number(backers),
      r.takenBy === null ? (r.takenAt ? x.erased : null) : (taker ?? x.erased),
      stamp(r.takenAt, p.timeZone),
      r.closedBy === null ? (r.closedAt ? x.erased : null) : (closer ?? x.erased),
      stamp(r.closedAt, p.timeZone),
      hours(r.createdAt, r.closedAt),
      r.outcome === null ? null : maskDoors(r.outcome),
      r.fileIds.length + r.outcomeFileIds.length,
      r.suggestionId === null ? null : suggestionCode(r.suggestionId),
      r.latitude === null || r.longitude === null ? null : x.coords(r.latitude, r.longitude),
    ]),
  }
}
