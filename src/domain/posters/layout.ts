/**
 * A printable A4 poster (公示) as data, and its layout: where every line of text, rule, box and
 * photo goes, in PDF points. Pure: the caller passes how wide a text is in the poster's font, so
 * the PDF and the PNG drawn from one layout break their lines at the same places.
 */

export const A4 = { width: 595.28, height: 841.89 } as const

export interface PosterColumn {
  header: string
  /** share of the table's width */
  share: number
  align?: 'left' | 'right'
}

export type PosterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: PosterColumn[]; rows: string[][] }
  /** photos by index into the renderer's list, with their pixel size (for the aspect ratio) */
  | { kind: 'photos'; photos: { index: number; width: number; height: number }[] }

export interface Poster {
  title: string
  subtitle?: string
  blocks: PosterBlock[]
  footer: string
  /** said on the last line when the page is full and blocks are left out */
  overflow: string
}

export type Weight = 'regular' | 'bold'

export type PosterOp =
  | { kind: 'text'; x: number; y: number; size: number; text: string; weight: Weight; color: string; align: 'left' | 'right' }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'rule'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  | { kind: 'photo'; x: number; y: number; w: number; h: number; index: number }

export interface PosterLayout {
  width: number
  height: number
  ops: PosterOp[]
  /** where the title's text is drawn (top, bottom): what the tests look for ink in */
  titleBand: { top: number; bottom: number }
  /** blocks (or table rows) that did not fit */
  dropped: number
}

/** the smallest photo box worth printing (points high) */
const MIN_PHOTO = 110

/** how wide `text` is at `size` points in the given weight */
export type Measure = (text: string, size: number, weight: Weight) => number

export const POSTER_STYLE = {
  margin: 48,
  title: 34,
  subtitle: 15,
  heading: 19,
  body: 15,
  table: 14,
  footer: 11,
  lineGap: 1.45,
  ink: '#1a1a1a',
  accent: '#b3261e',
  muted: '#555555',
  headerFill: '#eeeeee',
  rule: '#999999',
} as const

/** Words of Latin letters and digits stay whole; any other character may end a line. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9.%:/-]+|\s|./gsu) ?? []
}

/** Greedy line breaking to `width` (a token wider than the line is cut by character). */
export function wrapText(text: string, width: number, size: number, weight: Weight, measure: Measure): string[] {
  const out: string[] = []
  const fits = (s: string) => measure(s, size, weight) <= width
  for (const paragraph of String(text).split('\n')) {
    let line = ''
    for (const token of tokens(paragraph)) {
      const blank = !token.trim()
      if (line === '' && blank) continue
      if (fits(line + token)) {
        line += token
        continue
      }
      if (line !== '') out.push(line.trimEnd())
      line = ''
      if (blank) continue
      if (fits(token)) {
        line = token
        continue
      }
      for (const ch of Array.from(token)) {
        if (line && !fits(line + ch)) {
          out.push(line)
          line = ''
        }
        line += ch
      }
    }
    out.push(line.trimEnd())
  }
  return out
}

/** Lays the poster out on one A4 page; what does not fit is dropped and the overflow line said. */
export function layoutPoster(poster: Poster, measure: Measure): PosterLayout {
  const S = POSTER_STYLE
  const { width, height } = A4
  const left = S.margin
  const right = width - S.margin
  const inner = right - left
  const ops: PosterOp[] = []
  const text = (x: number, y: number, size: number, s: string, weight: Weight = 'regular', color: string = S.ink, align: 'left' | 'right' = 'left') =>
    ops.push({ kind: 'text', x, y, size, text: s, weight, color, align })

  // title band: a red rule above, the title (wrapped), the subtitle, a thin rule below
  let y = S.margin
  ops.push({ kind: 'rect', x: left, y, w: inner, h: 6, fill: S.accent })
  y += 6 + 14
  const titleTop = y
  for (const line of wrapText(poster.title, inner, S.title, 'bold', measure)) {
    y += S.title
    text(left, y, S.title, line, 'bold')
    y += S.title * (S.lineGap - 1)
  }
  const titleBottom = y
  if (poster.subtitle) {
    for (const line of wrapText(poster.subtitle, inner, S.subtitle, 'regular', measure)) {
      y += S.subtitle * S.lineGap
      text(left, y, S.subtitle, line, 'regular', S.muted)
    }
  }
  y += 10
  ops.push({ kind: 'rule', x1: left, y1: y, x2: right, y2: y, width: 1, color: S.accent })
  y += 8

  // the footer is kept free at the bottom
  const footerLines = wrapText(poster.footer, inner, S.footer, 'regular', measure)
  const footerTop = height - S.margin - footerLines.length * S.footer * S.lineGap - 6
  const limit = footerTop - S.body * S.lineGap * 1.5
  let dropped = 0
  let full = false

  const fits = (h: number) => y + h <= limit
  for (const block of poster.blocks) {
    if (full) {
      dropped++
      continue
    }
    if (block.kind === 'heading') {
      const h = S.heading * S.lineGap + 8
      // a heading keeps with the start of what follows it
      const next = poster.blocks[poster.blocks.indexOf(block) + 1]
      const after = next?.kind === 'photos' ? MIN_PHOTO + 10 : S.body * S.lineGap * 2
      if (!fits(h + after)) {
        full = true
        dropped++
        continue
      }
      y += 8 + S.heading * S.lineGap
      ops.push({ kind: 'rect', x: left, y: y - S.heading, w: 4, h: S.heading + 2, fill: S.accent })
      text(left + 10, y, S.heading, block.text, 'bold')
      y += 4
    } else if (block.kind === 'paragraph') {
      const lines = wrapText(block.text, inner, S.body, 'regular', measure)
      for (const line of lines) {
        if (!fits(S.body * S.lineGap)) {
          full = true
          break
        }
        y += S.body * S.lineGap
        text(left, y, S.body, line)
      }
      if (full) dropped++
    } else if (block.kind === 'table') {
      const total = block.columns.reduce((n, c) => n + c.share, 0) || 1
      const widths = block.columns.map((c) => (inner * c.share) / total)
      const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0))
      const pad = 4
      const lineH = S.table * S.lineGap
      const rowOps = (cells: string[], weight: Weight) => {
        const wrapped = block.columns.map((_, i) => wrapText(cells[i] ?? '', widths[i]! - 2 * pad, S.table, weight, measure))
        const h = Math.max(1, ...wrapped.map((w) => w.length)) * lineH + 2 * pad
        return { wrapped, h }
      }
      const drawRow = (cells: string[], weight: Weight, fill: string | null) => {
        const { wrapped, h } = rowOps(cells, weight)
        if (fill) ops.push({ kind: 'rect', x: left, y, w: inner, h, fill })
        wrapped.forEach((lines, i) => {
          const col = block.columns[i]!
          lines.forEach((line, k) => {
            const ly = y + pad + (k + 1) * lineH - (lineH - S.table) / 2
            if (col.align === 'right') text(xs[i]! + widths[i]! - pad, ly, S.table, line, weight, S.ink, 'right')
            else text(xs[i]! + pad, ly, S.table, line, weight)
          })
        })
        y += h
        ops.push({ kind: 'rule', x1: left, y1: y, x2: right, y2: y, width: 0.5, color: S.rule })
      }
      const header = block.columns.map((c) => c.header)
      if (!fits(rowOps(header, 'bold').h + (block.rows[0] ? rowOps(block.rows[0], 'regular').h : 0))) {
        full = true
        dropped++
        continue
      }
      y += 6
      drawRow(header, 'bold', S.headerFill)
      for (const [i, row] of block.rows.entries()) {
        if (!fits(rowOps(row, 'regular').h)) {
          full = true
          dropped += block.rows.length - i
          break
        }
        drawRow(row, 'regular', null)
      }
    } else {
      const gap = 10
      const perRow = 2
      const fullW = (inner - gap * (perRow - 1)) / perRow
      for (let i = 0; i < block.photos.length; i += perRow) {
        // boxes at 4:3, smaller (down to MIN_PHOTO high) when the page is nearly full
        const boxH = Math.min(fullW * 0.75, limit - y - gap)
        const boxW = boxH / 0.75
        if (boxH < MIN_PHOTO) {
          full = true
          dropped += block.photos.length - i
          break
        }
        y += gap
        block.photos.slice(i, i + perRow).forEach((photo, k) => {
          const ratio = photo.width > 0 && photo.height > 0 ? photo.width / photo.height : 4 / 3
          const w = ratio >= boxW / boxH ? boxW : boxH * ratio
          const h = ratio >= boxW / boxH ? boxW / ratio : boxH
          const x0 = left + k * (fullW + gap) + (fullW - boxW) / 2
          ops.push({ kind: 'photo', x: x0 + (boxW - w) / 2, y: y + (boxH - h) / 2, w, h, index: photo.index })
        })
        y += boxH
      }
    }
  }
  if (dropped) {
    y += S.body * S.lineGap
    text(left, y, S.body, poster.overflow, 'regular', S.muted)
  }

  ops.push({ kind: 'rule', x1: left, y1: footerTop, x2: right, y2: footerTop, width: 0.5, color: S.rule })
  footerLines.forEach((line, i) => text(left, footerTop + 6 + (i + 1) * S.footer * S.lineGap - 3, S.footer, line, 'regular', S.muted))
  return { width, height, ops, titleBand: { top: titleTop, bottom: titleBottom }, dropped }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const n = (x: number) => Math.round(x * 100) / 100

/** The layout as SVG at `scale` pixels per point; photos as data URIs; bold text in `boldFamily` when the bold face is another family. */
export function posterSvg(layout: PosterLayout, p: { fontFamily: string; boldFamily?: string; scale: number; photos: { mediaType: string; base64: string }[] }): string {
  const body = layout.ops.map((op) => {
    if (op.kind === 'rect') return `<rect x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" fill="${op.fill}"/>`
    if (op.kind === 'rule') return `<line x1="${n(op.x1)}" y1="${n(op.y1)}" x2="${n(op.x2)}" y2="${n(op.y2)}" stroke="${op.color}" stroke-width="${op.width}"/>`
    if (op.kind === 'photo') {
      const photo = p.photos[op.index]
      if (!photo) return ''
      return `<image x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" preserveAspectRatio="xMidYMid meet" href="data:${photo.mediaType};base64,${photo.base64}"/>`
    }
    const anchor = op.align === 'right' ? ' text-anchor="end"' : ''
    const weight = op.weight === 'bold' ? ` font-weight="bold" font-family="${escapeXml(p.boldFamily ?? p.fontFamily)}"` : ''
    return `<text x="${n(op.x)}" y="${n(op.y)}" font-size="${op.size}"${weight}${anchor} fill="${op.color}">${escapeXml(op.text)}</text>`
  })
  const w = Math.round(layout.width * p.scale)
  const h = Math.round(layout.height * p.scale)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${escapeXml(p.fontFamily)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n')
}
