/** What other features (and the app's jobs) use of votes and rounds. */
export { eligibleVoter } from './castVote.js'
export { currentRanking, resultsText, closeDueRounds, remindRounds } from './results.js'
export { findCjkFont } from './renderChart.js'
export { appointCouncilMember, openCouncilRound, scoreProjects, SCORE_DIALOG, scoringDialog } from './scoreProjects.js'
