import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import { staffRoomOf } from '../../db/rooms.js'
import { roomsPerAccount, streetCommunities } from '../../db/street.js'
import { leastSpanMs } from '../../domain/pacing.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { planNotice, publishNotice } from '../notices/index.js'
import { streetText as t } from './text.js'

export interface StreetNoticeSent {
  communities: number
  groups: number
  /** groups per bot account: each account sends its share at once */
  shares: { account: string; rooms: number }[]
  /** the least time the busiest account needs under its limits */
  leastMs: number
}

/**
 * A street notice: a notice of every community (its G-code, its heads asked to forward it, as the
 * community's own notices) to all its building groups, the staff group told. Each group's row names
 * the account in that group, so every account sends its share at once: the whole takes about the
 * busiest account's least time.
 */
export async function sendStreetNotice(db: Db, p: { body: string; personId: number; now: Date; config: Config }): Promise<StreetNoticeSent> {
  const roomIds: number[] = []
  let communities = 0
  for (const c of await streetCommunities(db)) {
    const plan = await planNotice(db, { communityId: c.id, targets: 'all' })
    if (!plan.groups) continue
    const draft = { kind: 'notice' as const, title: t.noticeTitle, body: p.body, file: null, targets: 'all' as const, at: p.now.toISOString(), immediate: true }
    const { notice } = await publishNotice(db, { communityId: c.id, personId: p.personId, draft, now: p.now, config: p.config })
    communities++
    roomIds.push(...plan.buildings.flatMap((b) => b.roomIds))
    const staff = await staffRoomOf(db, { communityId: c.id })
    if (staff?.present) {
      roomIds.push(staff.id)
      await enqueueMessage(db, { key: `street-notice:${notice.id}:staff`, body: t.noticeToStaff({ id: notice.id, body: p.body }), roomId: staff.id, communityId: c.id, now: p.now, priority: 'background' })
    }
  }
  if (!communities) throw new AppError('NOT_FOUND', t.noticeNoGroups)
  const shares = await roomsPerAccount(db, { roomIds })
  const leastMs = leastSpanMs(Math.max(...shares.map((s) => s.rooms)), p.config.send)
  return { communities, groups: roomIds.length, shares, leastMs }
}

/** 街道通知 <内容> */
export async function postStreetNotice(ctx: Ctx, args: string): Promise<void> {
  const body = args.trim()
  if (!body) throw new AppError('BAD_INPUT', t.noticeMissing)
  const sent = await sendStreetNotice(ctx.db, { body, personId: ctx.person.id, now: ctx.now, config: ctx.config })
  await ctx.reply(t.noticeSent({ communities: sent.communities, groups: sent.groups, accounts: sent.shares.length, minutes: Math.ceil(sent.leastMs / 60_000) }))
}
