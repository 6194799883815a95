import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PuppetMock } from 'wechaty-puppet-mock'
import { PuppetServer } from 'wechaty-puppet-service'
import { explainPuppetError } from '../../src/chat/puppetStart.js'

/** A port nothing listens on (taken and given back). */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

interface Run {
  code: number | null
  seconds: number
  stdout: string
  stderr: string
}

/** `npm start` as an operator runs it (tsx, PGlite in a temp dir), killed after `limitMs` if still up. */
function startBot(env: Record<string, string>, limitMs: number, until?: (stderr: string) => boolean): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gj-puppet-'))
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|WECHATY_|GONGJIAN_|LOG_LEVEL)/.test(k)))
  const started = Date.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...clean, GONGJIAN_DATA_DIR: dataDir, GONGJIAN_HTTP_PORT: '0', WECHATY_PUPPET: 'wechaty-puppet-service', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let stopping = false
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString()
    // once: a second SIGTERM would kill it before it has stopped cleanly
    if (!stopping && until?.(stderr)) {
      stopping = true
      child.kill('SIGTERM')
    }
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs)
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer)
      rmSync(dataDir, { recursive: true, force: true })
      resolve({ code, seconds: (Date.now() - started) / 1000, stdout, stderr })
    })
  })
}

const lastLine = (s: string) => s.trim().split('\n').at(-1)
/** "    at fn (file:line)" — what a stack trace looks like */
const STACK = /^\s+at .+[:(]/m

describe('企业微信 through wechaty-puppet-service', () => {
  let server: PuppetServer
  let port: number

  beforeAll(async () => {
    // a real puppet service (the same gRPC server WorkPro speaks), on this machine, with its own token
    port = await freePort()
    server = new PuppetServer({ endpoint: `127.0.0.1:${port}`, puppet: new PuppetMock(), token: 'insecure_gongjian-test' })
    await server.start()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('uses @grpc/grpc-js 1.9.x everywhere (1.10+ breaks wechaty-token)', () => {
    const tree = JSON.parse(execFileSync('npm', ['ls', '@grpc/grpc-js', '--all', '--json'], { encoding: 'utf8' })) as object
    const versions: string[] = []
    interface Node {
      version?: string
      dependencies?: Record<string, Node>
    }
    const walk = (node: Node) => {
      for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
        if (name === '@grpc/grpc-js' && dep.version) versions.push(dep.version)
        walk(dep)
      }
    }
    walk(tree)
    expect(versions.length).toBeGreaterThan(0)
    for (const v of versions) expect(v).toMatch(/^1\.9\./)
  })

  it('a token the service refuses: one sentence, no stack trace, no second try, exit 1', async () => {
    const run = await startBot({ WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_wrong-token', WECHATY_PUPPET_SERVICE_ENDPOINT: `127.0.0.1:${port}` }, 120_000)
    // it ends by itself (a run still up at the limit is killed: code null), after one try
    expect(run.code).toBe(1)
    expect(lastLine(run.stderr)).toBe(
      '企业微信服务拒绝了这个 token：无效或已过期，请检查 WECHATY_PUPPET_SERVICE_TOKEN / the puppet service rejected the token (invalid or expired)',
    )
    expect(run.stderr + run.stdout).not.toMatch(STACK)
    expect(run.stderr.match(/puppet did not start/g)).toHaveLength(1)
  }, 130_000)

  it('a service that is not there: three tries, then one sentence naming the address, exit 1', async () => {
    const closed = await freePort()
    const run = await startBot({ WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_any', WECHATY_PUPPET_SERVICE_ENDPOINT: `127.0.0.1:${closed}` }, 180_000)
    expect(run.code).toBe(1)
    expect(lastLine(run.stderr)).toBe(`无法连接企业微信服务 127.0.0.1:${closed}：服务未开或网络不通 / cannot reach the puppet service at 127.0.0.1:${closed}`)
    expect(run.stderr + run.stdout).not.toMatch(STACK)
    expect(run.stderr.match(/puppet did not start/g)).toHaveLength(3)
  }, 190_000)

  it('the right token: the bot starts and stays up (until stopped)', async () => {
    const run = await startBot(
      { WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_gongjian-test', WECHATY_PUPPET_SERVICE_ENDPOINT: `127.0.0.1:${port}`, LOG_LEVEL: 'debug' },
      120_000,
      // the catch-up jobs run right after a successful start
      (stderr) => stderr.includes('"msg":"job done"'),
    )
    expect(run.stderr).not.toContain('puppet did not start')
    expect(run.stdout).toContain('正在停止')
    expect(run.code).toBe(0)
  }, 130_000)
})

describe('what a puppet error means', () => {
  const service = { puppet: 'wechaty-puppet-service' }
  const resolves = (ok: boolean) => () => Promise.resolve(ok)

  it.each([
    ['Wechaty Puppet Service requires a SNI as prefix of the token from version 0.30 and later.', 'WECHATY_PUPPET_SERVICE_TOKEN 格式不对', false],
    ['16 UNAUTHENTICATED: Invalid Wechaty TOKEN "insecure_x"', '拒绝了这个 token', false],
    ['14 UNAVAILABLE: No connection established. Last error: 80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', 'WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true', false],
    ['14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:1', '无法连接企业微信服务', true],
  ])('%s → %s', async (message, words, retry) => {
    const v = await explainPuppetError(message, service, resolves(true))
    expect(v?.sentence).toContain(words)
    expect(v?.retry).toBe(retry)
    expect(v?.sentence).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/)
  })

  it('an unknown token and no network look alike to the puppet: the discovery host decides', async () => {
    const msg = '14 UNAVAILABLE: Wechaty service discovery / resolution failed for target wechaty://api.chatie.io/puppet_workpro_x: token "puppet_workpro_x" does not exist'
    const unknown = await explainPuppetError(msg, { ...service, authority: 'token-service-discovery-test.juzibot.com' }, resolves(true))
    expect(unknown).toMatchObject({ retry: false })
    expect(unknown!.sentence).toContain('在 token-service-discovery-test.juzibot.com 查不到这个 token')
    const offline = await explainPuppetError(msg, service, resolves(false))
    expect(offline).toMatchObject({ retry: true })
    expect(offline!.sentence).toContain('无法连接 token 查询服务 api.chatie.io')
  })

  it('the puppet’s own wait timeout is noise; wechat4u only fails on the network', async () => {
    expect(await explainPuppetError('Timeout after 5000 ms', service)).toBeUndefined()
    expect(await explainPuppetError('getaddrinfo ENOTFOUND login.wx.qq.com', { puppet: 'wechaty-puppet-wechat4u' })).toMatchObject({ retry: false })
    expect(await explainPuppetError('no payload found', { puppet: 'wechaty-puppet-wechat4u' })).toBeUndefined()
  })
})
