import { councilRooms, lockLatestDraw, poolOf, staffRooms, updateDraw } from '../../db/council.js'
import { buildingGroups, saveFile } from '../../db/notices.js'
import { grantRole } from '../../db/roles.js'
import { namesByBuilding, splitLotteryId } from '../../domain/council/pool.js'
import { AppError } from '../../domain/errors.js'
import { performDraw, type Commitment, type DrawFile } from '../../domain/sortition/index.js'
import { wallTime } from '../../domain/time.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import type { Ctx } from '../../kit/context.js'
import { staffCommunity } from '../../kit/access.js'
import { VERIFY_HINT } from './publishLottery.js'
import type { Computed } from './setCouncilQuotas.js'

const ALTERNATES_SHOWN = 5

/**
 * 开奖 527 — the public number picks the panel: published to every building group (and the
 * council group), members get the 'council' role, the staff group gets the draw file.
 */
export async function drawCouncil(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const draw = await lockLatestDraw(ctx.db, { communityId: community.id })
  if (!draw || (draw.status !== 'published' && draw.status !== 'drawn')) {
    throw new AppError('CONFLICT', '还没有公布抽签办法：先「公布抽签 福彩3D 12月5日」，开奖后再说「开奖 527」。')
  }
  if (draw.status === 'drawn') {
    const f = draw.file as unknown as DrawFile
    throw new AppError('CONFLICT', `已经开过奖了：「${f.publicSource}」号码 ${f.publicNumber}，抽中第 ${f.chosenIndex} 号名单。同一号码结果不变，不能再开。`)
  }
  if (!args.trim()) throw new AppError('BAD_INPUT', `请写开奖号码，例如「开奖 527」（「${draw.publicSource}」的号码）。`)
  const result = performDraw(draw.file as unknown as Commitment, args)
  if (!result.ok) throw new AppError('BAD_INPUT', result.reason)
  const file = result.file
  await updateDraw(ctx.db, { id: draw.id, patch: { status: 'drawn', file: file as unknown as Record<string, unknown>, publicNumber: file.publicNumber, drawnAt: ctx.now } })

  // the drawn become council members
  const computed = draw.computed as unknown as Computed
  const byId = new Map((await poolOf(ctx.db, { drawId: draw.id })).map((c) => [c.id, c]))
  for (const lotteryId of file.panel) {
    const personId = byId.get(computed.ids[lotteryId]!)?.personId
    if (personId) await grantRole(ctx.db, { communityId: community.id, personId, role: 'council', buildingId: null, grantedBy: ctx.person.id, now: ctx.now })
  }

  const alternates = file.alternates.slice(0, ALTERNATES_SHOWN).map((id) => {
    const { name, building } = splitLotteryId(id)
    return `${name} ${building}`
  })
  const body = [
    '【议事会抽签结果】',
    `「${file.publicSource}」开奖号码 ${file.publicNumber} → 抽中第 ${file.chosenIndex} 号名单（共 ${file.panels.length} 份）。`,
    `议事员（${file.panel.length} 人）：`,
    ...namesByBuilding(file.panel),
    ...(alternates.length ? [`候补（依次递补）：${alternates.join('、')}`] : []),
    `抽签文件已交居委，${VERIFY_HINT}。`,
  ].join('\n')
  const groups = await buildingGroups(ctx.db, { communityId: community.id })
  const council = await councilRooms(ctx.db, { communityId: community.id })
  for (const roomId of [...groups.flatMap((b) => b.roomIds), ...council.map((r) => r.id)]) {
    await enqueueMessage(ctx.db, { key: `council:${draw.id}:drawn:room:${roomId}`, body, roomId, communityId: community.id, now: ctx.now, priority: 'background' })
  }

  const day = wallTime(ctx.now, ctx.config.timeZone)
  const name = `抽签-${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}.json`
  const staff = await staffRooms(ctx.db, { communityId: community.id })
  const fileId = await saveFile(ctx.db, { name, mediaType: 'application/json', base64: Buffer.from(`${JSON.stringify(file, null, 1)}\n`, 'utf8').toString('base64'), now: ctx.now })
  await ctx.reply(
    [
      `已开奖：号码 ${file.publicNumber}，第 ${file.chosenIndex} 号名单，${file.panel.length} 位议事员，结果已发往各楼群。`,
      ...namesByBuilding(file.panel),
      `抽签文件「${name}」${staff.length ? '已发到工作群' : '已私聊发您'}；核对：npm run verify-draw -- ${name}（应显示「一致」）。`,
    ].join('\n'),
  )
  // the file after the reply that explains it
  const targets = staff.length ? staff.map((r) => ({ roomId: r.id, personId: null })) : [{ roomId: null, personId: ctx.person.id }]
  for (const t of targets) {
    await enqueueMessage(ctx.db, { key: `council:${draw.id}:file:${t.roomId ?? `p${t.personId}`}`, body: `[文件] ${name}`, kind: 'file', fileId, ...t, communityId: community.id, now: ctx.now })
  }
}
