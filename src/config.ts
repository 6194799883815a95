import { existsSync } from 'node:fs'
import { join } from 'node:path'
import cron from 'node-cron'
import { z } from 'zod'
import { configText as t, DEFAULT_STAFF_ROOM, DEFAULT_STREET_ROOM, STREET_ROOM_OFF } from './config.text.js'

/** `居委工作群, 二居委工作群` — separated by , ， or | (a topic may contain 、) */
function splitTopics(s: string): string[] {
  return [...new Set(s.split(/[,，|]/).map((t) => t.trim()).filter(Boolean))]
}

const int = (def: number) => z.coerce.number().int().min(0).default(def)
const yesNo = (def: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def)
    .transform((v) => v === 'true' || v === '1' || v === 'yes')

/** Every setting, read once at start from the environment (see README for each variable). */
export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/)
    .optional(),
  GONGJIAN_DATA_DIR: z.string().min(1).default('./data'),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  /** host:port of a puppet service, skipping the token discovery (a self-hosted gateway) */
  WECHATY_PUPPET_SERVICE_ENDPOINT: z.string().regex(/^\S+:\d{1,5}$/).optional(),
  /** the token discovery host; WorkPro's is token-service-discovery-test.juzibot.com */
  WECHATY_PUPPET_SERVICE_AUTHORITY: z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/).optional(),
  /** plain gRPC without TLS: WorkPro needs it */
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: yesNo('false'),
  /** Session file name for the login (kept in the data dir). */
  WECHATY_NAME: z.string().min(1).default('gongjian'),
  /** One or more staff group topics separated by commas; each is one community. */
  GONGJIAN_STAFF_ROOM: z
    .string()
    .default(DEFAULT_STAFF_ROOM)
    .refine((s) => splitTopics(s).length > 0),
  /** The street's 推进办 group topic: bound as the street level while none is; `off`: no street level. */
  GONGJIAN_STREET_ROOM: z.string().trim().max(100).default(DEFAULT_STREET_ROOM),
  /** Name matched in "@name" when mentionSelf() is unreliable; default: the logged-in name. */
  GONGJIAN_BOT_NAME: z.string().min(1).optional(),
  GONGJIAN_ACCOUNT: z.string().trim().min(1).max(64).default('default'),
  GONGJIAN_SEND_CHAT_INTERVAL_MS: int(1000),
  GONGJIAN_SEND_SWITCH_INTERVAL_MS: int(3000),
  GONGJIAN_SEND_PER_MINUTE: int(40),
  GONGJIAN_SEND_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  GONGJIAN_COALESCE_ACKS: yesNo('true'),
  GONGJIAN_STALE_AFTER_S: int(180),
  GONGJIAN_DIALOG_TIMEOUT_MIN: z.coerce.number().int().min(1).default(10),
  GONGJIAN_INBOUND_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  /** post notices as the group announcement (群公告) where the puppet allows it */
  GONGJIAN_ANNOUNCE: yesNo('true'),
  GONGJIAN_FORWARD_REMIND_AFTER_H: z.coerce.number().positive().default(24),
  GONGJIAN_ROUND_REMIND_BEFORE_H: z.coerce.number().positive().default(12),
  /** how long residents may rate a finished project (完成 P3 … 截止 overrides it) */
  GONGJIAN_ACCEPT_DAYS: z.coerce.number().positive().default(7),
  /** the lowest average rating (1–5) that accepts a project; below it, it goes back to rework */
  GONGJIAN_ACCEPT_MIN_AVG: z.coerce.number().min(1).max(5).default(3.5),
  /** an everyday report (随手拍) not taken (接单) this long after it came is told to the staff group, once */
  GONGJIAN_REPORT_TAKE_H: z.coerce.number().positive().default(24),
  /** … and one not handled this long after it came, once */
  GONGJIAN_REPORT_SLA_H: z.coerce.number().positive().default(72),
  /** the most points a volunteer earns in one day (0 = no cap) */
  GONGJIAN_POINTS_DAILY_CAP: int(30),
  /** a TTF/TTC with Chinese glyphs for result charts; default: Debian's wqy-microhei or noto-cjk */
  GONGJIAN_CJK_FONT: z
    .string()
    .min(1)
    .refine((f) => existsSync(f))
    .optional(),
  /** the status server (/healthz, /status, /login): 127.0.0.1 = this PC only; 0.0.0.0 = the LAN / docker */
  GONGJIAN_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  /** gets a JSON POST on logout and when a message could not be sent after the last try */
  GONGJIAN_OPS_WEBHOOK: z
    .string()
    .regex(/^https?:\/\/.+/)
    .optional(),
  GONGJIAN_TIMEZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz })
        return true
      } catch {
        return false
      }
    }),
  /** the local status server (/healthz for docker and monitors); 0 = off */
  GONGJIAN_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** where `npm run backup` and the nightly job write; default <data dir>/backups */
  GONGJIAN_BACKUP_DIR: z.string().min(1).optional(),
  GONGJIAN_BACKUP_CRON: z
    .string()
    .default('0 3 * * *')
    .refine((c) => cron.validate(c)),
  /** how many nightly backups are kept (the oldest go first); 0 = no nightly backup */
  GONGJIAN_BACKUP_KEEP: int(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type EnvName = keyof typeof configSchema.shape

/** Every variable the bot reads (the README table and .env.example list the same). */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as EnvName[]

/** A bad value as the error shows it: a URL's password never goes to a log, a long value is cut. */
function shown(value: string | undefined): string {
  const safe = value?.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@')
  return safe === undefined ? '' : `=${JSON.stringify(safe.length > 60 ? `${safe.slice(0, 60)}…` : safe)}`
}

type Env = z.infer<typeof configSchema>

export interface Config {
  databaseUrl: string | undefined
  dataDir: string
  puppet: string
  puppetToken: string | undefined
  /** wechaty-puppet-service: a fixed host:port instead of the token discovery */
  puppetEndpoint: string | undefined
  /** wechaty-puppet-service: the token discovery host (default api.chatie.io) */
  puppetAuthority: string | undefined
  /** wechaty-puppet-service: plain gRPC without TLS (WorkPro) */
  puppetNoTls: boolean
  /** where Wechaty keeps the login session (`<path>.memory-card.json`); undefined: not kept */
  sessionName: string | undefined
  staffRoomTopics: string[]
  /** the street group's topic (街道推进办), undefined: no street level */
  streetRoomTopic: string | undefined
  botName: string | undefined
  /** the bot account this process sends for: one process of an account sends at a time */
  account: string
  send: { chatIntervalMs: number; switchIntervalMs: number; perMinute: number; maxAttempts: number; coalesceAcks: boolean; leaseMs: number }
  staleAfterMs: number
  dialogTimeoutMs: number
  inboundRetentionDays: number
  /** first part of a notice as the group announcement, when the puppet supports it */
  announce: boolean
  /** a building head who has not said 已转发 this long after a notice is reminded, once */
  forwardRemindAfterMs: number
  /** each building group hears its turnout this long before a round's deadline, once */
  roundRemindBeforeMs: number
  /** an acceptance round's length, and the average rating it needs */
  acceptance: { periodMs: number; minAverage: number }
  /** everyday reports: escalated once to the staff group when not taken / not handled this long after they came */
  reports: { takeMs: number; slaMs: number }
  /** volunteer points: the most earned per person per day (0 = no cap) */
  points: { dailyCap: number }
  /** font file for result charts (undefined: the Debian CJK fonts are looked for) */
  cjkFont: string | undefined
  /** the status server; port 0 = off, 'any' = a free port chosen by the system (tests) */
  http: { host: string; port: number | 'any' }
  /** operator webhook URL (logout, messages that could not be sent) */
  opsWebhook: string | undefined
  timeZone: string
  /** backups: where, when the nightly one runs, and how many are kept (0 = no nightly one) */
  backup: { dir: string; cron: string; keep: number }
  logLevel: Env['LOG_LEVEL']
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function toConfig(env: Env): Config {
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: env.GONGJIAN_DATA_DIR,
    puppet: env.WECHATY_PUPPET,
    puppetToken: env.WECHATY_PUPPET_SERVICE_TOKEN,
    puppetEndpoint: env.WECHATY_PUPPET_SERVICE_ENDPOINT,
    puppetAuthority: env.WECHATY_PUPPET_SERVICE_AUTHORITY,
    puppetNoTls: env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT,
    sessionName: join(env.GONGJIAN_DATA_DIR, env.WECHATY_NAME),
    staffRoomTopics: splitTopics(env.GONGJIAN_STAFF_ROOM),
    streetRoomTopic: STREET_ROOM_OFF.includes(env.GONGJIAN_STREET_ROOM.toLowerCase()) ? undefined : env.GONGJIAN_STREET_ROOM,
    botName: env.GONGJIAN_BOT_NAME,
    account: env.GONGJIAN_ACCOUNT,
    send: {
      chatIntervalMs: env.GONGJIAN_SEND_CHAT_INTERVAL_MS,
      switchIntervalMs: env.GONGJIAN_SEND_SWITCH_INTERVAL_MS,
      perMinute: env.GONGJIAN_SEND_PER_MINUTE,
      maxAttempts: env.GONGJIAN_SEND_MAX_ATTEMPTS,
      coalesceAcks: env.GONGJIAN_COALESCE_ACKS,
      // a holder that died is replaced after this long
      leaseMs: 15_000,
    },
    staleAfterMs: env.GONGJIAN_STALE_AFTER_S * 1000,
    dialogTimeoutMs: env.GONGJIAN_DIALOG_TIMEOUT_MIN * 60_000,
    inboundRetentionDays: env.GONGJIAN_INBOUND_RETENTION_DAYS,
    announce: env.GONGJIAN_ANNOUNCE,
    forwardRemindAfterMs: env.GONGJIAN_FORWARD_REMIND_AFTER_H * 3_600_000,
    roundRemindBeforeMs: env.GONGJIAN_ROUND_REMIND_BEFORE_H * 3_600_000,
    acceptance: { periodMs: env.GONGJIAN_ACCEPT_DAYS * 86_400_000, minAverage: env.GONGJIAN_ACCEPT_MIN_AVG },
    reports: { takeMs: env.GONGJIAN_REPORT_TAKE_H * 3_600_000, slaMs: env.GONGJIAN_REPORT_SLA_H * 3_600_000 },
    points: { dailyCap: env.GONGJIAN_POINTS_DAILY_CAP },
    cjkFont: env.GONGJIAN_CJK_FONT,
    http: { host: env.GONGJIAN_HTTP_HOST, port: env.GONGJIAN_HTTP_PORT },
    opsWebhook: env.GONGJIAN_OPS_WEBHOOK,
    timeZone: env.GONGJIAN_TIMEZONE,
    backup: {
      dir: env.GONGJIAN_BACKUP_DIR ?? join(env.GONGJIAN_DATA_DIR, 'backups'),
      cron: env.GONGJIAN_BACKUP_CRON,
      keep: env.GONGJIAN_BACKUP_KEEP,
    },
    logLevel: env.LOG_LEVEL,
  }
}

/** Parses the environment; a bad variable is named in the error, in Chinese and English. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // empty or blank strings mean "unset" (docker-compose passes `VAR=` through); a blank number
  // must not coerce to 0 (GONGJIAN_SEND_PER_MINUTE=" " would turn the rate limit off)
  const cleaned = Object.fromEntries(
    Object.entries(env)
      .map(([k, v]) => [k, v?.trim()] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = configSchema.safeParse(cleaned)
  const lines = parsed.success
    ? []
    : [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].map((name) => t.problem(name, shown(cleaned[name])))
  if (parsed.success && parsed.data.WECHATY_PUPPET === 'wechaty-puppet-service' && !parsed.data.WECHATY_PUPPET_SERVICE_TOKEN) {
    lines.push(t.tokenRequired)
  }
  if (lines.length) throw new ConfigError(t.invalid(lines))
  return toConfig(parsed.data!)
}

/** Defaults, with overrides: what tests and the demo use. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides }
}
