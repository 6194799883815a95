/** The posters feature's public face: 公示 / 结项报告 (commands), the closing figures (the export's sheet), the renderer. */
export { posterCommands } from './commands.js'
export { closingFigures } from './closingFigures.js'
export { closingPoster, closingRows } from './closingReport.js'
export { renderPoster, type RenderedPoster } from './renderPoster.js'
export { posterText } from './text.js'
