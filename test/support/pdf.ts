import { createCanvas } from '@napi-rs/canvas'

/**
 * Reading a PDF back in tests, from npm only (no apt step): pdfjs-dist parses it and extracts its
 * text; @napi-rs/canvas (a prebuilt binary in the npm package) is what pdfjs draws a page on.
 */
async function open(pdf: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
}

/** Every page's text, joined. */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await open(pdf)
  const parts: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''))
  }
  const pages = doc.numPages
  await doc.destroy()
  return { pages, text: parts.join('\n') }
}

/** The first page as RGBA pixels at `scale` pixels per point (white behind). */
export async function pdfPixels(pdf: Buffer, scale: number): Promise<{ width: number; height: number; pixels: Uint8ClampedArray }> {
  const doc = await open(pdf)
  const page = await doc.getPage(1)
  const viewport = page.getViewport({ scale })
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  // pdfjs takes a DOM canvas; @napi-rs/canvas is the node stand-in it supports
  type RenderParams = Parameters<typeof page.render>[0]
  await page.render({ canvasContext: context as unknown as RenderParams['canvasContext'], canvas: canvas as unknown as RenderParams['canvas'], viewport }).promise
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
  await doc.destroy()
  return { width: canvas.width, height: canvas.height, pixels: data }
}

/** Dark pixels (red channel < 128) in rows top..bottom (pixels), across the whole width. */
export function inkIn(image: { width: number; pixels: Uint8Array | Uint8ClampedArray | Buffer }, top: number, bottom: number, left = 0, right = image.width): number {
  let n = 0
  for (let y = Math.floor(top); y < Math.ceil(bottom); y++) for (let x = Math.floor(left); x < Math.ceil(right); x++) if (image.pixels[(y * image.width + x) * 4]! < 128) n++
  return n
}
