/** Wall-clock time in a time zone, and times as people say them. */
export { addDays, fromWallTime, wallTime, type WallTime } from './clock.js'
export { formatClock, formatStamp, whenReasonText } from './text.js'
export { parseWhen, type When, type WhenParsed, type WhenReason } from './when.js'
