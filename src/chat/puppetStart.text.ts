/** Why the puppet could not start, in the one sentence the operator reads (Chinese / English). */
export const puppetText = {
  wechatUnreachable: '无法连接微信服务器，请检查网络后重试 / cannot reach WeChat’s servers: check the network and try again',
  tokenForm: 'WECHATY_PUPPET_SERVICE_TOKEN 格式不对：应形如 puppet_workpro_xxxx / the puppet service token has the wrong form (expected puppet_workpro_…)',
  tokenRefused: '企业微信服务拒绝了这个 token：无效或已过期，请检查 WECHATY_PUPPET_SERVICE_TOKEN / the puppet service rejected the token (invalid or expired)',
  tokenUnknown: (authority: string) =>
    `在 ${authority} 查不到这个 token：token 无效或已过期，或 WECHATY_PUPPET_SERVICE_AUTHORITY 不对（WorkPro 的是 token-service-discovery-test.juzibot.com）/ the token discovery at ${authority} does not know this token`,
  discoveryUnreachable: (authority: string) => `无法连接 token 查询服务 ${authority}，请检查网络 / cannot reach the token discovery service ${authority}: check the network`,
  noTls: '企业微信服务不用 TLS：请设置 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true / the puppet service does not speak TLS: set WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true',
  needsTls: '企业微信服务断开了连接：它可能要求 TLS，请去掉 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT / the puppet service dropped the connection: it may require TLS',
  /** where the service is, when no endpoint is configured */
  resolvedAddress: 'token 查到的地址 / the address the token resolved to',
  serviceUnreachable: (where: string) => `无法连接企业微信服务 ${where}：服务未开或网络不通 / cannot reach the puppet service at ${where}`,
  serviceFailed: (message: string) => `企业微信服务启动失败：${message} / the puppet service failed to start`,
}
