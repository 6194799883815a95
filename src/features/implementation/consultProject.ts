import { addConsultation } from '../../db/deliberation.js'
import { ensurePartner, findPartner } from '../../db/partners.js'
import { projectsWithMembers } from '../../db/pool.js'
import { projectCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import { parseConsultation } from '../../domain/implementation/consultation.js'
import { chinesePunctuation, cleanText } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { asWritten } from '../../kit/understand/index.js'
import { mayActFor, partnerActor } from './partnerAccess.js'
import { consultText as t, showText } from './text.js'

/**
 * 商议 P3 绿化所：可以做，预算3万 — a department's consultation on a proposal (三议's 商议), by its
 * liaison or staff: kept on the record, shown in 进度 P3 and in the export.
 */
export async function consultProject(ctx: Ctx, args: string): Promise<void> {
  const actor = await partnerActor(ctx)
  const communityId = actor.community.id
  const parsed = parseConsultation(args)
  if (!parsed.ok) throw new AppError('BAD_INPUT', t.refusal(parsed.reason))
  const { project: id, partner: name } = parsed.value
  const [m] = await projectsWithMembers(ctx.db, { communityId, ids: [id] })
  if (!m) throw new AppError('NOT_FOUND', showText.noProject(id))
  // a liaison speaks for their own department only
  if (actor.liaisonOf) mayActFor(actor, (await findPartner(ctx.db, { communityId, name }))?.id, t.notYours(name))
  const partner = await ensurePartner(ctx.db, { communityId, name, now: ctx.now })
  const words = cleanText(asWritten({ written: ctx.msg.text, simplified: ctx.msg.simplified ?? ctx.msg.text }, chinesePunctuation(parsed.value.words)))
  await addConsultation(ctx.db, { communityId, projectId: id, partnerId: partner.id, words, byPerson: ctx.person.id, at: ctx.now })
  await ctx.reply(t.recorded({ code: projectCode(id), name: m.project.name, partner: partner.name }))
}
