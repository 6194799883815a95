/** The notices feature's public face: publishing (the bench), and the 已转发 reminder job. */
export { planNotice, publishNotice, type NoticeDraft, type NoticeKind, type NoticePlan } from './publishNotice.js'
export { remindHeads } from './remindHeads.js'
