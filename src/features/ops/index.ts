/** Operations: backups and restores (the app's nightly job, npm run backup / restore) and the daily housekeeping. */
export * from './backup.js'
export { purgeInbound } from './purgeInbound.js'
