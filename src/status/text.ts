import { escapeHtml } from '../features/status/index.js'

/** The status server's words: the health check's reasons, the login page, its own failures. */
export const serverText = {
  notLoggedIn: 'not logged in to WeChat / 未登录微信',
  databaseDown: 'database not answering / 数据库无响应',
  internalError: 'internal error / 内部错误',
  portInUse: (port: number) => `状态页端口 ${port} 已被占用，请换一个 GONGJIAN_HTTP_PORT（0 = 不开状态页） / port ${port} is in use`,
  login: {
    title: '共建助手登录',
    loggedIn: (name: string) => `<h1>已登录</h1>\n<p>${escapeHtml(name)} 在线，无需扫码。</p>`,
    scan: (src: string) =>
      `<h1>请扫码登录</h1>\n<p>用机器人的微信扫描下面的二维码，然后在手机上确认。</p>\n<img id="qr" alt="登录二维码" src="${src}">\n<p>二维码会自动更新。</p>`,
    waiting: '<h1>等待二维码…</h1>\n<p>机器人正在连接微信，几秒后刷新。</p>',
    footer: '<p><a href="/status">状态</a></p>',
  },
}
