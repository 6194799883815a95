/** The deliberation feature's public face: commands, dialogs, the closing job, and the lead's hooks (export, erasure). */
export { deliberationCommands } from './commands.js'
export { minutesPhotosDialog } from './minutesPhotos.js'
export { closeDueQuestions } from './closeQuestions.job.js'
export { questionSheet } from './exportRows.js'
export { eraseFromDeliberation } from './erase.js'
