import type { RankedProject } from './tally.js'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The ranking as an SVG bar chart (rendered to PNG elsewhere, with a CJK font). */
export function rankingChartSvg(p: { title: string; subtitle: string; ranking: RankedProject[]; names: Map<number, string>; unit: string; fontFamily: string }): string {
  const width = 800
  const rowH = 44
  const top = 96
  const height = top + rowH * p.ranking.length + 24
  const labelW = 260
  const barMax = width - labelW - 120
  const max = Math.max(...p.ranking.map((r) => r.value), 0)
  const rows = p.ranking.map((r, i) => {
    const y = top + i * rowH
    const w = max > 0 ? Math.max(2, Math.round((r.value / max) * barMax)) : 2
    const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(2)
    const label = `${r.rank}. P${r.project} ${p.names.get(r.project) ?? ''}`.slice(0, 16)
    return [
      `<text x="24" y="${y + 28}" font-size="22">${esc(label)}</text>`,
      `<rect x="${labelW}" y="${y + 8}" width="${w}" height="28" rx="4" fill="${i === 0 ? '#d9480f' : '#f08c00'}"/>`,
      `<text x="${labelW + w + 10}" y="${y + 29}" font-size="20">${esc(`${value}${p.unit}`)}</text>`,
    ].join('')
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g font-family="${esc(p.fontFamily)}" fill="#212529">`,
    `<text x="24" y="44" font-size="30" font-weight="bold">${esc(p.title)}</text>`,
    `<text x="24" y="76" font-size="18" fill="#495057">${esc(p.subtitle)}</text>`,
    ...rows,
    '</g></svg>',
  ].join('')
}
