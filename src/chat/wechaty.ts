import type { ContactInterface, MessageInterface, RoomInterface, WechatyInterface } from 'wechaty/impls'
import { FileBox } from 'file-box'
import { types } from 'wechaty'
import { cleanText } from '../domain/text.js'
import { splitQuote } from '../kit/understand/quote.js'
import type { ChatGateway, ChatTarget, ContactRef, InboundMessage, LocationPin, MessageType, RoomRef, RoomSnapshot } from './types.js'
import { chatText } from './text.js'

/** The only place that knows Wechaty: messages and room events become plain shapes. */

export interface ChatEvents {
  message(msg: InboundMessage): void
  /**
   * The bot's groups after a login, as a stream: each call enumerates them afresh (a retry after a
   * database blip asks again), one group's members at a time, the next read while one is used.
   */
  roomsReady(rooms: () => AsyncIterable<RoomSnapshot>): void
  joined(room: RoomSnapshot, joined: ContactRef[], botJoined: boolean): void
  left(room: RoomRef, left: ContactRef[], botLeft: boolean): void
  renamed(room: RoomRef): void
  login(name: string): void
  logout(): void
  /** a QR code to scan for logging in (status: wechaty-puppet's ScanStatus) */
  scan(qrcode: string, status: number): void
  error(err: unknown): void
}

async function contactRef(c: ContactInterface, room?: RoomInterface): Promise<ContactRef> {
  let nickname: string | undefined
  if (room) {
    try {
      nickname = cleanText((await room.alias(c)) || '') || undefined
    } catch {
      nickname = undefined
    }
  }
  return { puppetId: c.id, name: cleanText(c.name()) || c.id, nickname }
}

async function roomRef(room: RoomInterface): Promise<RoomRef> {
  return { puppetId: room.id, topic: cleanText((await room.topic()) || '') || room.id }
}

export async function roomSnapshot(room: RoomInterface, selfId?: string): Promise<RoomSnapshot> {
  const members = await room.memberAll()
  return { ...(await roomRef(room)), members: await Promise.all(members.map((m) => contactRef(m, room))), selfId }
}

/** Snapshots of the rooms in order, the next one read while the caller works on the current one. */
export async function* roomSnapshots(rooms: RoomInterface[], selfId?: string): AsyncGenerator<RoomSnapshot> {
  let next = rooms.length ? roomSnapshot(rooms[0]!, selfId) : undefined
  for (let i = 0; next; i++) {
    const current = await next
    next = i + 1 < rooms.length ? roomSnapshot(rooms[i + 1]!, selfId) : undefined
    // a failed read-ahead is reported when its turn comes, not as an unhandled rejection now
    next?.catch(() => {})
    yield current
  }
}

function selfIdOf(bot: WechatyInterface): string | undefined {
  try {
    return bot.currentUser.id
  } catch {
    return undefined
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Names the bot answers to in "@name" (mentionSelf() is unreliable on some puppets). */
async function botNames(bot: WechatyInterface, configured: string | undefined, room?: RoomInterface): Promise<string[]> {
  const names = new Set<string>()
  if (configured) names.add(configured)
  try {
    names.add(bot.currentUser.name())
    if (room) {
      const alias = await room.alias(bot.currentUser)
      if (alias) names.add(alias)
    }
  } catch {
    // not logged in yet
  }
  return [...names].filter(Boolean)
}

/** Wechaty's message types, named plainly. */
const TYPES: Partial<Record<number, MessageType>> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Location]: 'location',
  [types.Message.Url]: 'link',
  [types.Message.MiniProgram]: 'mini-program',
  [types.Message.Attachment]: 'file',
  [types.Message.Emoticon]: 'sticker',
  [types.Message.Contact]: 'contact',
  [types.Message.ChatHistory]: 'chat-history',
  [types.Message.Transfer]: 'money',
  [types.Message.RedEnvelope]: 'money',
  [types.Message.Recalled]: 'recalled',
}

const number = (n: unknown): number | undefined => (typeof n === 'number' && Number.isFinite(n) ? n : undefined)

/**
 * A location pin: the puppet's payload, or (wechat4u cannot give one) what its text says: the place
 * name before the colon of the first line, and `coord=lat,lng` of the map link. Asked of the puppet
 * itself: Wechaty 1.20's message.toLocation() throws ("WUC can not be instantiated directly").
 */
async function locationOf(bot: WechatyInterface, msg: MessageInterface): Promise<LocationPin | undefined> {
  try {
    const loc = await bot.puppet.messageLocation(msg.id)
    const name = cleanText(loc.name || loc.address || '')
    if (name) return { name, address: cleanText(loc.address || '') || undefined, latitude: number(loc.latitude), longitude: number(loc.longitude) }
  } catch {
    // not supported by this puppet: read the text
  }
  const text = cleanText(msg.text() || '')
  const name = text.split('\n')[0]!.replace(/[:：]\s*$/, '').trim()
  const coord = /coord=(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(text)
  if (!name && !coord) return undefined
  return { name: name.startsWith('/') ? '' : name, ...(coord ? { latitude: Number(coord[1]), longitude: Number(coord[2]) } : {}) }
}

async function cardOf(bot: WechatyInterface, msg: MessageInterface, type: MessageType): Promise<{ title: string; url?: string } | undefined> {
  try {
    if (type === 'link') {
      const link = await bot.puppet.messageUrl(msg.id)
      return { title: cleanText(link.title || ''), url: link.url || undefined }
    }
    if (type === 'mini-program') return { title: cleanText((await bot.puppet.messageMiniProgram(msg.id)).title || '') }
  } catch {
    // the puppet cannot say: the type alone is answered
  }
  return undefined
}

export async function toInbound(bot: WechatyInterface, msg: MessageInterface, botName?: string): Promise<InboundMessage> {
  const room = msg.room()
  const talker = msg.talker()
  const type: MessageType = TYPES[msg.type()] ?? 'other'
  // a quote-reply: the new words are the message, the quote its context (kit/understand/quote.ts)
  const split = type === 'text' ? splitQuote(msg.text()) : { words: '' }
  let text = split.words
  let mentionsBot = false
  const mentions: ContactRef[] = []
  const names = room || split.quote ? await botNames(bot, botName, room ?? undefined) : []
  if (room) {
    let selfId: string | undefined
    try {
      selfId = bot.currentUser.id
    } catch {
      selfId = undefined
    }
    // under a quote, "@name" in the new words only: wechat4u parses its mention list from the whole
    // text, so a quoted message that @-mentioned the bot would count as a mention now
    mentionsBot = (split.quote ? false : await msg.mentionSelf().catch(() => false)) || names.some((n) => text.includes(`@${n}`))
    for (const c of await msg.mentionList().catch(() => [] as ContactInterface[])) {
      if (c.id !== selfId) mentions.push(await contactRef(c, room))
    }
    for (const n of names) text = text.replace(new RegExp(`@${escapeRe(n)}(\\u2005|\\s|$)`, 'g'), ' ')
  }
  const quote = split.quote ? { name: cleanText(split.quote.name), text: cleanText(split.quote.text), fromBot: names.includes(split.quote.name) } : undefined
  const place = type === 'location' ? await locationOf(bot, msg) : undefined
  const card = type === 'link' || type === 'mini-program' ? await cardOf(bot, msg, type) : undefined
  const fileName = type === 'file' ? cleanText(msg.payload?.filename ?? '') || undefined : undefined
  return {
    id: msg.id,
    sentAt: msg.date(),
    isSelf: msg.self(),
    talker: await contactRef(talker, room),
    room: room ? await roomRef(room) : undefined,
    type,
    text: cleanText(text).trim(),
    mentionsBot,
    mentions,
    ...(quote ? { quote } : {}),
    ...(place ? { place } : {}),
    ...(card ? { card } : {}),
    ...(fileName ? { fileName } : {}),
  }
}

/** Wires Wechaty's events to plain callbacks; each callback's failure is reported, never thrown. */
export function attachWechaty(bot: WechatyInterface, events: ChatEvents, opts: { botName?: string } = {}): void {
  const guard = (fn: () => Promise<void>) => {
    fn().catch((err) => events.error(err))
  }
  bot.on('error', (err) => events.error(err))
  bot.on('login', (user) => events.login(user.name()))
  bot.on('logout', () => events.logout())
  bot.on('scan', (qrcode, status) => events.scan(qrcode, status))
  bot.on('ready', () =>
    guard(async () => {
      const self = selfIdOf(bot)
      events.roomsReady(async function* () {
        yield* roomSnapshots(await bot.Room.findAll(), self)
      })
    }),
  )
  bot.on('message', (msg) => guard(async () => events.message(await toInbound(bot, msg, opts.botName))))
  bot.on('room-join', (room, invitees) =>
    guard(async () => {
      const selfId = bot.currentUser.id
      const refs = await Promise.all(invitees.map((c) => contactRef(c, room)))
      events.joined(await roomSnapshot(room, selfId), refs, invitees.some((c) => c.id === selfId))
    }),
  )
  bot.on('room-leave', (room, leavers) =>
    guard(async () => {
      const selfId = bot.currentUser.id
      const refs = leavers.map((c) => ({ puppetId: c.id, name: cleanText(c.name()) }))
      events.left(await roomRef(room), refs, leavers.some((c) => c.id === selfId))
    }),
  )
  // the event's new topic: the room's cached payload may still hold the old one
  bot.on('room-topic', (room, newTopic) => guard(async () => events.renamed({ puppetId: room.id, topic: cleanText(newTopic) || room.id })))
}

/** The outbox's way out. */
export function wechatyGateway(bot: WechatyInterface): ChatGateway {
  const conversation = async (to: ChatTarget) => {
    if (to.roomPuppetId) {
      const room = await bot.Room.find({ id: to.roomPuppetId })
      if (!room) throw new Error(chatText.roomGone(to.roomPuppetId))
      return room
    }
    if (!to.contactPuppetId) throw new Error('no recipient')
    const contact = await bot.Contact.find({ id: to.contactPuppetId })
    if (!contact) throw new Error(chatText.contactGone(to.contactPuppetId))
    return contact
  }
  return {
    async sendText(to, text, mentions) {
      const target = await conversation(to)
      if (!mentions?.length || !to.roomPuppetId) return void (await target.say(text))
      const found = await Promise.all(mentions.map(async (m) => (m.puppetId ? await bot.Contact.find({ id: m.puppetId }) : undefined)))
      const contacts = found.filter((c): c is ContactInterface => c !== undefined)
      // someone the puppet no longer knows is still named, as plain text
      const missing = mentions.filter((_, i) => !found[i]).map((m) => `@${m.name}`)
      const body = missing.length ? `${missing.join(' ')} ${text}` : text
      await (target as RoomInterface).say(body, ...contacts)
    },
    async sendFile(to, file) {
      await (await conversation(to)).say(FileBox.fromBase64(file.base64, file.name))
    },
    async loadImage(messageId) {
      const msg = await bot.Message.find({ id: messageId })
      if (!msg) throw new Error(`message ${messageId} not found`)
      const box = await msg.toFileBox()
      // wechat4u puts a voice message's length (ms) in the box's metadata
      const durationMs = number((box.metadata as { voiceLength?: unknown } | undefined)?.voiceLength)
      return { name: box.name, mediaType: box.mediaType || 'image/jpeg', base64: await box.toBase64(), ...(durationMs !== undefined ? { durationMs } : {}) }
    },
    async announce(roomPuppetId, text) {
      try {
        const room = await bot.Room.find({ id: roomPuppetId })
        if (!room) return false
        await room.announce(text)
        return true
      } catch {
        // wechat4u and others don't support it, or the bot is not the owner
        return false
      }
    },
  }
}
