import { councilRooms, lockLatestDraw, poolOf, staffRooms, updateDraw } from '../../db/council.js'
import { buildingGroups, saveFile } from '../../db/notices.js'
import { grantRole } from '../../db/roles.js'
import { AppError } from '../../domain/errors.js'
import { performDraw } from '../../domain/sortition/index.js'
import { wallTime } from '../../domain/time/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { commitmentOf, drawFileOf, publishedComputed } from './stored.js'
import { councilText } from './text.js'

const t = councilText.draw
const ALTERNATES_SHOWN = 5

/**
 * 开奖 527 — the public number picks the panel: published to every building group (and the
 * council group), members get the 'council' role, the staff group gets the draw file.
 */
export async function drawCouncil(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const draw = await lockLatestDraw(ctx.db, { communityId: community.id })
  if (!draw || (draw.status !== 'published' && draw.status !== 'drawn')) throw new AppError('CONFLICT', t.notPublished)
  if (draw.status === 'drawn') throw new AppError('CONFLICT', t.already(drawFileOf(draw)))
  if (!args.trim()) throw new AppError('BAD_INPUT', t.noNumber(draw.publicSource))
  const result = performDraw(commitmentOf(draw), args)
  if (!result.ok) throw new AppError('BAD_INPUT', result.reason)
  const file = result.file
  await updateDraw(ctx.db, { communityId: draw.communityId, id: draw.id, patch: { status: 'drawn', file, publicNumber: file.publicNumber, drawnAt: ctx.now } })

  // the drawn become council members
  const { ids } = publishedComputed(draw)
  const byId = new Map((await poolOf(ctx.db, { communityId: draw.communityId, drawId: draw.id })).map((c) => [c.id, c]))
  for (const lotteryId of file.panel) {
    const personId = byId.get(ids[lotteryId]!)?.personId
    if (personId) await grantRole(ctx.db, { communityId: community.id, personId, role: 'council', buildingId: null, grantedBy: ctx.person.id, now: ctx.now })
  }

  const body = t.post(file, file.alternates.slice(0, ALTERNATES_SHOWN))
  const groups = await buildingGroups(ctx.db, { communityId: community.id })
  const council = await councilRooms(ctx.db, { communityId: community.id })
  for (const roomId of [...groups.flatMap((b) => b.roomIds), ...council.map((r) => r.id)]) {
    await enqueueMessage(ctx.db, { key: `council:${draw.id}:drawn:room:${roomId}`, body, roomId, communityId: community.id, now: ctx.now, priority: 'background' })
  }

  const name = t.fileName(wallTime(ctx.now, ctx.config.timeZone))
  const staff = await staffRooms(ctx.db, { communityId: community.id })
  const fileId = await saveFile(ctx.db, { communityId: community.id, name, mediaType: 'application/json', base64: Buffer.from(`${JSON.stringify(file, null, 1)}\n`, 'utf8').toString('base64'), now: ctx.now })
  await ctx.reply(t.done(file, { name, toStaff: staff.length > 0 }))
  // the file after the reply that explains it
  const targets = staff.length ? staff.map((r) => ({ roomId: r.id, personId: null })) : [{ roomId: null, personId: ctx.person.id }]
  for (const target of targets) {
    await enqueueMessage(ctx.db, { key: `council:${draw.id}:file:${target.roomId ?? `p${target.personId}`}`, body: t.fileBody(name), kind: 'file', fileId, ...target, communityId: community.id, now: ctx.now })
  }
}
