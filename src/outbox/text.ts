/** What the outbox says when a message could not go out (to the staff group, the operator, its own errors). */

const failed = (attempts: number) => `一条消息发送失败（已试 ${attempts} 次）`

export const outboxText = {
  recipientGone: '收件人已不存在 / recipient is gone',
  fileGone: (fileId: number | null) => `图片已不存在 / file ${fileId} is gone`,
  /** to the staff group: where it was going (a group's topic, or a private chat), what, and why not */
  failedToStaff: (p: { attempts: number; topic: string | null | undefined; preview: string; error: string }) =>
    `⚠️ ${failed(p.attempts)}\n发往：${p.topic ?? '私聊'}\n内容：${p.preview}\n原因：${p.error}`,
  /** to the operator's webhook */
  failedToOperator: (attempts: number, preview: string) => `${failed(attempts)}：${preview}`,
}
