export * from '../outbox/broadcast.js'
