/** Plain shapes the rest of the bot sees; only src/chat knows Wechaty. */

export interface ContactRef {
  puppetId: string
  name: string
  /** group nickname (群昵称) when known */
  nickname?: string
}

export interface RoomRef {
  puppetId: string
  topic: string
}

export interface InboundMessage {
  id: string
  sentAt: Date
  isSelf: boolean
  talker: ContactRef
  room?: RoomRef
  type: 'text' | 'image' | 'other'
  /** text with the bot's own @mention removed */
  text: string
  mentionsBot: boolean
  /** other people @-mentioned (never the bot) */
  mentions: ContactRef[]
}

export interface RoomSnapshot extends RoomRef {
  members: ContactRef[]
}

/** What the outbox needs from the platform. */
export interface ChatGateway {
  sendText(to: { roomPuppetId?: string; contactPuppetId?: string }, text: string): Promise<void>
  /** Posts a group announcement; false when the puppet or the bot's rights don't allow it. */
  announce(roomPuppetId: string, text: string): Promise<boolean>
}
