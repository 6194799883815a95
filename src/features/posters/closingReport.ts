import type { Poster, PosterBlock } from '../../domain/posters/layout.js'
import type { ClosingReport } from '../../domain/report/closing.js'
import { staffCommunity } from '../../kit/access.js'
import type { Ctx } from '../../kit/context.js'
import { closingFigures } from './closingFigures.js'
import { posterFooter, sendPoster } from './sendPoster.js'
import { posterText } from './text.js'

const t = posterText.closing
const MAX_DURATIONS = 10

/** The closing report as a one-page poster: participation per building, stages, time to completion. */
export function closingPoster(p: { campaign: string | null; report: ClosingReport; footer: string }): Poster {
  const { report } = p
  const { rows, total } = report.participation
  const c = t.participationColumns
  const line = (r: (typeof rows)[number], label: string) => [label, String(r.registered), String(r.suggested), String(r.voted), String(r.rated), t.satisfaction(r.satisfaction)]
  const blocks: PosterBlock[] = [
    { kind: 'heading', text: t.participation },
    {
      kind: 'table',
      columns: [
        { header: c.building, share: 1.6 },
        ...[c.registered, c.suggested, c.voted, c.rated, c.satisfaction].map((header) => ({ header, share: 1, align: 'right' as const })),
      ],
      rows: [...rows.map((r) => line(r, t.building(r.building))), line(total, t.total)],
    },
    { kind: 'heading', text: t.stages },
    {
      kind: 'table',
      columns: [{ header: t.stageColumns.stage, share: 3 }, { header: t.stageColumns.count, share: 1, align: 'right' }],
      rows: report.stages.map((s) => [t.stageLabel(s.stage), String(s.count)]),
    },
    { kind: 'heading', text: t.durations },
    { kind: 'paragraph', text: t.durationSummary({ finished: report.durations.length, median: report.medianDays, mean: report.meanDays }) },
  ]
  if (report.durations.length) {
    blocks.push({
      kind: 'table',
      columns: [{ header: t.durationColumns.project, share: 3 }, { header: t.durationColumns.days, share: 1, align: 'right' }],
      rows: report.durations.slice(0, MAX_DURATIONS).map((d) => [posterText.round.project(d.project, d.name), t.days(d.days)]),
    })
  }
  const projects = report.stages.reduce((n, s) => n + s.count, 0)
  return { title: t.title(p.campaign), subtitle: t.subtitle({ projects, suggestions: total.suggested }), blocks, footer: p.footer, overflow: posterText.overflow }
}

/** 结项报告 — the current campaign's evaluation indices as a PDF and a PNG, sent to the staff group. */
export async function sendClosingReport(ctx: Ctx): Promise<void> {
  const community = staffCommunity(ctx)
  const { campaign, report } = await closingFigures(ctx.db, { communityId: community.id })
  const poster = closingPoster({ campaign: campaign?.name ?? null, report, footer: posterFooter(ctx) })
  await sendPoster(ctx, { poster, what: t.what, file: t.file })
}

type Cell = string | number | null

/** The closing report as rows of the export's sheet (类别, 对象, 指标, 数值): one number a row. */
export function closingRows(report: ClosingReport): Cell[][] {
  const s = t.sheet
  const m = s.measures
  const out: Cell[][] = []
  const { rows, total } = report.participation
  for (const [r, label] of [...rows.map((x) => [x, t.building(x.building)] as const), [total, t.total] as const]) {
    for (const k of ['registered', 'confirmed', 'suggested', 'voted', 'rated', 'satisfaction'] as const) out.push([s.sections.participation, label, m[k], r[k]])
  }
  for (const x of report.stages) out.push([s.sections.stage, t.stageLabel(x.stage), m.projects, x.count])
  for (const d of report.durations) out.push([s.sections.duration, posterText.round.project(d.project, d.name), m.days, d.days])
  out.push([s.sections.duration, s.all, m.finished, report.durations.length])
  out.push([s.sections.duration, s.all, m.median, report.medianDays])
  out.push([s.sections.duration, s.all, m.mean, report.meanDays])
  return out
}
