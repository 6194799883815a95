import type { FilePayload } from '../../chat/types.js'
import type { Config } from '../../config.js'
import { currentCampaign } from '../../db/campaigns.js'
import type { Db } from '../../db/client.js'
import { addNoticeBuildings, buildingGroups, createNotice, saveFile, type Notice } from '../../db/notices.js'
import { AppError } from '../../domain/errors.js'
import { splitLongText } from '../../domain/splitText.js'
import type { Targets } from '../../domain/targets.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { publishText as t, renderNotice } from './text.js'

export type NoticeKind = 'letter' | 'notice'

export interface NoticeDraft {
  kind: NoticeKind
  title: string
  body: string
  file: FilePayload | null
  targets: Targets
  /** ISO time; with `immediate` it is replaced by the moment of 确认 */
  at: string
  immediate: boolean
}

export interface NoticePlan {
  buildings: { buildingId: number; number: number; roomIds: number[] }[]
  /** listed buildings that have no group the bot is in */
  missing: number[]
  groups: number
}

/** Which groups a notice for these targets reaches. */
export async function planNotice(db: Db, p: { communityId: number; targets: Targets }): Promise<NoticePlan> {
  const all = await buildingGroups(db, { communityId: p.communityId })
  if (p.targets === 'all') return { buildings: all, missing: [], groups: all.reduce((n, b) => n + b.roomIds.length, 0) }
  const wanted = new Set(p.targets)
  const buildings = all.filter((b) => wanted.has(b.number))
  const missing = p.targets.filter((n) => !buildings.some((b) => b.number === n))
  return { buildings, missing, groups: buildings.reduce((n, b) => n + b.roomIds.length, 0) }
}

/**
 * Records the notice and puts every part for every group in the outbox, due at its time:
 * the letter's parts, then its picture, group after group. Heads are asked to confirm.
 */
export async function publishNotice(
  db: Db,
  p: { communityId: number; personId: number; draft: NoticeDraft; now: Date; config: Config },
): Promise<{ notice: Notice; plan: NoticePlan }> {
  const { draft } = p
  const plan = await planNotice(db, { communityId: p.communityId, targets: draft.targets })
  if (plan.missing.length) throw new AppError('NOT_FOUND', t.unboundBuildings(plan.missing))
  if (plan.groups === 0) throw new AppError('NOT_FOUND', t.noGroups)
  const sendAt = draft.immediate ? p.now : new Date(draft.at)
  const campaign = await currentCampaign(db, { communityId: p.communityId })
  const fileId = draft.file ? await saveFile(db, { ...draft.file, communityId: p.communityId, now: p.now }) : null
  const notice = await createNotice(db, {
    communityId: p.communityId,
    campaignId: campaign?.id ?? null,
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    fileId,
    buildingNumbers: draft.targets === 'all' ? null : draft.targets,
    sendAt,
    createdBy: p.personId,
    createdAt: p.now,
  })
  await addNoticeBuildings(db, {
    noticeId: notice.id,
    communityId: p.communityId,
    targets: plan.buildings.map((b) => ({ buildingId: b.buildingId, groups: b.roomIds.length })),
  })

  const parts = splitLongText(renderNotice({ ...draft, id: notice.id }))
  for (const b of plan.buildings) {
    for (const roomId of b.roomIds) {
      const key = `notice:${notice.id}:room:${roomId}`
      for (const [i, body] of parts.entries()) {
        await enqueueMessage(db, {
          key: `${key}#${i + 1}`,
          body,
          // the group announcement (群公告) reaches everyone; the puppet may not allow it
          kind: i === 0 && p.config.announce ? 'announce' : 'text',
          roomId,
          communityId: p.communityId,
          now: p.now,
          notBefore: sendAt,
          priority: 'background',
        })
      }
      if (fileId !== null) {
        await enqueueMessage(db, {
          key: `${key}:photo`,
          body: t.photo(notice.id),
          kind: 'file',
          fileId,
          roomId,
          communityId: p.communityId,
          now: p.now,
          notBefore: sendAt,
          priority: 'background',
        })
      }
    }
  }
  return { notice, plan }
}
