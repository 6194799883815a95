/** The status feature's public face: the report the status server and 状态 share. */
export { collectStatus, escapeHtml, formatSpan, outboxFigures, page, statusHtml, statusLines, type StatusReport } from './report.js'
