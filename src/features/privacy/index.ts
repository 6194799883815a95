/** The privacy feature's public face: its dialog, and the erasure itself (for the bench). */
export { eraseDialog } from './eraseDialog.js'
export { ERASED_NAME, eraseMyInfo } from './eraseMyInfo.js'
