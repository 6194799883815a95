/**
 * One bot process's outbox sender, for the two-process test (test/outbox/senderLease.test.ts):
 * drains DATABASE_URL's outbox under the account's lease, and appends every send to OUT as
 * `<ms> <holder> <chat> <body>`. SIGTERM stops it cleanly (the lease is given up); SIGKILL is a crash.
 */
import { appendFileSync } from 'node:fs'
import type { ChatGateway } from '../../src/chat/types.js'
import { openDatabase } from '../../src/db/client.js'
import { createLogger } from '../../src/log.js'
import { OutboxSender } from '../../src/outbox/sender.js'

const { DATABASE_URL, OUT, HOLDER, TTL_MS, GAP_MS } = process.env
const database = await openDatabase({ url: DATABASE_URL!, dataDir: '' })
const gateway: ChatGateway = {
  async sendText(to, text) {
    appendFileSync(OUT!, `${Date.now()} ${HOLDER} ${to.roomPuppetId ?? to.contactPuppetId} ${text}\n`)
  },
  async sendFile() {},
  async loadImage() {
    throw new Error('unused')
  },
  async announce() {
    return false
  },
}
const gap = Number(GAP_MS)
const sender = new OutboxSender({
  db: database.db,
  gateway,
  now: () => new Date(),
  rules: { chatIntervalMs: gap, switchIntervalMs: gap, perMinute: 0 },
  maxAttempts: 3,
  log: createLogger('silent'),
  account: process.env.ACCOUNT ?? 'default',
  lease: { holder: HOLDER!, ttlMs: Number(TTL_MS) },
})
sender.start()
process.on('SIGTERM', () => {
  void sender.stop().then(() => database.close()).then(() => process.exit(0))
})
process.stdout.write('ready\n')
