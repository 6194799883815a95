import { getSuggestion } from '../db/suggestions.js'
import { projectHistory, projectsWithMembers } from '../db/pool.js'
import { buildingLabel } from '../domain/address.js'
import { parseCodes, projectCode } from '../domain/codes.js'
import { AppError } from '../domain/errors.js'
import type { Ctx } from '../kit/context.js'
import { staffCommunity } from '../kit/access.js'
import { suggestionCode } from './submitSuggestion.js'
import { projectStatuses } from './projectStatus.js'
import { STAGE_LABEL } from '../domain/implementation/acceptance.js'
import { cut } from '../domain/text.js'

type Member = Awaited<ReturnType<typeof projectsWithMembers>>[number]

const summary = (m: Member) =>
  `${projectCode(m.project.id)}「${m.project.name}」：${m.suggestions.length} 条建议，${m.supporters} 人提到${m.buildings.length ? `（${m.buildings.map(buildingLabel).join('、')}）` : ''}`

/** 进度 / 进度 P3 / 进度 J12 — where a project stands, or the path of a suggestion. */
export async function showProgress(ctx: Ctx, args: string): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', '请在您楼栋的群里 @我 问进度。')
  const communityId = ctx.community.id
  const statusOf = async (members: Member[]) =>
    projectStatuses(ctx.db, { communityId, projects: members.map((m) => m.project), now: ctx.now, timeZone: ctx.config.timeZone })
  const { j, p } = parseCodes(args)
  if (j.length) {
    const s = await getSuggestion(ctx.db, { id: j[0]!, communityId })
    if (!s) throw new AppError('NOT_FOUND', `没有建议 J${j[0]}。说「我的建议」可查编号。`)
    const head = `${suggestionCode(s.id)}「${cut(s.problem, 20)}」`
    if (s.status === 'withdrawn') return ctx.reply(`${head}已撤回。`)
    if (s.projectId === null) return ctx.reply(`${head}已记录，等居委和议事会汇总进项目库。`)
    const [m] = await projectsWithMembers(ctx.db, { communityId, ids: [s.projectId] })
    const st = (await statusOf([m!])).get(m!.project.id)!
    // the path: J → P → rank → assignee → %
    const path = [head, `已并入 ${summary(m!)}`, st.rank, st.partner ? `${st.partner}承办` : null].filter(Boolean)
    return ctx.reply(`${path.join(' → ')}\n现在：${st.stage}。`)
  }
  if (p.length) {
    const [m] = await projectsWithMembers(ctx.db, { communityId, ids: [p[0]!] })
    if (!m) throw new AppError('NOT_FOUND', `没有项目 P${p[0]}。说「进度」可看全部项目。`)
    const st = (await statusOf([m])).get(m.project.id)!
    return ctx.reply(`${summary(m)}\n含：${m.suggestions.map((x) => `${suggestionCode(x.id)} ${cut(x.problem, 16)}`).join('；')}\n现在：${st.stage}。`)
  }
  const all = (await projectsWithMembers(ctx.db, { communityId })).filter((m) => m.suggestions.length > 0)
  if (!all.length) return ctx.reply('项目库里还没有项目。建议汇总成项目后，这里能看到进展。')
  const statuses = await statusOf(all)
  const line = (m: Member) => {
    const st = statuses.get(m.project.id)!
    const where = m.project.stage === 'pool' ? (st.rank ?? '项目库') : `${STAGE_LABEL[m.project.stage] ?? ''} ${m.project.percent}%${st.partner ? ` ${st.partner}` : ''}`
    return `· ${projectCode(m.project.id)}「${m.project.name}」${where}`
  }
  await ctx.reply(['项目进展：', ...all.slice(0, 20).map(line), '问某一项说「进度 P3」，问自己的建议说「进度 J12」。'].join('\n'))
}

/** 项目历史 P3 — every merge, split and rename of a project, for staff. */
export async function showPoolHistory(ctx: Ctx, args: string): Promise<void> {
  const community = staffCommunity(ctx)
  const { p } = parseCodes(args)
  if (p.length !== 1) throw new AppError('BAD_INPUT', '请写项目编号，例如「项目历史 P3」。')
  const events = await projectHistory(ctx.db, { projectId: p[0]! })
  const [m] = await projectsWithMembers(ctx.db, { communityId: community.id, ids: [p[0]!] })
  if (!m) throw new AppError('NOT_FOUND', `没有项目 P${p[0]}。`)
  const verb = { create: '建立，含', add: '并入', remove: '拆出', rename: '改名' } as Record<string, string>
  const lines = events.map((e) => {
    const what = e.kind === 'rename' ? `「${e.oldName}」→「${e.newName}」` : e.suggestionIds.map(suggestionCode).join('、')
    return `· ${verb[e.kind] ?? e.kind} ${what}${e.undoneAt ? '（已撤销）' : ''}`
  })
  await ctx.reply([summary(m), ...lines].join('\n'))
}
