import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'

/** Where Debian puts CJK fonts (fonts-wqy-microhei, fonts-noto-cjk): the last resort. */
export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
]

/**
 * Noto Sans Hans (OTF, OFL-1.1) from the npm package @embedpdf/fonts-sc, so `npm ci` is all a
 * fresh machine needs. Its exports map hides the font folder: resolve the entry and step over.
 */
export function npmCjkFont(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')
    const file = join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf')
    return existsSync(file) ? file : undefined
  } catch {
    return undefined
  }
}

/** GONGJIAN_CJK_FONT, else the font shipped through npm, else a Debian font; undefined: none. */
export function findCjkFont(configured?: string, candidates: (string | undefined)[] = [npmCjkFont(), ...CJK_FONT_CANDIDATES]): string | undefined {
  return [configured, ...candidates].find((f): f is string => !!f && existsSync(f))
}

/** SVG → PNG server-side with the given font files only (no system fonts: the result is the same everywhere). */
export function renderPng(svg: string, fontFiles: string[]): { png: Buffer; width: number; height: number; pixels: Buffer } {
  const resvg = new Resvg(svg, { font: { fontFiles, loadSystemFonts: false }, background: '#ffffff' })
  const image = resvg.render()
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels }
}
