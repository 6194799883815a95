import { createServer } from 'node:http'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { isConnectionError } from '../../src/db/client.js'
import { installLastResort, isKnownDatabaseFault } from '../../src/lastResort.js'
import { createOpsWebhook } from '../../src/status/webhook.js'

const silent = pino({ level: 'silent' })

/** The TypeError postgres.js 3.4.9 throws from a timer (connection.js:255). */
function postgresWriteFault(): TypeError {
  const err = new TypeError("Cannot read properties of null (reading 'write')")
  err.stack = `${err.message}\n    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:485:21)`
  return err
}

describe('last-resort handlers', () => {
  let uninstall: (() => void) | undefined
  afterEach(() => uninstall?.())

  it('knows the postgres.js connection faults and nothing else', () => {
    expect(isKnownDatabaseFault(postgresWriteFault())).toBe(true)
    expect(isKnownDatabaseFault(Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' }))).toBe(true)
    expect(isKnownDatabaseFault(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true)
    // drizzle wraps the driver's error
    expect(isConnectionError(new Error('Failed query: select 1', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }))).toBe(true)
    expect(isKnownDatabaseFault(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false)
    expect(isKnownDatabaseFault(new TypeError('x is not a function'))).toBe(false)
    expect(isKnownDatabaseFault(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false)
  })

  it('goes on after a known fault, renewing the pool; ends on anything else', () => {
    const seen: string[] = []
    uninstall = installLastResort({ log: silent, onDatabaseFault: () => seen.push('renew'), onFatal: () => seen.push('fatal') })
    process.emit('uncaughtException', postgresWriteFault())
    process.emit('unhandledRejection', Object.assign(new Error('closed'), { code: 'CONNECTION_CLOSED' }), Promise.resolve())
    process.emit('unhandledRejection', new Error('some stray promise'), Promise.resolve())
    expect(seen).toEqual(['renew', 'renew'])
    process.emit('uncaughtException', new RangeError('a bug'))
    expect(seen).toEqual(['renew', 'renew', 'fatal'])
  })
})

describe('operator webhook', () => {
  it('never holds up the caller, even when the receiver does not answer', async () => {
    let received = 0
    const hanging = createServer(() => void received++) // never responds
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r))
    const port = (hanging.address() as { port: number }).port
    const hook = createOpsWebhook({ url: `http://127.0.0.1:${port}/`, log: silent, timeoutMs: 200 })
    // fire and forget: nothing to wait on, and the request has not even been sent yet
    expect(hook.notify({ event: 'logout', at: new Date().toISOString(), name: null, message: '掉线' })).toBeUndefined()
    expect(received).toBe(0)
    await hook.idle() // the timeout ends it, logged only
    expect(received).toBe(1)
    hanging.closeAllConnections()
    await new Promise((r) => hanging.close(r))
  })

  it('does nothing without a URL and survives a refused connection', async () => {
    createOpsWebhook({ url: undefined, log: silent }).notify({ event: 'logout', at: '', name: null, message: '' })
    const hook = createOpsWebhook({ url: 'http://127.0.0.1:1/', log: silent })
    hook.notify({ event: 'logout', at: '', name: null, message: '' })
    await hook.idle()
  })
})
