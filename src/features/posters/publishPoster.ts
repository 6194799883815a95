import { projectsWithMembers } from '../../db/pool.js'
import { getRound } from '../../db/rounds.js'
import { AppError } from '../../domain/errors.js'
import { parsePosterTarget } from '../../domain/posters/target.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { projectPoster } from './projectPoster.js'
import { roundPoster } from './roundPoster.js'
import { posterFooter, sendPoster } from './sendPoster.js'
import { posterText as t } from './text.js'

/** 公示 T1 / 公示 P3 — the printable poster of a closed round, or of a project's implementation. */
export async function publishPoster(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const parsed = parsePosterTarget(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', t.reason(parsed.reason))
  const target = parsed.value
  const common = { footer: posterFooter(ctx), timeZone: ctx.config.timeZone, now: ctx.now }
  if (target.kind === 'round') {
    const round = await getRound(ctx.db, { id: target.id, communityId: community.id })
    if (!round) throw new AppError('NOT_FOUND', t.noRound(target.id))
    // like 结果: nothing that ranks before the deadline
    if (round.status !== 'closed') throw new AppError('CONFLICT', t.roundOpen(target.id))
    const poster = await roundPoster(ctx.db, { round, ...common })
    await sendPoster(ctx, { poster, what: t.round.what(round.id), file: t.round.file(round.id) })
    return
  }
  const [member] = await projectsWithMembers(ctx.db, { communityId: community.id, ids: [target.id] })
  if (!member) throw new AppError('NOT_FOUND', t.noProject(target.id))
  const { poster, photos } = await projectPoster(ctx.db, { member, ...common })
  await sendPoster(ctx, { poster, photos, what: t.project.what(target.id), file: t.project.file(target.id) })
}
