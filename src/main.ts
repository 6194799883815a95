import qrcodeTerminal from 'qrcode-terminal'
import { log as wechatyLog } from 'wechaty'
import { ScanStatus } from 'wechaty-puppet/types'
import type { Logger } from 'pino'
import { createApp, type App } from './app.js'
import { mainText as t } from './app.text.js'
import { explainPuppetError, PuppetStartError, startPuppet, type PuppetSettings } from './chat/puppetStart.js'
import { ConfigError, loadConfig, type Config } from './config.js'
import { installLastResort } from './lastResort.js'
import { createLogger } from './log.js'

/** What the operator must read: straight to the terminal (console.error carries library noise). */
const say = (line: string) => void process.stderr.write(`${line}\n`)
const show = (line: string) => void process.stdout.write(`${line}\n`)

/**
 * Wechaty's own logger and the puppets' bare console.error(err) calls (wechaty-token prints
 * every failed discovery with its stack) go to our log at debug, not to the terminal.
 */
function quietLibraries(log: Logger): void {
  wechatyLog.enableLogging((level, text) => (level === 'ERR' ? log.warn({ wechaty: text }, 'wechaty') : log.debug({ wechaty: text }, 'wechaty')))
  const toLog = (...args: unknown[]) =>
    log.debug({ output: args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ') }, 'library output')
  console.error = toLog
  console.warn = toLog
}

function puppetOptions(config: Config): Record<string, unknown> | undefined {
  if (config.puppet !== 'wechaty-puppet-service') return config.puppetToken ? { token: config.puppetToken } : undefined
  return {
    token: config.puppetToken,
    endpoint: config.puppetEndpoint,
    authority: config.puppetAuthority,
    tls: { disable: config.puppetNoTls },
  }
}

/** `npm start`: the real bot, wired from the environment. */
async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      say(err.message)
      process.exit(2)
    }
    throw err
  }
  const log = createLogger(config.logLevel)
  let app: App | undefined
  installLastResort({
    log,
    onDatabaseFault: () => void app?.recoverDatabase().catch(() => {}),
    onFatal: () => {
      say(t.fatal)
      // give stop() a moment to close the session and the database, no more
      setTimeout(() => process.exit(1), 3_000).unref()
      void (app?.stop().catch(() => {}) ?? Promise.resolve()).finally(() => process.exit(1))
    },
  })
  quietLibraries(log)
  const settings: PuppetSettings = {
    puppet: config.puppet,
    endpoint: config.puppetEndpoint,
    authority: config.puppetAuthority,
    noTls: config.puppetNoTls,
  }
  let failing = false
  const fail = (sentence: string, err: unknown) => {
    if (failing) return
    failing = true
    log.debug({ err }, 'fatal')
    void (app?.stop().catch(() => {}) ?? Promise.resolve()).finally(() => {
      say(sentence)
      process.exit(1)
    })
  }
  try {
    // the staff group's one-time code and what happens to the binding: plainly on the terminal
    const operator = (line: string) => {
      show(line)
      log.info({ operator: line }, 'operator notice')
    }
    app = await createApp({
      puppet: config.puppet as never,
      puppetOptions: puppetOptions(config),
      config,
      log,
      operator,
      startBot: (bot) => startPuppet(bot, { settings, log }),
    })
  } catch (err) {
    const databaseHost = config.databaseUrl ? new URL(config.databaseUrl).host : undefined
    return fail(t.cannotOpen({ databaseHost, dataDir: config.dataDir }, (err as Error).message), err)
  }
  app.bot.on('scan', (qrcode, status) => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      qrcodeTerminal.generate(qrcode, { small: true }, (art) => void show(art))
      show(t.scan)
    }
  })
  app.bot.on('login', (user) => show(t.loggedIn(user.name())))
  if (config.puppet !== 'wechaty-puppet-service') {
    // wechat4u: a network failure before login means the bot can't work at all
    app.bot.on('error', (err) => {
      if (app!.bot.isLoggedIn) return
      void explainPuppetError(String((err as Error).message ?? err), settings).then((verdict) => {
        if (verdict) fail(verdict.sentence, err)
      })
    })
  }
  const shutdown = async () => {
    show(t.stopping)
    await app!.stop().catch((err) => log.error({ err }, 'stop failed'))
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  try {
    await app.start()
    const url = app.statusUrl()
    if (url) show(t.pages(url))
  } catch (err) {
    if (err instanceof PuppetStartError) return fail(err.message, err)
    fail(t.startFailed((err as Error).message), err)
  }
}

void main()
