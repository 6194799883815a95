import { consultationsOf } from '../../db/deliberation.js'
import { projectsWithMembers } from '../../db/pool.js'
import { getSuggestion } from '../../db/suggestions.js'
import { parseCodes, projectCode } from '../../domain/codes.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { suggestionCode } from '../suggestions/index.js'
import { projectStatuses } from './projectStatus.js'
import { formatDay, projectSummary, showText as t } from './text.js'

export type Member = Awaited<ReturnType<typeof projectsWithMembers>>[number]

/** P3「name」：2 条建议，3 人提到（3号楼） */
export const summaryOf = (m: Member) =>
  projectSummary({ code: projectCode(m.project.id), name: m.project.name, suggestions: m.suggestions.length, supporters: m.supporters, buildings: m.buildings })

/** 进度 / 进度 P3 / 进度 J12 — where a project stands, or the path of a suggestion. */
export async function showProgress(ctx: Ctx, args: string): Promise<void> {
  // anywhere: in a private chat the community may not be known
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.noCommunity)
  const communityId = ctx.community.id
  const statusOf = async (members: Member[]) =>
    projectStatuses(ctx.db, { communityId, projects: members.map((m) => m.project), now: ctx.now, timeZone: ctx.config.timeZone })
  const { j, p } = parseCodes(args)
  if (j.length) {
    const s = await getSuggestion(ctx.db, { id: j[0]!, communityId })
    if (!s) throw new AppError('NOT_FOUND', t.noSuggestion(j[0]!))
    const head = t.suggestion(suggestionCode(s.id), s.problem)
    if (s.status === 'withdrawn') return ctx.reply(t.withdrawn(head))
    if (s.projectId === null) return ctx.reply(t.unpooled(head))
    const [m] = await projectsWithMembers(ctx.db, { communityId, ids: [s.projectId] })
    const st = (await statusOf([m!])).get(m!.project.id)!
    return ctx.reply(t.path({ head, summary: summaryOf(m!), ...st }))
  }
  if (p.length) {
    const [m] = await projectsWithMembers(ctx.db, { communityId, ids: [p[0]!] })
    if (!m) throw new AppError('NOT_FOUND', t.noProject(p[0]!))
    const st = (await statusOf([m])).get(m.project.id)!
    const suggestions = m.suggestions.map((x) => ({ code: suggestionCode(x.id), problem: x.problem }))
    const consulted = (await consultationsOf(ctx.db, { communityId, projectIds: [m.project.id] })).map((c) => ({ partner: c.partner, words: c.words, day: formatDay(c.at, ctx.config.timeZone, ctx.now) }))
    return ctx.reply(t.project({ summary: summaryOf(m), suggestions, stage: st.stage, consulted }))
  }
  const all = (await projectsWithMembers(ctx.db, { communityId })).filter((m) => m.suggestions.length > 0)
  if (!all.length) return ctx.reply(t.empty)
  const statuses = await statusOf(all)
  const line = ({ project }: Member) => {
    const st = statuses.get(project.id)!
    return t.line({ code: projectCode(project.id), name: project.name, stage: project.stage, rank: st.rank, percent: project.percent, partner: st.partner })
  }
  await ctx.reply(t.list(all.slice(0, 20).map(line)))
}
