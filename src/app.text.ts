/** What the app and `npm start` tell the operator (the terminal, the webhook). */

/** the bot's name in the staff group's binding code when no name is configured or known */
export const DEFAULT_BOT_NAME = '共建助手'

export const appText = {
  loggedOut: (name: string | null) => `${DEFAULT_BOT_NAME}${name ? `「${name}」` : ''}已掉线，请打开登录页扫码重新登录。`,
}

/** `npm start` on the terminal, Chinese / English. */
export const mainText = {
  fatal: '机器人遇到未处理的错误，已退出，请重新启动 / the bot stopped on an unhandled error',
  cannotOpen: (p: { databaseHost: string | undefined; dataDir: string }, why: string) =>
    `无法打开${p.databaseHost !== undefined ? `数据库 ${p.databaseHost}` : `本地数据目录 ${p.dataDir}`}：${why} / cannot open the database`,
  scan: '请用机器人的微信扫码登录 / scan with the bot account’s WeChat to log in',
  loggedIn: (name: string) => `已登录：${name} / logged in`,
  stopping: '正在停止… / stopping',
  pages: (url: string) => `状态页：${url}/status ，扫码登录页：${url}/login / status page and login page`,
  startFailed: (why: string) => `机器人启动失败：${why} / the bot could not start`,
}
