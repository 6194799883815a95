import { existsSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'

/** Where Debian puts CJK fonts (fonts-wqy-microhei, fonts-noto-cjk); the first found is used. */
export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
]

export function findCjkFont(configured?: string): string | undefined {
  return [configured, ...CJK_FONT_CANDIDATES].find((f): f is string => !!f && existsSync(f))
}

/** SVG → PNG server-side with the given font files only (no system fonts: the result is the same everywhere). */
export function renderPng(svg: string, fontFiles: string[]): { png: Buffer; width: number; height: number; pixels: Buffer } {
  const resvg = new Resvg(svg, { font: { fontFiles, loadSystemFonts: false }, background: '#ffffff' })
  const image = resvg.render()
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels }
}
