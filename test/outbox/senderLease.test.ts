import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { outbox, rooms, senderLeases } from '../../src/db/schema.js'
import { takeLease } from '../../src/db/senderLeases.js'
import { collectStatus, statusLines } from '../../src/features/status/index.js'
import { enqueueMessage } from '../../src/outbox/enqueue.js'
import { testDatabase } from '../support/db.js'

const GAP_MS = 300
const TTL_MS = 1500
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')

describe('one account, two processes on one Postgres', () => {
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL')
  })

  it('the lease: renewed by its holder, refused to another until it runs out', async () => {
    const database = await testDatabase()
    try {
      const t0 = new Date('2026-12-02T10:00:00Z')
      const at = (ms: number) => new Date(t0.getTime() + ms)
      expect(await takeLease(database.db, { account: 'a', holder: 'A', now: t0, ttlMs: 1000 })).toBe(true)
      expect(await takeLease(database.db, { account: 'a', holder: 'B', now: at(500), ttlMs: 1000 })).toBe(false)
      expect(await takeLease(database.db, { account: 'a', holder: 'A', now: at(900), ttlMs: 1000 })).toBe(true)
      expect(await takeLease(database.db, { account: 'a', holder: 'B', now: at(1500), ttlMs: 1000 })).toBe(false)
      // another account is another lease
      expect(await takeLease(database.db, { account: 'b', holder: 'B', now: at(1500), ttlMs: 1000 })).toBe(true)
      expect(await takeLease(database.db, { account: 'a', holder: 'B', now: at(2000), ttlMs: 1000 })).toBe(true)
      expect((await database.db.select().from(senderLeases)).map((l) => [l.account, l.holder]).sort()).toEqual([
        ['a', 'B'],
        ['b', 'B'],
      ])
    } finally {
      await database.close()
    }
  })

  it('状态 says whether this process sends for the account, another does, or none right now', async () => {
    const database = await testDatabase()
    try {
      const now = new Date('2026-12-02T10:00:00Z')
      const state = { startedAt: now, loggedIn: true, name: '共建助手', since: now, qr: null, lastError: null }
      const line = async (holder: string, at: Date) => {
        const r = await collectStatus(database.db, { account: 'default', state, now: at, jobNames: [], lease: { account: 'bot-a', holder } })
        return statusLines(r, 'Asia/Shanghai').find((l) => l.startsWith('发送'))
      }
      expect(await line('A', now)).toBe('发送（账号 bot-a）：暂时没有进程在发（登录后接手）')
      await takeLease(database.db, { account: 'bot-a', holder: 'A', now, ttlMs: 15_000 })
      expect(await line('A', now)).toBe('发送（账号 bot-a）：本进程在发')
      expect(await line('B', now)).toBe('发送（账号 bot-a）：另一个进程在发，本进程待命（它停了就接手）')
      expect(await line('B', new Date(now.getTime() + 16_000))).toBe('发送（账号 bot-a）：暂时没有进程在发（登录后接手）')
      // without a lease (embedded PGlite, the mock): no such line
      const plain = await collectStatus(database.db, { account: 'default', state, now, jobNames: [] })
      expect(statusLines(plain, 'Asia/Shanghai').some((l) => l.startsWith('发送'))).toBe(false)
    } finally {
      await database.close()
    }
  })

  it.runIf(onPostgres)('only one sends at a time, the limits hold across both, and the other takes over when the holder dies', { timeout: 90_000 }, async () => {
    const database = await testDatabase()
    try {
      const now = new Date()
      const made = await database.db
        .insert(rooms)
        .values([1, 2].map((i) => ({ topic: `${i}号楼群`, kind: 'building', puppetId: `g${i}@chatroom`, account: 'default', createdAt: now })))
        .returning({ id: rooms.id })
      const N = 30
      for (let i = 0; i < N; i++) await enqueueMessage(database.db, { key: `m${i}`, body: `m${i}`, roomId: made[i % 2]!.id, now })
      const out = join(mkdtempSync(join(tmpdir(), 'gj-lease-')), 'sends.log')
      const start = (holder: string) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/senderProcess.ts'], {
          env: { ...process.env, DATABASE_URL: database.url, OUT: out, HOLDER: holder, TTL_MS: String(TTL_MS), GAP_MS: String(GAP_MS) },
          stdio: ['ignore', 'pipe', 'inherit'],
        })
        children.push(child)
        return new Promise<ChildProcess>((resolve) => child.stdout!.once('data', () => resolve(child)))
      }
      const lines = () => (existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n').filter(Boolean) : [])
      const until = async (ok: () => boolean, ms: number) => {
        const end = Date.now() + ms
        while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
      }
      const a = await start('A')
      await start('B')
      await until(() => lines().length >= 10, 30_000)
      // the holder crashes: no clean hand-over, the lease has to run out
      a.kill('SIGKILL')
      await until(() => lines().length >= N, 45_000)

      const sends = lines().map((l) => {
        const [ms, holder, chat, body] = l.split(' ')
        return { ms: Number(ms), holder: holder!, chat: chat!, body: body! }
      })
      // each message exactly once
      expect(sends.map((s) => s.body).sort()).toEqual(Array.from({ length: N }, (_, i) => `m${i}`).sort())
      expect((await database.db.select().from(outbox)).every((r) => r.status === 'sent')).toBe(true)
      // one sender at a time: A's sends, then B's (after the crash), never interleaved
      const holders = sends.map((s) => s.holder)
      const firstB = holders.indexOf('B')
      expect(firstB).toBeGreaterThan(0)
      expect(holders.slice(0, firstB).every((h) => h === holders[0])).toBe(true)
      expect(holders.slice(firstB).every((h) => h === 'B')).toBe(true)
      // the limits hold across both processes (B learned A's last sends when it took over)
      const gaps = sends.slice(1).map((s, i) => s.ms - sends[i]!.ms)
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(GAP_MS - 5)
    } finally {
      for (const c of children) c.kill('SIGKILL')
      await database.close()
    }
  })
})
