import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, Db } from '../../../src/db/client.js'
import { ensureBuilding } from '../../../src/db/communities.js'
import { ensureHousehold, setHousehold } from '../../../src/db/households.js'
import { rowsOf } from '../../../src/db/scrub.js'
import { saveItem, saveVolunteer } from '../../../src/db/points.js'
import { grantGridMember } from '../../../src/db/reports.js'
import { pointsLedger, reports } from '../../../src/db/schema.js'
import { isAppError } from '../../../src/domain/errors.js'
import { ledgerSheet } from '../../../src/features/points/index.js'
import { redeemItem } from '../../../src/features/points/ledger.js'
import { reportSheet, reportSummaryLines } from '../../../src/features/reports/index.js'
import { startReport } from '../../../src/features/reports/fileReport.js'
import { handleReport } from '../../../src/features/reports/handleReport.js'
import { eraseMyInfo } from '../../../src/features/privacy/index.js'
import { buildWorkbook } from '../../../src/features/export/workbook.js'
import { coordinationText } from '../../../src/features/implementation/coordinationSummary.js'
import { testCtx } from '../../support/ctx.js'
import { testDatabase } from '../../support/db.js'

const TABLES = ['reports', 'report_supports', 'volunteers', 'points_accounts', 'points_ledger', 'points_items', 'points_redemptions']
const PERSON_COLUMNS = new Set(['person_id', 'by_person', 'taken_by', 'closed_by', 'handed_by', 'created_by'])

/** Every text and jsonb value, and every person column, of the reports and points tables. */
async function scan(db: Db): Promise<{ texts: string[]; personIds: number[] }> {
  const cols = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await db.execute(sql`select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name in ${TABLES}`),
  )
  const texts: string[] = []
  const personIds: number[] = []
  for (const c of cols) {
    const text = ['text', 'jsonb'].includes(c.data_type)
    if (!text && !PERSON_COLUMNS.has(c.column_name)) continue
    const values = rowsOf<{ v: string | number | null }>(await db.execute(sql`select ${sql.identifier(c.column_name)}${text ? sql`::text` : sql``} as v from ${sql.identifier(c.table_name)}`))
    for (const { v } of values) {
      if (v === null) continue
      if (text) texts.push(String(v))
      else personIds.push(Number(v))
    }
  }
  return { texts, personIds }
}

/**
 * The hooks the lead wires in after merging: erasure from reports and the ledger (checked by
 * scanning every column of these tables), the export's 报事 and 积分 sheets, and the coordination
 * summary's per-building lines. The use-cases run on a real Ctx without the router.
 */
describe('reports and points: erasure, export, summary', () => {
  let database: Database
  let db: Db
  const now = new Date('2026-12-01T10:00:00+08:00')
  let reporterId: number
  let gridId: number
  let communityId: number

  beforeAll(async () => {
    database = await testDatabase()
    db = database.db
    const reporter = await testCtx(db, { talker: '张阿姨', now })
    communityId = reporter.community!.id
    reporterId = reporter.person.id
    const b3 = await ensureBuilding(db, { communityId, number: 3, now })
    // 登记 3号楼 502: the door the erasure takes out of her words
    const home = await ensureHousehold(db, { communityId, buildingId: b3.id, unit: '502', now })
    await setHousehold(db, { personId: reporterId, householdId: home.id })
    const grid = await testCtx(db, { talker: '李四网格', now })
    gridId = grid.person.id
    await grantGridMember(db, { communityId, personId: gridId, buildingId: b3.id, grantedBy: gridId, now })
    await saveVolunteer(db, { communityId, personId: reporterId, buildingId: b3.id, boardName: '张阿姨', now })
    await startReport(reporter, '3号楼502门口张阿姨家旁边的垃圾桶满了')
    expect(reporter.said.at(-1)).toMatch(/^已记录 R1（垃圾 · 3号楼门口），已转给网格员李四网格。/)
    const handler = await testCtx(db, { talker: '李四网格', now: new Date(now.getTime() + 5 * 3_600_000) })
    await handleReport(handler, 'R1 已清理')
    expect(handler.said.at(-1)).toContain('张阿姨 得 5 积分')
    const item = await saveItem(db, { communityId, name: '洗衣液', cost: 5, stock: 3, active: true, personId: gridId, now })
    await db.transaction((tx) => redeemItem(tx, { communityId, personId: reporterId, item, byPerson: reporterId, now }))
  })
  afterAll(async () => database?.close())

  it('the export’s 报事 sheet: names for staff, never the door', async () => {
    const sheet = await reportSheet(db, { communityId, timeZone: 'Asia/Shanghai' })
    expect(sheet.name).toBe('报事')
    expect(sheet.columns).toHaveLength(sheet.rows[0]!.length)
    const [r1] = sheet.rows
    expect(r1!.slice(0, 10)).toEqual(['R1', '2026-12-01 10:00', '3号楼', '3号楼门口', '垃圾', '3号楼***门口张阿姨家旁边的垃圾桶满了', '已处理', '张阿姨', 0, '李四网格'])
    expect(r1![13]).toBe(5)
    expect(JSON.stringify(sheet.rows)).not.toContain('502')
  })

  it('the export’s 积分 sheet: every entry, who and by whom', async () => {
    const sheet = await ledgerSheet(db, { communityId, timeZone: 'Asia/Shanghai' })
    expect(sheet.name).toBe('积分')
    expect(sheet.rows.map((r) => [r[2], r[3], r[4], r[5], r[7]])).toEqual([
      ['张阿姨', 5, '报事', '报事 R1', '（自动）'],
      ['张阿姨', -5, '兑换', '兑换 洗衣液', '张阿姨'],
    ])
  })

  it('the coordination summary: per building, reported, closed, median time to close', async () => {
    const lines = await reportSummaryLines(db, { communityId, since: new Date('2026-11-30T00:00:00+08:00'), until: new Date('2026-12-07T00:00:00+08:00') })
    expect(lines).toEqual(['【随手拍报事】', '· 3号楼：报事 1 件，办结 1 件，用时中位 5小时'])
    expect(await reportSummaryLines(db, { communityId, since: new Date('2026-12-07T00:00:00+08:00'), until: new Date('2026-12-14T00:00:00+08:00') })).toEqual([])
    // and the staff group's bi-weekly summary carries them, even with no campaign work to report
    const body = await coordinationText(db, { communityId, now: new Date('2026-12-07T09:30:00+08:00'), timeZone: 'Asia/Shanghai' })
    expect(body).toContain('· 3号楼：报事 1 件，办结 1 件，用时中位 5小时')
  })

  it('导出 carries both sheets', async () => {
    const { buffer } = await buildWorkbook(db, { communityId, now, timeZone: 'Asia/Shanghai' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buffer as unknown as ArrayBuffer)
    expect(wb.getWorksheet('报事')!.getRow(2).getCell(1).value).toBe('R1')
    expect(wb.getWorksheet('积分')!.rowCount).toBe(3)
  })

  it('a report intake never throws on any words: it records, asks, or refuses in Chinese', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (s) => {
        await db
          .transaction(async (tx) => {
            const ctx = await testCtx(tx, { talker: '路人', now })
            try {
              await startReport(ctx, s)
            } catch (e) {
              if (!isAppError(e)) throw e
              ctx.said.push(e.message)
            }
            expect(ctx.said.join('')).toMatch(/\p{Script=Han}/u)
            throw new Rollback()
          })
          .catch((e) => {
            if (!(e instanceof Rollback)) throw e
          })
      }),
      { numRuns: 60 },
    )
  })

  it('erasure leaves nothing that names the person; the points stay as anonymous sums', async () => {
    const sumBefore = rowsOf<{ n: number }>(await db.execute(sql`select coalesce(sum(points), 0)::int as n from ${pointsLedger}`))[0]!.n
    // the scan sees the name and the person before
    const before = await scan(db)
    expect(before.texts.some((t) => t.includes('张阿姨'))).toBe(true)
    expect(before.personIds).toContain(reporterId)
    const ctx = await testCtx(db, { talker: '张阿姨', now })
    // 删除我的信息 itself calls eraseFromReports and eraseFromPoints
    await eraseMyInfo(ctx)
    const { texts, personIds } = await scan(db)
    expect(texts.filter((t) => t.includes('张阿姨'))).toEqual([])
    expect(texts.filter((t) => /(?<!\d)502(?!\d)/.test(t))).toEqual([])
    expect(personIds).not.toContain(reporterId)
    // the report itself stays, about the place; the grid member's name stays (he was not erased)
    const [r1] = await db.select().from(reports)
    expect(r1).toMatchObject({ status: 'handled', personId: null, takenBy: gridId })
    // the uncollected redemption was cancelled by an anonymous reversing entry: +5 back
    const sumAfter = rowsOf<{ n: number }>(await db.execute(sql`select coalesce(sum(points), 0)::int as n from ${pointsLedger}`))[0]!.n
    expect(sumAfter).toBe(sumBefore + 5)
    const stock = rowsOf<{ stock: number }>(await db.execute(sql`select stock from points_items`))[0]!.stock
    expect(stock).toBe(3)
  })
})

class Rollback extends Error {}
