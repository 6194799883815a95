/** Understanding residents as they write and send: what the router and dialogs use. */
export { keepAttachment } from './attachments.js'
export { readBare, readQuote, type Understood } from './context.js'
export { askAbout, GUESS_DIALOG, pendingGuess, understandingDialogs, yesOrNo } from './guess.js'
export { isHarmless, type Option } from './read.js'
export { splitQuote, quoteContext, type Quote } from './quote.js'
export { asWritten, createSimplifier, type Simplify } from './simplify.js'
export { writtenFragment } from './written.js'
export { guessText, smallTalkText, typeInDialog, typeInOldDialog, typeLine, unknownText, type LineType } from './text.js'
