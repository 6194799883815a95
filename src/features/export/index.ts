/** The export feature's public face: 导出 (its command is with 状态), the workbook, and its file type. */
export { exportWorkbook } from './exportWorkbook.js'
export { buildWorkbook, XLSX_TYPE } from './workbook.js'
