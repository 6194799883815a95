import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from './client.js'
import { files, progressUpdates } from './schema.js'

// Read-only queries for the printable posters (公示). Who reported progress is never selected.

/** A project's progress reports, newest first. */
export async function progressHistory(db: Db, p: { communityId: number; projectId: number; limit: number }) {
  return db
    .select({ at: progressUpdates.at, percent: progressUpdates.percent, note: progressUpdates.note, fileIds: progressUpdates.fileIds })
    .from(progressUpdates)
    .where(and(eq(progressUpdates.communityId, p.communityId), eq(progressUpdates.projectId, p.projectId)))
    .orderBy(desc(progressUpdates.at), desc(progressUpdates.id))
    .limit(p.limit)
}

/** Stored pictures by id, in the order asked. */
export async function filesByIds(db: Db, p: { communityId: number; ids: number[] }) {
  if (!p.ids.length) return []
  const rows = await db
    .select({ id: files.id, mediaType: files.mediaType, base64: files.base64 })
    .from(files)
    .where(and(eq(files.communityId, p.communityId), inArray(files.id, p.ids)))
  return p.ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is (typeof rows)[number] => r !== undefined)
}
