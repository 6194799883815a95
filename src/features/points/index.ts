/** The points feature's public face: what reports, the app, the export and the erasure use. */
export { pointsCommands } from './commands.js'
export { volunteerDialog } from './volunteerSignup.js'
export { awardReportPoints, REPORT_POINTS, type Earned } from './ledger.js'
export { mentionedPeople } from './mentioned.js'
export { postPointsBoards } from './pointsBoard.job.js'
export { ledgerSheet, type Cell, type Sheet } from './exportRows.js'
export { eraseFromPoints } from './erase.js'
