import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rankingChartSvg } from '../../../src/domain/rounds/chartSvg.js'
import { CJK_FONT_CANDIDATES, findCjkFont, npmCjkFont, renderPng } from '../../../src/features/rounds/renderChart.js'

const svg = rankingChartSvg({
  title: '投票结果 T1',
  subtitle: '共 8 户投票 · 12月2日 20:00 截止',
  ranking: [
    { project: 3, value: 7, supporters: 6, buildings: 3, rank: 1 },
    { project: 2, value: 4, supporters: 4, buildings: 1, rank: 2 },
    { project: 1, value: 3, supporters: 2, buildings: 1, rank: 3 },
  ],
  names: new Map([
    [3, '电梯维护'],
    [2, '车棚扩建'],
    [1, '路灯维修'],
  ]),
  unit: '票',
  fontFamily: 'WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif',
})

/** dark pixels in the title band (Chinese only there, apart from "T1") */
function titleInk(pixels: Buffer, width: number): number {
  let n = 0
  for (let y = 10; y < 50; y++) for (let x = 20; x < 150; x++) if (pixels[(y * width + x) * 4]! < 128) n++
  return n
}

describe('the result chart', () => {
  const font = findCjkFont()

  it('has a CJK font from npm (no apt step): Noto Sans Hans, an OpenType file resvg reads', () => {
    const npm = npmCjkFont()
    expect(npm).toMatch(/NotoSansHans-Regular\.otf$/)
    expect(readFileSync(npm!).subarray(0, 4).toString('latin1')).toBe('OTTO')
    // preferred over Debian's fonts, whatever this machine has installed
    expect(font).toBe(npm)
  })

  it('prefers GONGJIAN_CJK_FONT, then npm, then Debian; a missing file is skipped', () => {
    expect(findCjkFont(CJK_FONT_CANDIDATES[0], [])).toBe(existsSync(CJK_FONT_CANDIDATES[0]!) ? CJK_FONT_CANDIDATES[0] : undefined)
    expect(findCjkFont(npmCjkFont())).toBe(npmCjkFont())
    expect(findCjkFont('/nowhere/font.ttf', ['/nowhere/either.ttc'])).toBeUndefined()
    expect(findCjkFont(undefined, ['/nowhere/either.ttc', npmCjkFont()])).toBe(npmCjkFont())
  })

  it('is a PNG of the expected size', () => {
    const { png, width, height } = renderPng(svg, [font!])
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    // IHDR: width and height, big-endian, at bytes 16 and 20
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 96 + 3 * 44 + 24])
    expect([width, height]).toEqual([800, 252])
  })

  it('draws the Chinese title as glyphs, unlike a render without a CJK font', () => {
    const withCjk = renderPng(svg, [font!])
    const without = renderPng(svg, [])
    const ink = titleInk(withCjk.pixels, withCjk.width)
    expect(ink).toBeGreaterThan(300)
    expect(titleInk(without.pixels, without.width)).toBeLessThan(ink / 10)
  })
})
