/** The suggestions feature's public face: the J-code, the morning digest, and recording a suggestion. */
export { suggestionCode } from '../../domain/suggestions/code.js'
export { digestSuggestions } from './digestSuggestions.job.js'
export { likelyDuplicate, recordSuggestion, supportSuggestion, type SuggestionDraft } from './submitSuggestion.js'
