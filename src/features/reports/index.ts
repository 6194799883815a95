/** The reports feature's public face: commands and dialogs, the jobs, and the lead's hooks (export, erasure, summary). */
export { reportCommands } from './commands.js'
export { reportIntakeDialog } from './fileReport.js'
export { reportPhotosDialog } from './photos.js'
export { escalateReports } from './escalate.job.js'
export { reportSummaryLines } from './summary.js'
export { reportSheet } from './exportRows.js'
export { eraseFromReports } from './erase.js'
export { maskDoors, parseGridArgs, parseReportRef, reportCode } from './parse.js'
