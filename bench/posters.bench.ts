/**
 * Rendering a 公示 poster (layout, PDF by pdfkit with subset fonts, PNG by resvg) against the
 * baseline measured in the same run: the residents' result chart (SVG → PNG by resvg), which the
 * bot already renders for every result. No database: the renderers alone.
 *
 *   npm run bench:posters -- --n 20
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { rankingChartSvg } from '../src/domain/rounds/chartSvg.js'
import type { Poster } from '../src/domain/posters/layout.js'
import { renderPoster } from '../src/features/posters/index.js'
import { findCjkFont, renderPng } from '../src/features/rounds/index.js'
import { intArg } from './args.js'

const { values: argv } = parseArgs({ options: { n: { type: 'string', default: '20' }, warmup: { type: 'string', default: '3' } }, strict: true })
const N = intArg('n', argv.n, 1)
const WARMUP = intArg('warmup', argv.warmup, 0)

const font = findCjkFont()
if (!font) throw new Error('no CJK font: npm ci installs @embedpdf/fonts-sc')

const names = new Map(Array.from({ length: 8 }, (_, i) => [i + 1, `项目${i + 1} 楼道照明改造`]))
const ranking = Array.from({ length: 8 }, (_, i) => ({ project: i + 1, value: 40 - i * 4, supporters: 30 - i * 3, buildings: 3, rank: i + 1 }))
const chartSvg = rankingChartSvg({ title: '投票结果 T1', subtitle: '共 58 户投票 · 12月20日 18:00 截止', ranking, names, unit: '票', fontFamily: 'Noto Sans Hans, sans-serif' })
const poster: Poster = {
  title: '公示：居民投票结果 T1',
  subtitle: '共 58 户参与 · 12月20日 18:00 截止',
  blocks: [
    { kind: 'heading', text: '排名' },
    { kind: 'table', columns: [{ header: '名次', share: 1 }, { header: '项目', share: 5 }, { header: '得票', share: 1.3, align: 'right' }, { header: '投票户数', share: 1.6, align: 'right' }], rows: ranking.map((r) => [String(r.rank), `P${r.project} ${names.get(r.project)}`, String(r.value), String(r.supporters)]) },
    { kind: 'heading', text: '谁来做、何时完成' },
    { kind: 'table', columns: [{ header: '名次', share: 1 }, { header: '项目', share: 3.6 }, { header: '承办单位', share: 2.3 }, { header: '预计完成', share: 2.3 }, { header: '进度', share: 1.2, align: 'right' }], rows: ranking.map((r) => [String(r.rank), `P${r.project} ${names.get(r.project)}`, '市政养护公司', '12月31日', '40%']) },
  ],
  footer: '幸福社区 · 2026年12月21日 公示 · 如有意见，请在楼栋群里说，或到居委会反映。',
  overflow: '（版面有限）',
}
const now = new Date('2026-12-21T02:00:00Z')

async function time(label: string, run: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run()
  const ms: number[] = []
  for (let i = 0; i < N; i++) {
    const t0 = performance.now()
    await run()
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  console.log(`${label.padEnd(28)} median ${ms[ms.length >> 1]!.toFixed(1)} ms  p90 ${ms[Math.floor(ms.length * 0.9)]!.toFixed(1)} ms`)
  return ms
}

const chart = await time('baseline: result chart PNG', () => renderPng(chartSvg, [font]))
let sizes = { pdf: 0, png: 0 }
const posterMs = await time('公示 poster (PDF + PNG)', async () => {
  const r = await renderPoster(poster, { fontFile: font, now })
  sizes = { pdf: r.pdf.length, png: r.png.length }
})
const median = (xs: number[]) => xs[xs.length >> 1]!
console.log(`poster / chart (median): ${(median(posterMs) / median(chart)).toFixed(1)}×  · PDF ${(sizes.pdf / 1024).toFixed(0)} KB, PNG ${(sizes.png / 1024).toFixed(0)} KB  (n=${N})`)
