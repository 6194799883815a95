/** What other features (and the app's jobs) use of votes and rounds. */
export { eligibleVoter } from './eligibleVoter.js'
export { currentRanking, residentTally, resultsText } from './results.js'
export { closeDueRounds } from './publishResults.js'
export { remindRounds } from './remindRounds.job.js'
export { findCjkFont, renderPng } from './renderChart.js'
export { appointCouncilMember } from './appointCouncilMember.js'
export { openCouncilRound } from './openCouncilRound.js'
export { scoreProjects, scoringDialog } from './scoreProjects.js'
