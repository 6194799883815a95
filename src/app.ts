import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import type { Logger } from 'pino'
import { WechatyBuilder, type WechatyOptions } from 'wechaty'
import type { WechatyInterface } from 'wechaty/impls'
import { attachWechaty, wechatyGateway } from './chat/wechaty.js'
import { expireDialogs } from './kit/expireDialogs.js'
import type { InboundMessage } from './chat/types.js'
import { defaultConfig, type Config } from './config.js'
import { openDatabase, type Database, type Db } from './db/client.js'
import { ensureBotAccount, noteAccountLogin } from './db/botAccounts.js'
import { ensureCommunities } from './db/communities.js'
import { beat, closeSession, openSession } from './db/sessions.js'
import { migrateDatabase } from './db/migrate.js'
import { retryWhileAway } from './db/retry.js'
import { createLogger } from './log.js'
import { OutboxSender } from './outbox/sender.js'
import { outboxText } from './outbox/text.js'
import { appText, DEFAULT_BOT_NAME } from './app.text.js'
import { COMMANDS, DIALOGS } from './features/index.js'
import { createRegistry } from './kit/registry.js'
import { understandingDialogs } from './kit/understand/index.js'
import { createPipeline, type Outcome } from './router/pipeline.js'
import { createScheduler, type Job } from './scheduler/scheduler.js'
import { createBotState, tapErrors, type BotStateSnapshot } from './kit/botState.js'
import { announceReturn, collectStatus, type StatusReport } from './features/status/index.js'
import { postPointsBoards } from './features/points/index.js'
import { closeDueQuestions } from './features/deliberation/index.js'
import { escalateReports } from './features/reports/index.js'
import { createStatusServer, type StatusServer } from './status/server.js'
import { createOpsWebhook } from './status/webhook.js'
import { nightlyBackup, purgeInbound } from './features/ops/index.js'
import { remindHeads } from './features/notices/index.js'
import { findCjkFont } from './features/rounds/index.js'
import { closeDueRounds, remindRounds } from './features/rounds/index.js'
import { sendCoordinationSummary, sendProgressDigest } from './features/implementation/index.js'
import { digestSuggestions } from './features/suggestions/index.js'
import { issueBindCodes } from './features/staff/index.js'
import { sendStreetSummary } from './features/street/index.js'
import { botLeftRoom, membersJoined, membersLeft, roomRenamed, syncAllRooms, syncRoom } from './features/rooms/index.js'

export interface AppOptions {
  /** a Wechaty puppet instance (tests: PuppetMock) or a puppet package name */
  puppet: NonNullable<WechatyOptions['puppet']>
  /** e.g. { token } for wechaty-puppet-service */
  puppetOptions?: Record<string, unknown>
  /** postgres://… for Postgres, memory:// for in-memory PGlite; default: config (PGlite in ./data) */
  databaseUrl?: string
  /** an already-open database, shared and not closed by the app (tests: restarts on one PGlite) */
  database?: Database
  now?: () => Date
  config?: Partial<Config>
  log?: Logger
  /**
   * Lines for whoever runs the bot (the terminal of `npm start`): the one-time code that binds
   * the staff group, and what happened to it. Default: the log.
   */
  operator?: (line: string) => void
  /** starts Wechaty (main: with retries and one sentence on failure); default bot.start() */
  startBot?: (bot: WechatyInterface) => Promise<void>
}

export interface App {
  bot: WechatyInterface
  db: Db
  config: Config
  /** starts the bot (login, room sync, sender, cron); resolves when Wechaty has started */
  start(): Promise<void>
  stop(): Promise<void>
  /** runs every scheduled job due at now() and sends every outbox row the limits allow now */
  runDue(): Promise<{ jobs: number; sent: number }>
  /** resolves when every message and event received so far has been handled */
  settle(): Promise<void>
  /** emits 'outcome' (messageId, Outcome) and 'rooms-synced' (count) */
  events: EventEmitter
  /** the status server's base URL once started (undefined when it is off) */
  statusUrl(): string | undefined
  status(): Promise<StatusReport>
  state(): BotStateSnapshot
  /** a fresh database connection pool (after a connection error that may leave one hanging) */
  recoverDatabase(): Promise<void>
  /** resolves when every webhook POST started so far has finished */
  webhookIdle(): Promise<void>
}

/** /healthz's database check: `select 1` within this time */
const PING_TIMEOUT_MS = 2_000
/** Postgres: how often the pool is checked for connections that hang */
const WATCHDOG_MS = 15_000

/** Messages wait at most this long for a login's room sync. */
const SYNC_WAIT_MAX_MS = 120_000

/** Closed until opened; close(ms) closes it again, opening by itself after ms. */
function createGate() {
  let opened = true
  let release: () => void = () => {}
  let waiting: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  const open = () => {
    if (opened) return
    opened = true
    clearTimeout(timer)
    release()
  }
  return {
    wait: () => waiting,
    open,
    close(ms: number) {
      if (!opened) return
      opened = false
      waiting = new Promise<void>((r) => (release = r))
      timer = setTimeout(open, ms)
      timer.unref()
    },
  }
}

export async function createApp(opts: AppOptions): Promise<App> {
  const config: Config = { ...defaultConfig(), ...opts.config }
  const now = opts.now ?? (() => new Date())
  const state = createBotState(now)
  // every error logged anywhere is the status' "last error"
  const log = tapErrors(opts.log ?? createLogger(config.logLevel), (message) => state.error(message))
  const webhook = createOpsWebhook({ url: config.opsWebhook, log })
  const operator = opts.operator ?? ((line: string) => log.warn(line))
  const databaseUrl = opts.databaseUrl ?? config.databaseUrl
  const database = opts.database ?? (await openDatabase({ url: databaseUrl, dataDir: config.dataDir }))
  const ownsDatabase = !opts.database
  await migrateDatabase(database)
  const { db } = database
  await ensureBotAccount(db, { name: config.account, now: now() })
  const communities = await ensureCommunities(db, { staffRoomTopics: config.staffRoomTopics, now: now() })
  log.info(
    {
      puppet: typeof opts.puppet === 'string' ? opts.puppet : opts.puppet.name(),
      // the label never carries a password: host/db for Postgres, the folder for PGlite
      database: `${database.kind} ${database.label}`,
      httpPort: config.http.port || 'off',
      staffRooms: config.staffRoomTopics,
    },
    'starting',
  )
  if (!findCjkFont(config.cjkFont)) log.warn('no CJK font found: vote results go out as text only (npm ci installs @embedpdf/fonts-sc; or set GONGJIAN_CJK_FONT)')

  if (config.sessionName) mkdirSync(dirname(config.sessionName), { recursive: true })
  const bot = WechatyBuilder.build({ puppet: opts.puppet, puppetOptions: opts.puppetOptions, name: config.sessionName } as WechatyOptions)
  const events = new EventEmitter()
  let loginAt = now()
  const inFlight = new Set<Promise<unknown>>()
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p)
    void p.finally(() => inFlight.delete(p)).catch(() => {})
    return p
  }

  const gateway = wechatyGateway(bot)
  // sending waits for the login and the re-mapping of groups and people to this login's ids
  let online = false
  // one process of an account sends at a time (another takes over when it dies); embedded
  // PGlite is one process by its data folder's lock already
  const lease = config.send.leaseMs > 0 && database.kind === 'postgres' ? { holder: `${hostname()}:${process.pid}:${randomUUID()}`, ttlMs: config.send.leaseMs } : undefined
  const sender = new OutboxSender({
    db,
    account: config.account,
    gateway,
    now,
    rules: config.send,
    maxAttempts: config.send.maxAttempts,
    coalesce: config.send.coalesceAcks,
    ...(lease ? { lease } : {}),
    log,
    ready: () => online,
    onGaveUp: (row, error) =>
      webhook.notify({
        event: 'send-failed',
        at: now().toISOString(),
        outboxId: row.id,
        to: row.roomId !== null ? `room:${row.roomId}` : row.personId !== null ? `person:${row.personId}` : row.puppetTo,
        error,
        message: outboxText.failedToOperator(row.attempts + 1, [...row.body].slice(0, 30).join('')),
      }),
  })
  // messages wait for this login's room sync: who is who is re-attached from the member lists
  // first (a message before it would be matched on less evidence). Opens anyway after a while.
  const roomsSynced = createGate()
  const pipeline = createPipeline({
    ready: () => roomsSynced.wait(),
    database,
    now,
    config,
    log,
    loginAt: () => loginAt,
    registry: createRegistry(COMMANDS),
    dialogs: DIALOGS,
    onEnqueued: () => sender.wake(),
    communities: () => communities,
    operator,
    loadImage: (messageId) => gateway.loadImage(messageId),
    // tracked, so settle() (tests, stop) waits for it; it enqueues its own replies
    background: (task) => void track(task().then(() => sender.wake()).catch(report('background task failed'))),
    runtime: {
      state: () => state.snapshot(),
      get jobNames() {
        return jobNames
      },
      ...(lease ? { lease: { account: config.account, holder: lease.holder } } : {}),
    },
  })
  // every job's messages go out through the outbox: the scheduler wakes the sender after each run
  const jobs: Job[] = [
    {
      name: 'purge-inbound-texts',
      cron: '30 3 * * *',
      run: ({ db: jobDb, now: at }) => purgeInbound({ db: jobDb, now: at, retentionDays: config.inboundRetentionDays }),
    },
    { name: 'expire-dialogs', cron: '* * * * *', run: ({ db: jobDb, now: at }) => expireDialogs(jobDb, { now: at, dialogs: { ...DIALOGS, ...understandingDialogs } }) },
    {
      name: 'suggestion-digest',
      cron: '30 8 * * *',
      run: ({ db: jobDb, now: at, slot }) => digestSuggestions(jobDb, { now: at, slot, timeZone: config.timeZone }),
    },
    {
      name: 'close-rounds',
      cron: '* * * * *',
      run: ({ db: jobDb, now: at }) => closeDueRounds(jobDb, { now: at, timeZone: config.timeZone, fontFile: config.cjkFont }),
    },
    {
      name: 'close-questions',
      cron: '* * * * *',
      run: ({ db: jobDb, now: at }) => closeDueQuestions(jobDb, { now: at }),
    },
    {
      name: 'remind-rounds',
      cron: '*/10 * * * *',
      run: ({ db: jobDb, now: at }) => remindRounds(jobDb, { now: at, leadMs: config.roundRemindBeforeMs, timeZone: config.timeZone }),
    },
    {
      name: 'progress-digest',
      cron: '0 9 * * 1',
      run: ({ db: jobDb, now: at, slot }) => sendProgressDigest(jobDb, { now: at, slot, timeZone: config.timeZone }),
    },
    {
      // weekly trigger; the job acts every other week
      name: 'coordination-summary',
      cron: '30 9 * * 1',
      run: ({ db: jobDb, now: at, slot }) => sendCoordinationSummary(jobDb, { now: at, slot, timeZone: config.timeZone }),
    },
    {
      // the same weeks: every community at once, to the street's 推进办 group
      name: 'street-summary',
      cron: '35 9 * * 1',
      run: ({ db: jobDb, now: at, slot }) => sendStreetSummary(jobDb, { now: at, slot, timeZone: config.timeZone }),
    },
    {
      name: 'remind-forward',
      cron: '*/10 * * * *',
      run: ({ db: jobDb, now: at }) => remindHeads(jobDb, { now: at, afterMs: config.forwardRemindAfterMs }),
    },
    {
      name: 'escalate-reports',
      cron: '*/10 * * * *',
      run: ({ db: jobDb, now: at, slot }) => escalateReports(jobDb, { now: at, slot, takeMs: config.reports.takeMs, slaMs: config.reports.slaMs }),
    },
    {
      // the 1st of each month: last month's 积分榜 in each building group
      name: 'points-board',
      cron: '0 10 1 * *',
      run: ({ db: jobDb, now: at, slot }) => postPointsBoards(jobDb, { now: at, slot, timeZone: config.timeZone }),
    },
    // GONGJIAN_BACKUP_KEEP=0 turns it off; PGlite can only be dumped from inside this process
    ...(config.backup.keep > 0
      ? [
          {
            name: 'backup',
            cron: config.backup.cron,
            run: async ({ now: at }: { now: Date }) => {
              const done = await nightlyBackup({ database, dir: config.backup.dir, keep: config.backup.keep, now: at, timeZone: config.timeZone })
              log.info(done, 'backup written')
              return done
            },
          },
        ]
      : []),
  ]
  const jobNames = jobs.map((j) => j.name)
  const scheduler = createScheduler({ db, now, timeZone: config.timeZone, log, jobs, onJobDone: () => sender.wake() })
  const syncDeps = () => ({ db, account: config.account, now: now(), loginAt, communities, streetTopic: config.streetRoomTopic, tell: operator })
  let codesIssued = false
  const report = (what: string) => (err: unknown) => log.error({ err }, what)

  attachWechaty(
    bot,
    {
      message: (msg: InboundMessage) => {
        void track(
          pipeline.receive(msg).then((outcome: Outcome) => {
            events.emit('outcome', msg.id, outcome)
          }),
        )
      },
      roomsReady: (snapshots) => {
        const again = { log, stopping: () => stopping }
        void track(
          (async () => {
            const rooms = await retryWhileAway(() => syncAllRooms(syncDeps(), snapshots()), { ...again, what: 'room sync' })
            log.info({ rooms: rooms.length }, 'rooms synced')
            if (!codesIssued) {
              // once per run: a community still without a staff group gets its one-time code
              codesIssued = true
              const name = config.botName ?? bot.currentUser?.name() ?? DEFAULT_BOT_NAME
              const lines = await retryWhileAway(() => issueBindCodes(db, { communities, botName: name }), { ...again, what: 'binding codes' })
              for (const line of lines) operator(line)
            }
            // the first login of this run: since the previous run; a re-login: since the logout.
            // Written before sending resumes, so it counts what piled up.
            const awaySince = loggedOutAt
            loggedOutAt = undefined
            if (session && (!returnAnnounced || awaySince)) {
              const id = session.id
              await retryWhileAway(() => announceReturn(db, { account: config.account, sessionId: id, now: now(), timeZone: config.timeZone, awaySince }), { ...again, what: 'return notice' })
                .then(() => void (returnAnnounced = true))
                .catch(report('return notice failed'))
            }
            online = true
            roomsSynced.open()
            sender.wake()
            events.emit('rooms-synced', rooms.length)
          })()
            .catch(report('room sync failed'))
            .finally(() => roomsSynced.open()),
        )
      },
      joined: (room, joined, botJoined) => {
        const work = botJoined ? syncRoom(syncDeps(), room) : membersJoined(syncDeps(), room, joined)
        void track(work.catch(report('room-join failed')))
      },
      left: (room, left, botLeft) => {
        const work = botLeft ? botLeftRoom(syncDeps(), room) : membersLeft(syncDeps(), room, left)
        void track(work.catch(report('room-leave failed')))
      },
      renamed: (room) => void track(roomRenamed(syncDeps(), room).catch(report('room-topic failed'))),
      login: (name) => {
        // every mapping older than this login may be stale (web protocols change all ids)
        loginAt = now()
        online = false
        roomsSynced.close(SYNC_WAIT_MAX_MS)
        state.login(name)
        pipeline.forgetIdentities()
        log.info({ name, account: config.account }, 'logged in')
        void track(noteAccountLogin(db, { name: config.account, selfName: name, now: loginAt }).catch(report('account login note failed')))
        if (session) void beat(db, { id: session.id, now: now() }).catch(report('heartbeat failed'))
      },
      logout: () => {
        online = false
        const name = state.snapshot().name
        if (state.logout()) loggedOutAt = now()
        log.warn('logged out')
        webhook.notify({
          event: 'logout',
          at: now().toISOString(),
          name,
          message: appText.loggedOut(name),
        })
      },
      scan: (qrcode, status) => state.scan(qrcode, status),
      // the message only: puppet errors carry long stacks of their HTTP clients
      error: (err) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'chat error'),
    },
    { botName: config.botName },
  )

  let started = false
  let session: { id: number } | undefined
  let returnAnnounced = false
  let stopping = false
  /** set by a logout while this process runs: the next login tells the staff how long it was away */
  let loggedOutAt: Date | undefined
  let heartbeat: NodeJS.Timeout | undefined
  let watchdog: NodeJS.Timeout | undefined
  const ping = () => database.ping(PING_TIMEOUT_MS)
  const statusReport = () => collectStatus(db, { account: config.account, state: state.snapshot(), now: now(), jobNames, ...(lease ? { lease: { account: config.account, holder: lease.holder } } : {}) })
  const port = config.http.port === 'any' ? 0 : config.http.port
  const statusServer: StatusServer | undefined =
    config.http.port === 0
      ? undefined
      : createStatusServer({ host: config.http.host, port, log, timeZone: config.timeZone, state: () => state.snapshot(), report: statusReport, pingDatabase: ping })
  let statusUrl: string | undefined
  let slowPings = 0
  async function settle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    await pipeline.idle()
  }

  return {
    bot,
    db,
    config,
    events,
    async start() {
      session = await openSession(db, { account: config.account, now: now() })
      // a sign of life while logged in: the next run measures the time away from the last one
      heartbeat = setInterval(() => {
        if (state.snapshot().loggedIn) void beat(db, { id: session!.id, now: now() }).catch(report('heartbeat failed'))
      }, 60_000)
      heartbeat.unref()
      if (database.kind === 'postgres') {
        // a connection that hangs (postgres.js 3.4.9 after a terminated backend) never answers:
        // two checks in a row without an answer renew the pool
        watchdog = setInterval(() => {
          ping().then(
            () => void (slowPings = 0),
            (err: { code?: string }) => {
              slowPings = err?.code === 'QUERY_TIMEOUT' ? slowPings + 1 : 0
              if (slowPings < 2) return
              slowPings = 0
              log.warn('database: no answer twice, renewing the connections')
              void database.recycle()
            },
          )
        }, WATCHDOG_MS)
        watchdog.unref()
      }
      // before the bot: the login page must show the first QR code
      if (statusServer) statusUrl = await statusServer.start()
      await (opts.startBot ?? ((b) => b.start()))(bot)
      started = true
      sender.start()
      scheduler.start()
      // a slot missed while the bot was down runs now
      void scheduler.runDue().catch(report('catch-up jobs failed'))
    },
    async stop() {
      stopping = true
      pipeline.stop()
      clearInterval(watchdog)
      await settle()
      await scheduler.stop()
      await sender.stop()
      if (started) await bot.stop()
      started = false
      clearInterval(heartbeat)
      await statusServer?.stop()
      statusUrl = undefined
      // logged out before the stop: the time away began at the logout
      if (session) await closeSession(db, { id: session.id, now: loggedOutAt ?? now() })
      session = undefined
      await webhook.idle()
      if (ownsDatabase) await database.close()
    },
    async runDue() {
      await settle()
      const ran = await scheduler.runDue()
      const sent = await sender.drain({ wait: false })
      return { jobs: ran, sent }
    },
    settle,
    statusUrl: () => statusUrl,
    status: statusReport,
    state: () => state.snapshot(),
    recoverDatabase: () => database.recycle(),
    webhookIdle: () => webhook.idle(),
  }
}
