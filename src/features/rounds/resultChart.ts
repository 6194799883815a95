import type { Db } from '../../db/client.js'
import { saveFile } from '../../db/notices.js'
import { ballotsOf, type Round } from '../../db/rounds.js'
import { rankingChartSvg } from '../../domain/rounds/chartSvg.js'
import { formatClock } from '../../domain/time/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { findCjkFont, renderPng } from './renderChart.js'
import { residentTally } from './results.js'
import { roundText as t } from './text.js'

const FONT_FAMILY = 'Noto Sans Hans, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif'

/** The residents' ranking as a PNG chart (null without a CJK font, or for other kinds of round). */
export async function resultChart(db: Db, p: { round: Round; timeZone: string; fontFile?: string }): Promise<Buffer | null> {
  const font = findCjkFont(p.fontFile)
  if (!font || p.round.kind !== 'resident') return null
  const cast = await ballotsOf(db, { communityId: p.round.communityId, roundId: p.round.id })
  const { ranking, voters, names } = await residentTally(db, p.round, cast)
  const closed = formatClock(p.round.closedAt ?? p.round.closesAt, p.timeZone)
  const svg = rankingChartSvg({ ...t.chart({ round: p.round.id, per: p.round.per, voters, closed }), ranking, names, fontFamily: FONT_FAMILY })
  return renderPng(svg, [font]).png
}

/** Saves the chart and puts it in the outbox for the given rooms. */
export async function postChart(db: Db, p: { round: Round; png: Buffer; roomIds: number[]; key: string; now: Date }): Promise<void> {
  const fileId = await saveFile(db, { communityId: p.round.communityId, name: t.chartFile(p.round.id), mediaType: 'image/png', base64: p.png.toString('base64'), now: p.now })
  for (const roomId of p.roomIds) {
    await enqueueMessage(db, { key: `${p.key}:room:${roomId}`, body: t.chartBody(p.round.id), kind: 'file', fileId, roomId, communityId: p.round.communityId, now: p.now, priority: 'background' })
  }
}
