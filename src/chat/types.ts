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

/**
 * What kind of message it is (Wechaty's message types, named plainly): money = a red packet or a
 * transfer, recalled = someone took a message back, other = a group note, a channel post, unknown.
 */
export type MessageType =
  | 'text' | 'image' | 'voice' | 'video' | 'location' | 'link' | 'mini-program' | 'file' | 'sticker'
  | 'contact' | 'chat-history' | 'money' | 'recalled' | 'other'

/** A location pin: its place name, and where it is when the puppet tells. */
export interface LocationPin {
  name: string
  address?: string
  latitude?: number
  longitude?: number
}

export interface InboundMessage {
  id: string
  sentAt: Date
  isSelf: boolean
  talker: ContactRef
  room?: RoomRef
  type: MessageType
  /** the words, with the bot's own @mention removed; of a quote-reply, only the new words */
  text: string
  /** the words in Simplified characters (set by the router; text stays what the person wrote) */
  simplified?: string
  mentionsBot: boolean
  /** other people @-mentioned (never the bot) */
  mentions: ContactRef[]
  /** the message a quote-reply answers: who wrote it, its text, and whether that was the bot */
  quote?: { name: string; text: string; fromBot: boolean }
  /** a location pin */
  place?: LocationPin
  /** a link or mini-program card: its title (and address) */
  card?: { title: string; url?: string }
  /** a file's name */
  fileName?: string
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
  /** a voice message's length, when the puppet gives it */
  durationMs?: number
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
  /** the file of an inbound image, voice or file message */
  loadImage(messageId: string): Promise<FilePayload>
  /** Posts a group announcement; false when the puppet or the bot's rights don't allow it. */
  announce(roomPuppetId: string, text: string): Promise<boolean>
}
