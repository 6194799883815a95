/** What other features (and the app's scheduler) use of implementation. */
export { acceptanceText, publishAcceptance } from './acceptanceResult.js'
export { isCoordinationWeek, sendCoordinationSummary } from './coordinationSummary.js'
export { sendProgressDigest } from './progressDigest.js'
export { showPoolHistory } from './showPoolHistory.js'
export { formatDay } from './text.js'
export { consultationSheet } from './consultationSheet.js'
export { actionPlan, overdueOf } from './actionPlan.js'
