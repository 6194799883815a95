import type { EnvName } from './config.js'

/** The staff group's topic when GONGJIAN_STAFF_ROOM is not set. */
export const DEFAULT_STAFF_ROOM = '居委工作群'

/** The street's 推进办 group topic when GONGJIAN_STREET_ROOM is not set. */
export const DEFAULT_STREET_ROOM = '街道推进办'

/** GONGJIAN_STREET_ROOM values that mean "no street level" (an empty value means unset: the default). */
export const STREET_ROOM_OFF = ['off', 'none', '无', '不设']

/**
 * What each variable must look like, in the project's words: a bad value is explained with this
 * line, never with the validation library's English.
 */
const EXPECTED: Record<EnvName, [zh: string, en: string]> = {
  DATABASE_URL: ['postgres://用户:密码@主机:5432/库名', 'a postgres:// URL such as postgres://user:pass@host:5432/db'],
  GONGJIAN_DATA_DIR: ['一个目录，如 ./data', 'a directory such as ./data'],
  WECHATY_PUPPET: ['puppet 包名，如 wechaty-puppet-service', 'a puppet package name such as wechaty-puppet-service'],
  WECHATY_PUPPET_SERVICE_TOKEN: ['服务商给的 token，如 puppet_workpro_xxxx', "the provider's token, such as puppet_workpro_xxxx"],
  WECHATY_PUPPET_SERVICE_ENDPOINT: ['主机:端口，如 127.0.0.1:8788', 'host:port such as 127.0.0.1:8788'],
  WECHATY_PUPPET_SERVICE_AUTHORITY: ['主机名，如 token-service-discovery-test.juzibot.com', 'a host name such as token-service-discovery-test.juzibot.com'],
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: ['true 或 false', 'true or false'],
  WECHATY_NAME: ['文件名，如 gongjian', 'a file name such as gongjian'],
  GONGJIAN_STAFF_ROOM: ['至少一个群名，多个用逗号分隔', 'at least one group topic, several separated by commas'],
  GONGJIAN_STREET_ROOM: ['群名（100 字以内），off = 不设街道一级', 'a group topic (at most 100 characters); off: no street level'],
  GONGJIAN_BOT_NAME: ['机器人的名字', "the bot's name"],
  GONGJIAN_ACCOUNT: ['1 到 64 个字符', '1 to 64 characters'],
  GONGJIAN_SEND_CHAT_INTERVAL_MS: ['0 或正整数（毫秒），如 1000', 'a whole number ≥ 0 (milliseconds), e.g. 1000'],
  GONGJIAN_SEND_SWITCH_INTERVAL_MS: ['0 或正整数（毫秒），如 3000', 'a whole number ≥ 0 (milliseconds), e.g. 3000'],
  GONGJIAN_SEND_PER_MINUTE: ['0 或正整数（0 = 不限），如 40', 'a whole number ≥ 0 (0 = no limit), e.g. 40'],
  GONGJIAN_SEND_MAX_ATTEMPTS: ['正整数，如 5', 'a whole number ≥ 1, e.g. 5'],
  GONGJIAN_COALESCE_ACKS: ['true 或 false', 'true or false'],
  GONGJIAN_STALE_AFTER_S: ['0 或正整数（秒），如 180', 'a whole number ≥ 0 (seconds), e.g. 180'],
  GONGJIAN_DIALOG_TIMEOUT_MIN: ['正整数（分钟），如 10', 'a whole number ≥ 1 (minutes), e.g. 10'],
  GONGJIAN_INBOUND_RETENTION_DAYS: ['正整数（天），如 90', 'a whole number ≥ 1 (days), e.g. 90'],
  GONGJIAN_ANNOUNCE: ['true 或 false', 'true or false'],
  GONGJIAN_FORWARD_REMIND_AFTER_H: ['正数（小时），如 24', 'a number > 0 (hours), e.g. 24'],
  GONGJIAN_ROUND_REMIND_BEFORE_H: ['正数（小时），如 12', 'a number > 0 (hours), e.g. 12'],
  GONGJIAN_ACCEPT_DAYS: ['正数（天），如 7', 'a number > 0 (days), e.g. 7'],
  GONGJIAN_ACCEPT_MIN_AVG: ['1 到 5 之间的数，如 3.5', 'a number from 1 to 5, e.g. 3.5'],
  GONGJIAN_REPORT_TAKE_H: ['正数（小时），如 24', 'a number > 0 (hours), e.g. 24'],
  GONGJIAN_REPORT_SLA_H: ['正数（小时），如 72', 'a number > 0 (hours), e.g. 72'],
  GONGJIAN_POINTS_DAILY_CAP: ['0 或正整数（0 = 不限），如 30', 'a whole number ≥ 0 (0 = no cap), e.g. 30'],
  GONGJIAN_CJK_FONT: ['存在的字体文件（TTF/OTF/TTC）', 'an existing font file (TTF/OTF/TTC)'],
  GONGJIAN_TIMEZONE: ['IANA 时区，如 Asia/Shanghai', 'an IANA time zone such as Asia/Shanghai'],
  GONGJIAN_HTTP_HOST: ['监听地址：127.0.0.1（只本机）或 0.0.0.0（局域网 / docker）', 'an address to listen on: 127.0.0.1 (this PC only) or 0.0.0.0 (the LAN / docker)'],
  GONGJIAN_HTTP_PORT: ['0 到 65535 的端口（0 = 不开）', 'a port from 0 to 65535 (0 = off)'],
  GONGJIAN_OPS_WEBHOOK: ['http:// 或 https:// 网址', 'an http(s) URL'],
  GONGJIAN_BACKUP_DIR: ['一个目录，如 ./data/backups', 'a directory such as ./data/backups'],
  GONGJIAN_BACKUP_CRON: ['cron 表达式（分 时 日 月 周），如 0 3 * * *', 'a cron expression (minute hour day month weekday), e.g. 0 3 * * *'],
  GONGJIAN_BACKUP_KEEP: ['0 或正整数（0 = 不做每晚备份），如 14', 'a whole number ≥ 0 (0 = no nightly backup), e.g. 14'],
  LOG_LEVEL: ['fatal、error、warn、info、debug、trace、silent 之一', 'one of fatal, error, warn, info, debug, trace, silent'],
}

/** The configuration's errors, in Chinese and English (the operator reads them on the terminal). */
export const configText = {
  /** one bad variable: its name, the value as shown (`="…"` or ''), and what it must be */
  problem: (name: string, shown: string): string => {
    const [zh, en] = EXPECTED[name as EnvName] ?? ['见 README', 'see the README']
    return `  ${name}${shown}：应为${/^[\x20-\x7e]/.test(zh) ? ' ' : ''}${zh} / must be ${en}`
  },
  tokenRequired: '  WECHATY_PUPPET_SERVICE_TOKEN：使用 wechaty-puppet-service 必须设置服务商给的 token / required with wechaty-puppet-service',
  invalid: (lines: string[]) => `配置有误 / invalid configuration:\n${lines.join('\n')}`,
}
