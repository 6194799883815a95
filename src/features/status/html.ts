export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A small page in Chinese that reloads itself every `refreshS` seconds. */
export function page(title: string, body: string, refreshS: number): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${refreshS}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:2em;line-height:1.6}img{width:280px;height:280px;image-rendering:pixelated}</style>
</head><body>
${body}
</body></html>
`
}
