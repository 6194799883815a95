import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, defaultConfig, loadConfig } from '../src/config.js'

/** The ConfigError thrown for `env`; fails the test if none is thrown. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env)
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return e as ConfigError
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`)
}

describe('loadConfig', () => {
  it('has sensible defaults', () => {
    const c = loadConfig({})
    expect(c.staffRoomTopics).toEqual(['居委工作群'])
    expect(c.timeZone).toBe('Asia/Shanghai')
    expect(c.send).toEqual({ chatIntervalMs: 1000, switchIntervalMs: 3000, perMinute: 40, maxAttempts: 5 })
    expect(c.databaseUrl).toBeUndefined()
    expect(c.dataDir).toBe('./data')
    expect(c.sessionName).toBe(join('./data', 'gongjian'))
    expect(c.staleAfterMs).toBe(180_000)
    expect(c.dialogTimeoutMs).toBe(10 * 60_000)
    expect(c.inboundRetentionDays).toBe(90)
    expect(c.logLevel).toBe('info')
    expect(c.botName).toBeUndefined()
  })

  it('does not read process.env when given an env', () => {
    const saved = process.env.GONGJIAN_SEND_PER_MINUTE
    process.env.GONGJIAN_SEND_PER_MINUTE = '7'
    try {
      expect(loadConfig({}).send.perMinute).toBe(40)
    } finally {
      if (saved === undefined) delete process.env.GONGJIAN_SEND_PER_MINUTE
      else process.env.GONGJIAN_SEND_PER_MINUTE = saved
    }
  })

  it('reads every variable', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db:5432/gongjian',
      GONGJIAN_DATA_DIR: '/var/lib/gongjian',
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: 'tok',
      WECHATY_NAME: 'bot1',
      GONGJIAN_STAFF_ROOM: '幸福里居委工作群',
      GONGJIAN_BOT_NAME: '共建小助手',
      GONGJIAN_SEND_CHAT_INTERVAL_MS: '1500',
      GONGJIAN_SEND_SWITCH_INTERVAL_MS: '5000',
      GONGJIAN_SEND_PER_MINUTE: '20',
      GONGJIAN_SEND_MAX_ATTEMPTS: '3',
      GONGJIAN_STALE_AFTER_S: '60',
      GONGJIAN_DIALOG_TIMEOUT_MIN: '5',
      GONGJIAN_INBOUND_RETENTION_DAYS: '30',
      GONGJIAN_TIMEZONE: 'Asia/Urumqi',
      GONGJIAN_ANNOUNCE: 'false',
      GONGJIAN_FORWARD_REMIND_AFTER_H: '12',
      GONGJIAN_ACCEPT_DAYS: '5',
      GONGJIAN_ACCEPT_MIN_AVG: '4',
      GONGJIAN_HTTP_HOST: '0.0.0.0',
      GONGJIAN_HTTP_PORT: '9090',
      GONGJIAN_OPS_WEBHOOK: 'https://ops.example.org/hook',
      LOG_LEVEL: 'debug',
    })
    expect(c).toEqual({
      databaseUrl: 'postgresql://u:p@db:5432/gongjian',
      dataDir: '/var/lib/gongjian',
      puppet: 'wechaty-puppet-service',
      puppetToken: 'tok',
      sessionName: join('/var/lib/gongjian', 'bot1'),
      staffRoomTopics: ['幸福里居委工作群'],
      botName: '共建小助手',
      send: { chatIntervalMs: 1500, switchIntervalMs: 5000, perMinute: 20, maxAttempts: 3 },
      staleAfterMs: 60_000,
      dialogTimeoutMs: 5 * 60_000,
      inboundRetentionDays: 30,
      timeZone: 'Asia/Urumqi',
      announce: false,
      forwardRemindAfterMs: 12 * 3_600_000,
      roundRemindBeforeMs: 12 * 3_600_000,
      acceptance: { periodMs: 5 * 86_400_000, minAverage: 4 },
      http: { host: '0.0.0.0', port: 9090 },
      opsWebhook: 'https://ops.example.org/hook',
      logLevel: 'debug',
    })
  })

  it('serves the status page on 127.0.0.1:8080 by default; port 0 is off; names a bad port or webhook', () => {
    expect(loadConfig({}).http).toEqual({ host: '127.0.0.1', port: 8080 })
    expect(loadConfig({}).opsWebhook).toBeUndefined()
    expect(loadConfig({ GONGJIAN_HTTP_PORT: '0' }).http.port).toBe(0)
    expect(() => loadConfig({ GONGJIAN_HTTP_PORT: '70000' })).toThrow(/GONGJIAN_HTTP_PORT/)
    expect(() => loadConfig({ GONGJIAN_OPS_WEBHOOK: 'ops.example.org' })).toThrow(/GONGJIAN_OPS_WEBHOOK/)
  })

  it('reads yes/no settings tolerantly and names a bad one', () => {
    expect(loadConfig({}).announce).toBe(true)
    expect(loadConfig({ GONGJIAN_ANNOUNCE: '0' }).announce).toBe(false)
    expect(() => loadConfig({ GONGJIAN_ANNOUNCE: 'maybe' })).toThrow(/GONGJIAN_ANNOUNCE/)
  })

  it('names an acceptance threshold outside 1–5', () => {
    expect(loadConfig({}).acceptance).toEqual({ periodMs: 7 * 86_400_000, minAverage: 3.5 })
    expect(() => loadConfig({ GONGJIAN_ACCEPT_MIN_AVG: '6' })).toThrow(/GONGJIAN_ACCEPT_MIN_AVG/)
  })

  it('zeros are allowed for the send pacing (no waiting)', () => {
    const c = loadConfig({ GONGJIAN_SEND_CHAT_INTERVAL_MS: '0', GONGJIAN_SEND_SWITCH_INTERVAL_MS: '0', GONGJIAN_SEND_PER_MINUTE: '0' })
    expect(c.send).toMatchObject({ chatIntervalMs: 0, switchIntervalMs: 0, perMinute: 0 })
  })

  it('empty or blank strings mean unset', () => {
    const blank = {
      DATABASE_URL: '',
      GONGJIAN_STAFF_ROOM: '',
      GONGJIAN_TIMEZONE: '',
      GONGJIAN_SEND_PER_MINUTE: ' ', // must not coerce to 0 and switch the limit off
      GONGJIAN_SEND_CHAT_INTERVAL_MS: '\t',
      GONGJIAN_BOT_NAME: '',
      WECHATY_PUPPET_SERVICE_TOKEN: '',
      LOG_LEVEL: '',
    }
    const c = loadConfig(blank)
    expect(c.databaseUrl).toBeUndefined()
    expect(c.staffRoomTopics).toEqual(['居委工作群'])
    expect(c.timeZone).toBe('Asia/Shanghai')
    expect(c.send.perMinute).toBe(40)
    expect(c.send.chatIntervalMs).toBe(1000)
    expect(c.botName).toBeUndefined()
    expect(c.puppetToken).toBeUndefined()
    expect(c.logLevel).toBe('info')
  })

  it('trims values', () => {
    const c = loadConfig({ GONGJIAN_TIMEZONE: ' Asia/Shanghai ', GONGJIAN_SEND_PER_MINUTE: ' 30 ', DATABASE_URL: ' postgres://h/db ' })
    expect(c.timeZone).toBe('Asia/Shanghai')
    expect(c.send.perMinute).toBe(30)
    expect(c.databaseUrl).toBe('postgres://h/db')
  })

  it.each([
    ['甲居委工作群,乙居委工作群', ['甲居委工作群', '乙居委工作群']],
    ['甲居委工作群，乙居委工作群', ['甲居委工作群', '乙居委工作群']],
    [' 甲 , 乙 ， 丙 ', ['甲', '乙', '丙']],
    ['甲|乙', ['甲', '乙']],
    ['甲,,乙,', ['甲', '乙']],
    ['甲,甲', ['甲']],
    ['居委、物业联络群', ['居委、物业联络群']], // 、 may be part of a topic
  ])('staff rooms %j → %j', (value, topics) => {
    expect(loadConfig({ GONGJIAN_STAFF_ROOM: value }).staffRoomTopics).toEqual(topics)
  })

  it('a staff room list with no topic in it is an error, not an empty list', () => {
    const e = configError({ GONGJIAN_STAFF_ROOM: ' , ， ' })
    expect(e.message).toContain('GONGJIAN_STAFF_ROOM')
  })

  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'postgres://'],
    ['GONGJIAN_SEND_PER_MINUTE', 'abc'],
    ['GONGJIAN_SEND_PER_MINUTE', '-1'],
    ['GONGJIAN_SEND_PER_MINUTE', '2.5'],
    ['GONGJIAN_SEND_CHAT_INTERVAL_MS', '1s'],
    ['GONGJIAN_SEND_MAX_ATTEMPTS', '0'],
    ['GONGJIAN_DIALOG_TIMEOUT_MIN', '0'],
    ['GONGJIAN_INBOUND_RETENTION_DAYS', 'forever'],
    ['GONGJIAN_STALE_AFTER_S', 'Infinity'],
    ['GONGJIAN_TIMEZONE', 'Mars/Olympus'],
    ['GONGJIAN_TIMEZONE', 'Beijing'],
    ['LOG_LEVEL', 'loud'],
  ])('%s=%j throws a ConfigError naming the variable', (name, value) => {
    const e = configError({ [name]: value })
    expect(e.name).toBe('ConfigError')
    expect(e.message).toContain(name)
    expect(e.message).toContain('配置有误')
  })

  it('names every bad variable at once', () => {
    const e = configError({ DATABASE_URL: 'mysql://x', GONGJIAN_SEND_PER_MINUTE: 'abc', GONGJIAN_TIMEZONE: 'Nowhere/Town' })
    for (const name of ['DATABASE_URL', 'GONGJIAN_SEND_PER_MINUTE', 'GONGJIAN_TIMEZONE']) expect(e.message).toContain(name)
  })

  it('ignores unrelated variables', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '', FOO: 'x' })).not.toThrow()
  })
})

describe('defaultConfig', () => {
  it('is the defaults with overrides applied', () => {
    const c = defaultConfig({ staffRoomTopics: ['测试工作群'], timeZone: 'UTC' })
    expect(c.staffRoomTopics).toEqual(['测试工作群'])
    expect(c.timeZone).toBe('UTC')
    expect(c.send.perMinute).toBe(40)
  })
})
