/** The adapter's words: why a send failed (the outbox's failure notice and the log show them). */
export const chatText = {
  roomGone: (id: string) => `群不存在或机器人已不在群里 / room ${id} not found`,
  contactGone: (id: string) => `联系人不存在 / contact ${id} not found`,
}
