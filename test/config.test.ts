import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONFIG_VARIABLES, ConfigError, defaultConfig, loadConfig } from '../src/config.js'

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
    expect(c.streetRoomTopic).toBe('街道推进办')
    expect(loadConfig({ GONGJIAN_STREET_ROOM: 'off' }).streetRoomTopic).toBeUndefined()
    expect(loadConfig({ GONGJIAN_STREET_ROOM: '无' }).streetRoomTopic).toBeUndefined()
    expect(loadConfig({ GONGJIAN_STREET_ROOM: '' }).streetRoomTopic).toBe('街道推进办')
    expect(c.timeZone).toBe('Asia/Shanghai')
    expect(c.send).toEqual({ chatIntervalMs: 1000, switchIntervalMs: 3000, perMinute: 40, maxAttempts: 5, coalesceAcks: true, leaseMs: 15_000 })
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
      GONGJIAN_STREET_ROOM: '东湖街道推进办',
      GONGJIAN_BOT_NAME: '共建小助手',
      GONGJIAN_ACCOUNT: 'bot1',
      GONGJIAN_SEND_CHAT_INTERVAL_MS: '1500',
      GONGJIAN_SEND_SWITCH_INTERVAL_MS: '5000',
      GONGJIAN_SEND_PER_MINUTE: '20',
      GONGJIAN_SEND_MAX_ATTEMPTS: '3',
      GONGJIAN_COALESCE_ACKS: 'false',
      GONGJIAN_STALE_AFTER_S: '60',
      GONGJIAN_DIALOG_TIMEOUT_MIN: '5',
      GONGJIAN_INBOUND_RETENTION_DAYS: '30',
      GONGJIAN_TIMEZONE: 'Asia/Urumqi',
      GONGJIAN_ANNOUNCE: 'false',
      GONGJIAN_FORWARD_REMIND_AFTER_H: '12',
      GONGJIAN_ACCEPT_DAYS: '5',
      GONGJIAN_ACCEPT_MIN_AVG: '4',
      WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:8788',
      WECHATY_PUPPET_SERVICE_AUTHORITY: 'token-service-discovery-test.juzibot.com',
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
      GONGJIAN_HTTP_HOST: '0.0.0.0',
      GONGJIAN_HTTP_PORT: '9090',
      GONGJIAN_OPS_WEBHOOK: 'https://ops.example.org/hook',
      GONGJIAN_BACKUP_DIR: '/backups',
      GONGJIAN_BACKUP_CRON: '30 2 * * *',
      GONGJIAN_BACKUP_KEEP: '7',
      LOG_LEVEL: 'debug',
    })
    expect(c).toEqual({
      databaseUrl: 'postgresql://u:p@db:5432/gongjian',
      dataDir: '/var/lib/gongjian',
      puppet: 'wechaty-puppet-service',
      puppetToken: 'tok',
      puppetEndpoint: '127.0.0.1:8788',
      puppetAuthority: 'token-service-discovery-test.juzibot.com',
      puppetNoTls: true,
      sessionName: join('/var/lib/gongjian', 'bot1'),
      staffRoomTopics: ['幸福里居委工作群'],
      streetRoomTopic: '东湖街道推进办',
      botName: '共建小助手',
      account: 'bot1',
      send: { chatIntervalMs: 1500, switchIntervalMs: 5000, perMinute: 20, maxAttempts: 3, coalesceAcks: false, leaseMs: 15_000 },
      staleAfterMs: 60_000,
      dialogTimeoutMs: 5 * 60_000,
      inboundRetentionDays: 30,
      timeZone: 'Asia/Urumqi',
      announce: false,
      forwardRemindAfterMs: 12 * 3_600_000,
      roundRemindBeforeMs: 12 * 3_600_000,
      acceptance: { periodMs: 5 * 86_400_000, minAverage: 4 },
      reports: { takeMs: 24 * 3_600_000, slaMs: 72 * 3_600_000 },
      points: { dailyCap: 30 },
      http: { host: '0.0.0.0', port: 9090 },
      opsWebhook: 'https://ops.example.org/hook',
      backup: { dir: '/backups', cron: '30 2 * * *', keep: 7 },
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

  it('backups default to <data dir>/backups at 03:00, keeping 14; the status server to port 8080', () => {
    const c = loadConfig({ GONGJIAN_DATA_DIR: '/srv/gj' })
    expect(c.backup).toEqual({ dir: join('/srv/gj', 'backups'), cron: '0 3 * * *', keep: 14 })
    expect(c.http.port).toBe(8080)
    expect(loadConfig({ GONGJIAN_HTTP_PORT: '0', GONGJIAN_BACKUP_KEEP: '0' })).toMatchObject({ http: { port: 0 }, backup: { keep: 0 } })
    expect(c.puppetNoTls).toBe(false)
  })

  it.each([
    ['GONGJIAN_SEND_PER_MINUTE', 'abc', '应为 0 或正整数', 'must be a whole number ≥ 0'],
    ['GONGJIAN_SEND_MAX_ATTEMPTS', '0', '应为正整数', 'must be a whole number ≥ 1'],
    ['GONGJIAN_ACCEPT_MIN_AVG', '9', '应为 1 到 5 之间的数', 'must be a number from 1 to 5'],
    ['GONGJIAN_HTTP_PORT', '70000', '应为 0 到 65535 的端口', 'must be a port from 0 to 65535'],
    ['LOG_LEVEL', 'loud', '应为fatal、error、warn、info、debug、trace、silent 之一', 'must be one of fatal, error'],
    ['GONGJIAN_ANNOUNCE', 'maybe', '应为true 或 false', 'must be true or false'],
    ['WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT', 'on', 'true 或 false', 'must be true or false'],
    ['GONGJIAN_BACKUP_CRON', 'nightly', '应为cron 表达式', 'must be a cron expression'],
    ['GONGJIAN_BACKUP_CRON', '61 3 * * *', '应为cron 表达式', 'must be a cron expression'],
    ['GONGJIAN_TIMEZONE', 'Beijing', '应为IANA 时区', 'must be an IANA time zone'],
    ['GONGJIAN_CJK_FONT', '/nowhere/font.ttf', '应为存在的字体文件', 'must be an existing font file'],
    ['WECHATY_PUPPET_SERVICE_ENDPOINT', 'localhost', '应为主机:端口', 'must be host:port'],
    ['DATABASE_URL', 'mysql://x', '应为postgres://', 'must be a postgres:// URL'],
    ['GONGJIAN_OPS_WEBHOOK', 'ops.example.org', '应为http:// 或 https:// 网址', 'must be an http(s) URL'],
  ])('%s=%j is explained in the project words, Chinese and English', (name, value, zh, en) => {
    const m = configError({ [name]: value }).message
    const line = m.split('\n').find((l) => l.includes(name))!
    expect(line).toContain(`${name}=${JSON.stringify(value)}`)
    expect(line.replace(/\s/g, '')).toContain(zh.replace(/\s/g, ''))
    expect(line).toContain(en)
    // nothing of the validation library's own wording
    expect(m).not.toMatch(/Invalid|Expected|expected|Too (small|big)|received|option/)
  })

  it('never prints the password of a bad database URL', () => {
    const m = configError({ DATABASE_URL: 'mysql://gongjian:s3cret@db/x' }).message
    expect(m).not.toContain('s3cret')
    expect(m).toContain('mysql://gongjian:***@db/x')
  })

  it('wechaty-puppet-service without a token is an error that says so', () => {
    const m = configError({ WECHATY_PUPPET: 'wechaty-puppet-service' }).message
    expect(m).toContain('WECHATY_PUPPET_SERVICE_TOKEN')
    expect(m).toContain('wechaty-puppet-service')
    expect(loadConfig({ WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_workpro_x' }).puppetToken).toBe('puppet_workpro_x')
  })

  it('lists every variable it reads', () => {
    expect(CONFIG_VARIABLES).toContain('GONGJIAN_BACKUP_KEEP')
    expect(CONFIG_VARIABLES).toContain('WECHATY_PUPPET_SERVICE_AUTHORITY')
    expect(CONFIG_VARIABLES).toHaveLength(new Set(CONFIG_VARIABLES).size)
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
