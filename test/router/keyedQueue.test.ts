import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KeyedQueue } from '../../src/router/keyedQueue.js'

function deferred<T = void>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets every pending promise callback run. */
const flush = () => new Promise<void>((r) => setImmediate(r))
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

describe('KeyedQueue', () => {
  it('runs tasks with the same key strictly in order, even when an early one is slow', async () => {
    const q = new KeyedQueue()
    const log: string[] = []
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`)
      await sleep(ms)
      log.push(`end ${name}`)
      return name
    }
    const results = await Promise.all([q.run('a', task('1', 30)), q.run('a', task('2', 1)), q.run('a', task('3', 10))])
    expect(results).toEqual(['1', '2', '3'])
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3'])
  })

  it('does not start the next task of a key before the previous one settles', async () => {
    const q = new KeyedQueue()
    const first = deferred()
    let secondStarted = false
    void q.run('a', () => first.promise)
    const second = q.run('a', async () => {
      secondStarted = true
    })
    await flush()
    expect(secondStarted).toBe(false)
    first.resolve()
    await second
    expect(secondStarted).toBe(true)
  })

  it('runs different keys concurrently', async () => {
    const q = new KeyedQueue()
    const a = deferred()
    let bRan = false
    const ra = q.run('a', () => a.promise)
    await q.run('b', async () => {
      bRan = true
    }) // would hang if b waited for a
    expect(bRan).toBe(true)
    a.resolve()
    await ra
  })

  it('a rejected task does not block the next, and the caller sees the rejection', async () => {
    const q = new KeyedQueue()
    const failing = q.run('a', async () => {
      throw new Error('坏了')
    })
    const throwingSync = q.run('a', () => {
      throw new Error('同步坏了')
    })
    const next = q.run('a', async () => 'ok')
    await expect(failing).rejects.toThrow('坏了')
    await expect(throwingSync).rejects.toThrow('同步坏了')
    await expect(next).resolves.toBe('ok')
  })

  it('idle() waits for everything queued, including tasks queued meanwhile', async () => {
    const q = new KeyedQueue()
    const done: string[] = []
    const a = deferred()
    void q.run('a', async () => {
      await a.promise
      done.push('a')
      void q.run('c', async () => {
        await sleep(5)
        done.push('c')
      })
    })
    void q.run('b', async () => {
      await sleep(5)
      done.push('b')
    })
    let idle = false
    const waiting = q.idle().then(() => {
      idle = true
    })
    await sleep(20)
    expect(idle).toBe(false)
    a.resolve()
    await waiting
    expect(done.sort()).toEqual(['a', 'b', 'c'])
  })

  it('idle() resolves at once when nothing is queued, also after failures', async () => {
    const q = new KeyedQueue()
    await q.idle()
    await q.run('a', async () => Promise.reject(new Error('x'))).catch(() => undefined)
    await q.idle()
  })

  it('property: per key, tasks start and finish in submission order and never overlap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c'), ms: fc.integer({ min: 0, max: 3 }), fail: fc.boolean() }), {
          maxLength: 25,
        }),
        async (jobs) => {
          const q = new KeyedQueue()
          const events: { key: string; i: number; what: 'start' | 'end' }[] = []
          const running = new Set<string>()
          const outcomes = jobs.map((job, i) =>
            q
              .run(job.key, async () => {
                expect(running.has(job.key)).toBe(false)
                running.add(job.key)
                events.push({ key: job.key, i, what: 'start' })
                await sleep(job.ms)
                events.push({ key: job.key, i, what: 'end' })
                running.delete(job.key)
                if (job.fail) throw new Error(`job ${i}`)
                return i
              })
              .then(
                (v) => ({ ok: true, v }),
                () => ({ ok: false, v: i }),
              ),
          )
          await q.idle()
          const settled = await Promise.all(outcomes)
          expect(settled).toEqual(jobs.map((j, i) => ({ ok: !j.fail, v: i })))
          for (const key of ['a', 'b', 'c']) {
            const mine = events.filter((e) => e.key === key)
            const expected = jobs.flatMap((j, i) => (j.key === key ? [{ key, i, what: 'start' }, { key, i, what: 'end' }] : []))
            expect(mine).toEqual(expected)
          }
        },
      ),
      { numRuns: 30 },
    )
  })
})
