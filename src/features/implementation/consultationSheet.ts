import type { Db } from '../../db/client.js'
import { consultationsOf } from '../../db/deliberation.js'
import { projectNames } from '../../db/rounds.js'
import { projectCode } from '../../domain/codes.js'
import { formatStamp as stamp } from '../../domain/time/index.js'
import type { Sheet } from '../points/index.js'
import { consultText as t } from './text.js'

/** The export's 商议 sheet: every department's consultation on a project, oldest first. */
export async function consultationSheet(db: Db, p: { communityId: number; timeZone: string }): Promise<Sheet> {
  const rows = await consultationsOf(db, { communityId: p.communityId })
  const names = await projectNames(db, { communityId: p.communityId, ids: [...new Set(rows.map((r) => r.projectId))] })
  return {
    name: t.sheet.name,
    columns: t.sheet.columns,
    rows: rows.map((r) => [`${projectCode(r.projectId)} ${names.get(r.projectId) ?? ''}`.trim(), r.partner, r.words, stamp(r.at, p.timeZone), r.by ?? t.erased]),
  }
}
