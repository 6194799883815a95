import type { Db } from '../../db/client.js'
import { gridMembersOfBuilding, type Report } from '../../db/reports.js'
import { staffRoomOf } from '../../db/rooms.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { sendPhoto, type Targets } from './notify.js'
import { maskDoors, reportCode } from './parse.js'
import { reportText as t } from './text.js'

/**
 * A new report goes privately to its building's grid members, or to the staff group when the
 * building has none (or it has no building), with its photos. The staff group is a group: the
 * door numbers in the words are masked there.
 */
export async function routeReport(
  db: Db,
  p: { report: Report; building: number | null; reporter: string; where: string; now: Date },
): Promise<{ targets: Targets; gridNames: string[] }> {
  const { report } = p
  const code = reportCode(report.id)
  const grid = report.buildingId !== null ? await gridMembersOfBuilding(db, { communityId: report.communityId, buildingId: report.buildingId }) : []
  const staff = grid.length ? undefined : await staffRoomOf(db, { communityId: report.communityId })
  const targets: Targets = { rooms: staff?.present ? [staff.id] : [], people: grid.map((g) => g.personId) }
  const body = (toStaff: boolean) =>
    t.route({
      code,
      building: p.building,
      category: report.category,
      problem: toStaff ? maskDoors(report.problem) : report.problem,
      reporter: p.reporter,
      where: p.where,
      staff: toStaff,
      photos: report.fileIds.length,
    })
  for (const personId of targets.people) {
    await enqueueMessage(db, { key: `report:${report.id}:route:person:${personId}`, body: body(false), personId, communityId: report.communityId, now: p.now })
  }
  for (const roomId of targets.rooms) {
    await enqueueMessage(db, { key: `report:${report.id}:route:room:${roomId}`, body: body(true), roomId, communityId: report.communityId, now: p.now })
  }
  for (const fileId of report.fileIds) {
    await sendPhoto(db, { communityId: report.communityId, key: `report:${report.id}:photo:${fileId}`, fileId, caption: t.photoCaption(code), targets, now: p.now, priority: 'reply' })
  }
  return { targets, gridNames: grid.map((g) => g.name) }
}
