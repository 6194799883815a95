import { getPerson } from '../../db/people.js'
import type { Category } from '../../domain/suggestions/understand.js'
import type { Ctx } from '../../kit/context.js'
// the suggestions use-case through its current export (re-pointed when suggestions become a feature)
import { recordSuggestion, suggestionCode } from '../suggestions/index.js'
import { awardReportPoints } from '../points/index.js'
import { reportFor } from './access.js'
import { closeReport } from './closeReport.js'
import { tellReporters } from './notify.js'
import { maskDoors, reportCode } from './parse.js'
import { act, reportText as t } from './text.js'

export { suggestionCode }

/**
 * 转建议 R12 — a report that needs real renewal becomes a suggestion of the current campaign,
 * with the reporter as its submitter (and its photos); the reporter is told the J-id.
 */
export async function reportToSuggestion(ctx: Ctx, args: string): Promise<void> {
  const { actor, report } = await reportFor(ctx, args, { what: act.suggest, example: t.examples.suggest })
  const code = reportCode(report.id)
  const suggestion = await recordSuggestion(ctx.db, {
    communityId: actor.communityId,
    personId: report.personId,
    proxiedBy: null,
    roomId: report.roomId,
    draft: {
      problem: report.problem,
      building: report.building,
      place: report.place,
      placeKind: report.placeKind,
      category: report.category as Category,
      fileIds: [...report.fileIds],
    },
    now: ctx.now,
  })
  await closeReport(ctx, report, { status: 'suggested', outcome: null, suggestionId: suggestion.id })
  const earned = await awardReportPoints(ctx.db, {
    communityId: actor.communityId,
    personId: report.personId,
    reportId: report.id,
    reportCode: code,
    now: ctx.now,
    timeZone: ctx.config.timeZone,
    dailyCap: ctx.config.points.dailyCap,
  })
  await tellReporters(ctx.db, {
    communityId: actor.communityId,
    reportId: report.id,
    key: `report:${report.id}:suggested`,
    body: t.tellSuggested({ code, problem: maskDoors(report.problem), suggestion: suggestionCode(suggestion.id) }),
    now: ctx.now,
  })
  const reporter = report.personId !== null ? await getPerson(ctx.db, { id: report.personId }) : undefined
  await ctx.reply(
    t.suggested({ code, suggestion: suggestionCode(suggestion.id), reporter: reporter?.name ?? null, points: reporter && earned?.awarded ? { name: reporter.name, points: earned.awarded } : null }),
  )
}
