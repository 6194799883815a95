/** The status feature's public face: the report the status server and 状态 share, and the return notice. */
export { announceReturn } from './announceReturn.js'
export { escapeHtml, page } from './html.js'
export { collectStatus, outboxFigures, type StatusReport } from './report.js'
export { formatSpan, statusHtml, statusHtmlWithoutDatabase, statusLines } from './text.js'
