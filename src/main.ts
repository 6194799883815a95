import qrcodeTerminal from 'qrcode-terminal'
import { ScanStatus } from 'wechaty-puppet/types'
import { createApp, type App } from './app.js'
import { ConfigError, loadConfig } from './config.js'
import { installLastResort } from './lastResort.js'
import { createLogger } from './log.js'

/** `npm start`: the real bot, wired from the environment. */
async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
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
      console.error('机器人遇到未处理的错误，已退出，请重新启动 / the bot stopped on an unhandled error')
      // give stop() a moment to close the session and the database, no more
      setTimeout(() => process.exit(1), 3_000).unref()
      void (app?.stop().catch(() => {}) ?? Promise.resolve()).finally(() => process.exit(1))
    },
  })
  const puppetOptions = config.puppetToken ? { token: config.puppetToken } : undefined
  const fail = (sentence: string, err: unknown) => {
    log.debug({ err }, 'fatal')
    console.error(sentence)
    void (app?.stop().catch(() => {}) ?? Promise.resolve()).finally(() => process.exit(1))
  }
  try {
    // the staff group's one-time code and what happens to the binding: plainly on the terminal
    const operator = (line: string) => {
      console.log(line)
      log.info({ operator: line }, 'operator notice')
    }
    app = await createApp({ puppet: config.puppet as never, puppetOptions, config, log, operator })
  } catch (err) {
    const where = config.databaseUrl ? `数据库 ${new URL(config.databaseUrl).host}` : `本地数据目录 ${config.dataDir}`
    return fail(`无法打开${where}：${(err as Error).message} / cannot open the database`, err)
  }
  app.bot.on('scan', (qrcode, status) => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      qrcodeTerminal.generate(qrcode, { small: true })
      console.log('请用机器人的微信扫码登录 / scan with the bot account’s WeChat to log in')
    }
  })
  app.bot.on('login', (user) => console.log(`已登录：${user.name()} / logged in`))
  app.bot.on('error', (err) => {
    // before login, a network failure means the bot can't work at all: say so in one sentence
    if (!app!.bot.isLoggedIn && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|network|socket hang up/i.test(String(err))) {
      fail(`无法连接微信服务器，请检查网络后重试 / cannot reach WeChat's servers: ${String((err as Error).message ?? err).slice(0, 120)}`, err)
    }
  })
  const shutdown = async () => {
    console.log('正在停止… / stopping')
    await app!.stop().catch((err) => log.error({ err }, 'stop failed'))
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  try {
    await app.start()
    const url = app.statusUrl()
    if (url) console.log(`状态页：${url}/status ，扫码登录页：${url}/login / status page and login page`)
  } catch (err) {
    fail(`机器人启动失败：${(err as Error).message} / the bot could not start`, err)
  }
}

void main()
