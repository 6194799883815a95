import type { Db } from '../../db/client.js'
import { ledgerForExport } from '../../db/points.js'
import { formatStamp as stamp } from '../../domain/time/index.js'
import { exportText as x } from './export.text.js'

export type Cell = string | number | null
export interface Sheet {
  name: string
  columns: { header: string; width: number }[]
  rows: Cell[][]
}


/** The export's 积分 sheet: every ledger entry, oldest first (erased people shown as such). */
export async function ledgerSheet(db: Db, p: { communityId: number; timeZone: string }): Promise<Sheet> {
  const rows = await ledgerForExport(db, p)
  return {
    name: x.sheet,
    columns: x.columns,
    rows: rows.map(({ e, who, by }) => [
      e.id,
      stamp(e.createdAt, p.timeZone),
      who ?? x.erased,
      e.points,
      x.kind[e.kind] ?? e.kind,
      e.reason,
      e.reversesId === null ? null : `#${e.reversesId}`,
      e.byPerson === null ? (e.kind === 'report' ? x.automatic : x.erased) : (by ?? x.erased),
    ]),
  }
}
