import { describe, expect, it } from 'vitest'
import { A4, layoutPoster, posterSvg, wrapText, type Measure, type Poster } from '../../../src/domain/posters/layout.js'

// a monospace stand-in for the font: every character as wide as the size (bold a little wider)
const measure: Measure = (text, size, weight) => Array.from(text).length * size * (weight === 'bold' ? 1.1 : 1)

const poster = (blocks: Poster['blocks']): Poster => ({ title: 'Title', subtitle: 'sub', blocks, footer: 'footer', overflow: 'more' })

describe('wrapText', () => {
  it('breaks greedily and keeps words of letters and digits whole', () => {
    expect(wrapText('abc def ghi', 7, 1, 'regular', measure)).toEqual(['abc def', 'ghi'])
    expect(wrapText('ab P12345 cd', 6, 1, 'regular', measure)).toEqual(['ab', 'P12345', 'cd'])
    expect(wrapText('一二三四五六七', 3, 1, 'regular', measure)).toEqual(['一二三', '四五六', '七'])
  })
  it('cuts a word longer than the line, and keeps paragraphs apart', () => {
    expect(wrapText('abcdefgh', 3, 1, 'regular', measure)).toEqual(['abc', 'def', 'gh'])
    expect(wrapText('ab\ncd', 10, 1, 'regular', measure)).toEqual(['ab', 'cd'])
    expect(wrapText('', 10, 1, 'regular', measure)).toEqual([''])
  })
})

describe('layoutPoster', () => {
  it('keeps everything on the A4 page, inside the margins', () => {
    const rows = Array.from({ length: 8 }, (_, i) => [String(i + 1), `project ${i}`, String(10 - i)])
    const layout = layoutPoster(
      poster([
        { kind: 'heading', text: 'Ranking' },
        { kind: 'table', columns: [{ header: '#', share: 1 }, { header: 'name', share: 4 }, { header: 'n', share: 1, align: 'right' }], rows },
        { kind: 'paragraph', text: 'x'.repeat(300) },
        { kind: 'photos', photos: [{ index: 0, width: 400, height: 300 }, { index: 1, width: 300, height: 400 }] },
      ]),
      measure,
    )
    expect([layout.width, layout.height]).toEqual([A4.width, A4.height])
    for (const op of layout.ops) {
      const [x, y] = op.kind === 'rule' ? [op.x1, op.y1] : [op.x, op.y]
      expect(x).toBeGreaterThanOrEqual(48 - 0.01)
      expect(x).toBeLessThanOrEqual(A4.width - 48 + 0.01)
      expect(y).toBeLessThanOrEqual(A4.height - 48 + 0.01)
    }
    expect(layout.titleBand.bottom).toBeGreaterThan(layout.titleBand.top)
    expect(layout.ops.filter((op) => op.kind === 'text' && op.align === 'right')).toHaveLength(rows.length + 1)
  })

  it('drops what does not fit and says so on the last line', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [String(i)])
    const layout = layoutPoster(poster([{ kind: 'table', columns: [{ header: 'n', share: 1 }], rows }, { kind: 'paragraph', text: 'after' }]), measure)
    expect(layout.dropped).toBeGreaterThan(100)
    const texts = layout.ops.filter((op) => op.kind === 'text').map((op) => op.text)
    expect(texts).toContain('more')
    expect(texts).not.toContain('after')
    expect(texts.at(-1)).toBe('footer')
  })

  it('fits photos in their boxes at their own ratio', () => {
    const layout = layoutPoster(poster([{ kind: 'photos', photos: [{ index: 0, width: 400, height: 300 }, { index: 1, width: 300, height: 600 }] }]), measure)
    const [a, b] = layout.ops.filter((op) => op.kind === 'photo')
    expect(a!.w / a!.h).toBeCloseTo(4 / 3)
    expect(b!.w / b!.h).toBeCloseTo(1 / 2)
    expect(layout.dropped).toBe(0)
  })

  it('shrinks photos to the room left on the page before it drops them, the heading kept with them', () => {
    const filler = { kind: 'paragraph' as const, text: Array.from({ length: 18 }, () => 'line').join('\n') }
    const layout = layoutPoster(poster([filler, { kind: 'heading', text: 'Photos' }, { kind: 'photos', photos: [{ index: 0, width: 400, height: 300 }] }]), measure)
    const [photo] = layout.ops.filter((op) => op.kind === 'photo')
    expect(layout.dropped).toBe(0)
    expect(photo!.h).toBeGreaterThanOrEqual(110)
    expect(photo!.h).toBeLessThan(((A4.width - 96 - 10) / 2) * 0.75)
    const crowded = layoutPoster(poster([{ ...filler, text: filler.text + '\nx'.repeat(8) }, { kind: 'heading', text: 'Photos' }, { kind: 'photos', photos: [{ index: 0, width: 4, height: 3 }] }]), measure)
    const texts = crowded.ops.filter((op) => op.kind === 'text').map((op) => op.text)
    expect(crowded.ops.some((op) => op.kind === 'photo')).toBe(false)
    expect(texts).not.toContain('Photos')
    expect(texts).toContain('more')
  })
})

describe('posterSvg', () => {
  it('escapes text and scales the page', () => {
    const layout = layoutPoster({ ...poster([{ kind: 'paragraph', text: 'a < b & "c"' }]), title: 'T<1>' }, measure)
    const svg = posterSvg(layout, { fontFamily: 'Noto', boldFamily: 'Noto Bold', scale: 2, photos: [] })
    expect(svg).toContain(`width="${Math.round(A4.width * 2)}"`)
    expect(svg).toContain('T&lt;1&gt;')
    expect(svg).toContain('a &lt; b &amp; &quot;c&quot;')
    expect(svg).toContain('font-family="Noto Bold"')
  })
})
