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
  /** the bot's own contact id (it is one of the members) */
  selfId?: string
}

export interface FilePayload {
  name: string
  mediaType: string
  base64: string
}

export interface ChatTarget {
  roomPuppetId?: string
  contactPuppetId?: string
}

/** someone to @-mention in a group: their current puppet id and the name to fall back on */
export interface MentionRef {
  puppetId: string | null
  name: string
}

/** What the outbox (and dialogs that take photos) need from the platform. */
export interface ChatGateway {
  /** in a group, `mentions` are @-mentioned for real (the puppet notifies them), names in front */
  sendText(to: ChatTarget, text: string, mentions?: MentionRef[]): Promise<void>
  sendFile(to: ChatTarget, file: FilePayload): Promise<void>
  /** the picture of an inbound image message */
  loadImage(messageId: string): Promise<FilePayload>
  /** Posts a group announcement; false when the puppet or the bot's rights don't allow it. */
  announce(roomPuppetId: string, text: string): Promise<boolean>
}
