import { existsSync } from 'node:fs'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import { layoutPoster, posterSvg, type Poster, type PosterLayout, type Weight } from '../../domain/posters/layout.js'
import { renderPng } from '../rounds/index.js'

export interface PosterPhoto {
  mediaType: string
  base64: string
}

export interface RenderedPoster {
  pdf: Buffer
  png: Buffer
  /** the PNG's size and raw RGBA pixels (tests look for ink in them) */
  width: number
  height: number
  pixels: Buffer
  layout: PosterLayout
  /** pixels per PDF point in the PNG */
  scale: number
}

/** 150 dpi: an A4 page is 1240 × 1754 pixels */
const PNG_SCALE = 150 / 72

/** The bold face beside the regular one (NotoSansHans-Regular.otf → NotoSansHans-Bold.otf), when there is one. */
export function boldFontOf(regular: string): string {
  const bold = regular.replace(/-Regular(\.[a-z]+)$/i, '-Bold$1')
  return bold !== regular && existsSync(bold) ? bold : regular
}

/** The family name resvg matches a font file by (the first font of a collection). */
function familyOf(file: string): string {
  const f = fontkit.openSync(file) as fontkit.Font | fontkit.FontCollection
  return 'fonts' in f ? f.fonts[0]!.familyName : f.familyName
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png'])

/**
 * One poster, laid out once, drawn twice: as a PDF by pdfkit (the fonts embedded as subsets, the
 * text kept as text) and as a PNG by resvg from the same layout.
 */
export async function renderPoster(poster: Poster, p: { fontFile: string; photos?: PosterPhoto[]; now: Date }): Promise<RenderedPoster> {
  const files: Record<Weight, string> = { regular: p.fontFile, bold: boldFontOf(p.fontFile) }
  // each font file is parsed once here for its family name (8 MB each): pdfkit and resvg both need it
  const regularName = familyOf(files.regular)
  const names: Record<Weight, string> = { regular: regularName, bold: files.bold === files.regular ? regularName : familyOf(files.bold) }
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: poster.title, Creator: 'gongjian', CreationDate: p.now, ModDate: p.now } })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const family = (weight: Weight) => (files[weight].toLowerCase().endsWith('.ttc') ? [files[weight], names[weight]] : [files[weight]]) as [string, string?]
  doc.registerFont('regular', ...family('regular'))
  doc.registerFont('bold', ...family('bold'))
  const measure = (text: string, size: number, weight: Weight) => doc.font(weight).fontSize(size).widthOfString(text)

  // photos pdfkit cannot read are left out, and so are their places
  const photos = (p.photos ?? []).map((photo) => {
    if (!IMAGE_TYPES.has(photo.mediaType)) return null
    try {
      const data = Buffer.from(photo.base64, 'base64')
      const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(data)
      return { data, width: image.width, height: image.height }
    } catch {
      return null
    }
  })
  const blocks = poster.blocks.map((b) => {
    if (b.kind !== 'photos') return b
    const ok = b.photos.filter((x) => photos[x.index])
    return { ...b, photos: ok.map((x) => ({ index: x.index, width: photos[x.index]!.width, height: photos[x.index]!.height })) }
  }).filter((b) => b.kind !== 'photos' || b.photos.length > 0)
  const layout = layoutPoster({ ...poster, blocks }, measure)

  for (const op of layout.ops) {
    if (op.kind === 'rect') doc.rect(op.x, op.y, op.w, op.h).fill(op.fill)
    else if (op.kind === 'rule') doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).strokeColor(op.color).stroke()
    else if (op.kind === 'photo') doc.image(photos[op.index]!.data, op.x, op.y, { width: op.w, height: op.h })
    else {
      doc.font(op.weight).fontSize(op.size).fillColor(op.color)
      const x = op.align === 'right' ? op.x - doc.widthOfString(op.text) : op.x
      doc.text(op.text, x, op.y, { lineBreak: false, baseline: 'alphabetic' })
    }
  }
  doc.end()
  const pdf = await ended

  const svg = posterSvg(layout, {
    fontFamily: names.regular,
    boldFamily: names.bold,
    scale: PNG_SCALE,
    photos: (p.photos ?? []).map((x, i) => (photos[i] ? x : { mediaType: 'image/png', base64: '' })),
  })
  const image = renderPng(svg, [...new Set([files.regular, files.bold])])
  return { pdf, ...image, layout, scale: PNG_SCALE }
}
