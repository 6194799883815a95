import { describe, expect, it } from 'vitest'
import type { Poster } from '../../../src/domain/posters/layout.js'
import { boldFontOf, renderPoster } from '../../../src/features/posters/renderPoster.js'
import { findCjkFont, renderPng } from '../../../src/features/rounds/index.js'
import { inkIn, pdfPixels, pdfText } from '../../support/pdf.js'

const poster: Poster = {
  title: '公示：居民投票结果 T1',
  subtitle: '共 58 户参与 · 12月20日 18:00 截止',
  blocks: [
    { kind: 'heading', text: '排名' },
    {
      kind: 'table',
      columns: [
        { header: '名次', share: 1 },
        { header: '项目', share: 5 },
        { header: '得票', share: 1.3, align: 'right' },
      ],
      rows: [
        ['1', 'P3 电梯维护', '42'],
        ['2', 'P2 车棚扩建', '31'],
      ],
    },
    { kind: 'paragraph', text: '各楼参与：3号楼 12/40、5号楼 8/36。' },
  ],
  footer: '幸福社区 · 2026年12月21日 公示',
  overflow: '（版面有限）',
}
const NOW = new Date('2026-12-21T02:00:00Z')
const font = findCjkFont()!

/** a small dark PNG photo, made with resvg */
const photoPng = renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="80" height="60"><rect width="80" height="60" fill="#202020"/></svg>', []).png

describe('the 公示 poster renderer', () => {
  it('uses the npm font and its bold face', () => {
    expect(font).toMatch(/NotoSansHans-Regular\.otf$/)
    expect(boldFontOf(font)).toMatch(/NotoSansHans-Bold\.otf$/)
    expect(boldFontOf('/nowhere/x-Regular.otf')).toBe('/nowhere/x-Regular.otf')
  })

  it('makes one A4 page of PDF whose text has the title glyphs, at a size fit to send (fonts subset)', async () => {
    const r = await renderPoster(poster, { fontFile: font, now: NOW })
    expect(r.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const { pages, text } = await pdfText(r.pdf)
    expect(pages).toBe(1)
    expect(text).toContain('公示：居民投票结果 T1')
    expect(text).toContain('P3 电梯维护')
    expect(text).toContain('幸福社区')
    // two 8 MB fonts, only the glyphs used embedded
    expect(r.pdf.length).toBeLessThan(250_000)
  })

  it('draws the title when the PDF is rendered back to an image (pdfjs-dist on @napi-rs/canvas)', async () => {
    const r = await renderPoster(poster, { fontFile: font, now: NOW })
    const scale = 2
    const image = await pdfPixels(r.pdf, scale)
    expect([image.width, image.height]).toEqual([Math.ceil(595.28 * scale), Math.ceil(841.89 * scale)])
    const { top, bottom } = r.layout.titleBand
    const title = inkIn(image, top * scale, bottom * scale)
    expect(title).toBeGreaterThan(3000)
    // the band between the subtitle rule and the first heading is empty paper
    const blank = inkIn(image, (bottom + 40) * scale, (bottom + 48) * scale)
    expect(blank).toBeLessThan(title / 50)
  })

  it('makes a 150 dpi PNG of the same layout with ink in the title band, unlike a render without the font', async () => {
    const r = await renderPoster(poster, { fontFile: font, now: NOW })
    expect(r.png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect([r.width, r.height]).toEqual([1240, 1754])
    const { top, bottom } = r.layout.titleBand
    const ink = inkIn(r, top * r.scale, bottom * r.scale)
    expect(ink).toBeGreaterThan(3000)
    const blankPage = renderPng(`<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754" viewBox="0 0 595.28 841.89"><text x="48" y="100" font-size="34">公示</text></svg>`, [])
    expect(inkIn(blankPage, top * r.scale, bottom * r.scale)).toBeLessThan(ink / 10)
  })

  it('places photos it can read and leaves out the rest', async () => {
    const withPhotos: Poster = { ...poster, blocks: [...poster.blocks, { kind: 'photos', photos: [0, 1, 2].map((index) => ({ index, width: 0, height: 0 })) }] }
    const r = await renderPoster(withPhotos, {
      fontFile: font,
      now: NOW,
      photos: [
        { mediaType: 'image/png', base64: photoPng.toString('base64') },
        { mediaType: 'image/jpeg', base64: Buffer.from('not a jpeg').toString('base64') },
        { mediaType: 'image/gif', base64: photoPng.toString('base64') },
      ],
    })
    const placed = r.layout.ops.filter((op) => op.kind === 'photo')
    expect(placed).toHaveLength(1)
    const box = placed[0]!
    // kept at 4:3, the photo's own ratio
    expect(box.w / box.h).toBeCloseTo(80 / 60, 2)
    // the dark photo is drawn in both files
    const image = await pdfPixels(r.pdf, 1)
    expect(inkIn(image, box.y + 5, box.y + box.h - 5, box.x + 5, box.x + box.w - 5)).toBeGreaterThan(0.9 * (box.w - 10) * (box.h - 10))
    expect(inkIn(r, (box.y + 5) * r.scale, (box.y + box.h - 5) * r.scale, (box.x + 5) * r.scale, (box.x + box.w - 5) * r.scale)).toBeGreaterThan(0.9 * (box.w - 10) * (box.h - 10) * r.scale ** 2)
  })
})
