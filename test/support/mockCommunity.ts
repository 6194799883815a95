import { randomUUID } from 'node:crypto'
import { FileBox } from 'file-box'
import { types } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { createApp, type App } from '../../src/app.js'
import type { Config } from '../../src/config.js'
import type { Database } from '../../src/db/client.js'
import { createLogger } from '../../src/log.js'
import type { Outcome } from '../../src/router/pipeline.js'

type ContactMock = ReturnType<mock.Mocker['createContact']>
type RoomMock = ReturnType<mock.Mocker['createRoom']>

export interface Said {
  /** room topic, or contact name for a private message */
  where: string
  text: string
  /** names of the people @-mentioned for real (the puppet's mention list) */
  mentions: string[]
}

export const BOT_NAME = '共建助手'

/** a 1×1 PNG: what residents' "photos" are in tests */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

export interface SayOptions {
  /** the group's topic; unset: a private message to the bot */
  room?: string
  /** a group by its puppet id (one not made with group(), or sharing another's topic) */
  roomId?: string
  /** @-mention the bot (default in a group) */
  mention?: boolean
  /** names of others to @-mention */
  mentions?: string[]
  /** the message id (to replay a duplicate event) */
  id?: string
  /** when it was sent (default: now) */
  at?: Date
  image?: boolean
  /** another kind of message than text (a voice message, a location pin, a link …) */
  type?: MockType
  /** a location pin's payload (with type 'location') */
  place?: { name: string; address?: string; latitude?: number; longitude?: number }
  /** a voice message's length (with type 'voice'), as wechat4u puts it in the file's metadata */
  voiceMs?: number
  /**
   * a quote-reply: the quoted message (by default the bot's), in the text the way a puppet
   * delivers it — wechat4u (15 spaced dashes), an older padlocal (16), WorkPro (new words only)
   */
  quote?: { text: string; name?: string; format?: QuoteFormat }
  /** wait for the bot's answers to go out (default); false: resolve once the message is handled */
  flush?: boolean
}

export type MockType = 'voice' | 'video' | 'location' | 'link' | 'mini-program' | 'file' | 'sticker' | 'contact' | 'chat-history' | 'money' | 'recalled'
export type QuoteFormat = 'wechat4u' | 'padlocal-old' | 'workpro'

const MOCK_TYPES: Record<MockType, number> = {
  voice: types.Message.Audio,
  video: types.Message.Video,
  location: types.Message.Location,
  link: types.Message.Url,
  'mini-program': types.Message.MiniProgram,
  file: types.Message.Attachment,
  sticker: types.Message.Emoticon,
  contact: types.Message.Contact,
  'chat-history': types.Message.ChatHistory,
  money: types.Message.RedEnvelope,
  recalled: types.Message.Recalled,
}

/** A quote-reply's text as each puppet delivers it (see kit/understand/quote.ts for the sources). */
export function quoteReply(p: { name: string; quoted: string; words: string; format: QuoteFormat }): string {
  if (p.format === 'workpro') return p.words
  const dashes = Array(p.format === 'wechat4u' ? 15 : 16).fill('-').join(' ')
  return `「${p.name}：${p.quoted}」\n${dashes}\n${p.words}`
}

/**
 * A community on wechaty-puppet-mock driving the real app (tests and `npm run demo`): people,
 * groups, messages with chosen ids and timestamps, and a transcript of all the bot said.
 */
export class MockCommunity {
  readonly mocker = new mock.Mocker()
  readonly puppet = new PuppetMock({ mocker: this.mocker })
  readonly me: ContactMock
  readonly transcript: Said[] = []
  /** what the bot told its operator (the terminal of npm start): binding codes and the like */
  readonly operatorLines: string[] = []
  app!: App
  private contacts = new Map<string, ContactMock>()
  private roomsByTopic = new Map<string, RoomMock>()
  /** the mock puppet drops mention lists: kept here by (conversation, text) until the message comes back */
  private pendingMentions: { conversationId: string; text: string; ids: string[] }[] = []
  /** location pins by message id (the mock puppet answers every one with the same place) */
  private places = new Map<string, NonNullable<SayOptions['place']>>()

  constructor(
    readonly db: Database,
    readonly now: () => Date = () => new Date(),
    private config: Partial<Config> = {},
  ) {
    this.me = this.mocker.createContact({ name: BOT_NAME })
    const send = this.puppet.messageSendText.bind(this.puppet)
    this.puppet.messageSendText = async (conversationId: string, text: string, mentionIdList?: string[]) => {
      if (mentionIdList?.length) this.pendingMentions.push({ conversationId, text, ids: mentionIdList })
      return send(conversationId, text)
    }
    const location = this.puppet.messageLocation.bind(this.puppet)
    this.puppet.messageLocation = async (messageId: string) => {
      const place = this.places.get(messageId)
      return place ? { accuracy: 15, address: place.address ?? '', latitude: place.latitude ?? 0, longitude: place.longitude ?? 0, name: place.name } : location(messageId)
    }
  }

  private takeMentions(conversationId: string | undefined, text: string): string[] {
    const i = this.pendingMentions.findIndex((p) => p.conversationId === conversationId && p.text === text)
    if (i < 0) return []
    const [entry] = this.pendingMentions.splice(i, 1)
    return entry!.ids.map((id) => [...this.contacts.values()].find((c) => c.id === id)?.payload.name ?? id)
  }

  person(name: string): ContactMock {
    let c = this.contacts.get(name)
    if (!c) {
      c = this.mocker.createContact({ name })
      this.contacts.set(name, c)
    }
    return c
  }

  /** another contact with a name someone already has (a look-alike) */
  newPerson(name: string): ContactMock {
    return this.mocker.createContact({ name })
  }

  groupId(topic: string): string | undefined {
    return this.roomsByTopic.get(topic)?.id
  }

  addToGroup(topic: string, contact: ContactMock): void {
    const room = this.roomsByTopic.get(topic)
    if (!room) throw new Error(`no group ${topic}`)
    room.payload.memberIdList.push(contact.id)
  }

  group(topic: string, members: string[]): RoomMock {
    const room = this.mocker.createRoom({ topic, memberIdList: [this.me.id, ...members.map((m) => this.person(m).id)] })
    this.roomsByTopic.set(topic, room)
    return room
  }

  /** login: false starts the bot without logging in (a QR code waits to be scanned) */
  async start(opts: { login?: boolean } = {}): Promise<App> {
    this.app = await createApp({
      puppet: this.puppet,
      database: this.db,
      now: this.now,
      log: createLogger(process.env.LOG_LEVEL ?? 'silent'),
      operator: (line) => void this.operatorLines.push(line),
      config: {
        staffRoomTopics: ['居委工作群'],
        sessionName: undefined,
        // the mock accepts room.announce() silently: post notices as messages so they show
        announce: false,
        // one process per scripted community: no send lease (a test that "crashes" an app starts the next at once)
        send: { chatIntervalMs: 0, switchIntervalMs: 0, perMinute: 0, maxAttempts: 3, coalesceAcks: true, leaseMs: 0 },
        // no status server unless a test asks for one (port 'any')
        http: { host: '127.0.0.1', port: 0 },
        // a scripted community keeps no nightly backups
        backup: { dir: '', cron: '0 3 * * *', keep: 0 },
        ...this.config,
      },
    })
    this.app.bot.on('message', (m) => {
      if (!m.self()) return
      void (async () => {
        const room = m.room()
        const where = room ? await room.topic() : (m.listener()?.name() ?? '?')
        const text =
          m.type() === types.Message.Image
            ? '[图片]'
            : m.text() || `[文件] ${(await m.toFileBox().catch(() => undefined))?.name ?? ''}`
        this.transcript.push({ where, text, mentions: this.takeMentions(room?.id, m.text()) })
      })()
    })
    await this.app.start()
    if (opts.login !== false) await this.login()
    return this.app
  }

  /** logs the bot in (again) and waits until its groups are synced and what was due is sent */
  async login(): Promise<void> {
    const synced = new Promise<void>((resolve) => this.app.events.once('rooms-synced', () => resolve()))
    this.mocker.login(this.me)
    this.puppet.emit('ready', { data: '' })
    await synced
    await this.flush()
  }

  async logout(): Promise<void> {
    await this.puppet.logout('test')
    await this.app.settle()
  }

  /** the puppet shows a QR code to scan (status 2: waiting) */
  scan(qrcode: string, status = 2): void {
    this.puppet.emit('scan', { qrcode, status })
  }

  /**
   * A message from `who`: in `room` (an @mention of the bot unless mention=false) or private.
   * Resolves once the bot has handled it and sent whatever it had to say.
   */
  say(who: string, text: string, opts: SayOptions = {}): Promise<Outcome> {
    return this.sayAs(this.person(who), text, opts)
  }

  async sayAs(talker: ContactMock, text: string, opts: SayOptions = {}): Promise<Outcome> {
    const id = opts.id ?? randomUUID()
    const room = opts.roomId ? this.mocker.RoomMock.load(opts.roomId) : opts.room ? this.roomsByTopic.get(opts.room) : undefined
    if ((opts.room || opts.roomId) && !room) throw new Error(`no group ${opts.room ?? opts.roomId}`)
    const mentionBot = room && opts.mention !== false
    const others = (opts.mentions ?? []).map((n) => this.person(n))
    const words = [mentionBot ? `@${BOT_NAME}\u2005` : '', text, ...others.map((o) => ` @${o.payload.name}\u2005`)].join('')
    const body = opts.quote ? quoteReply({ name: opts.quote.name ?? BOT_NAME, quoted: opts.quote.text, words, format: opts.quote.format ?? 'wechat4u' }) : words
    const type = opts.image ? types.Message.Image : opts.type ? MOCK_TYPES[opts.type] : types.Message.Text
    const base = {
      id,
      talkerId: talker.id,
      timestamp: (opts.at ?? this.now()).getTime(),
      type,
      text: type === types.Message.Text ? body : '',
      ...(opts.type === 'file' ? { filename: '通知.pdf' } : {}),
    }
    const payload = room
      ? { ...base, roomId: room.id, mentionIdList: [...(mentionBot ? [this.me.id] : []), ...others.map((o) => o.id)] }
      : { ...base, listenerId: this.me.id }
    const outcome = new Promise<Outcome>((resolve) => {
      const on = (messageId: string, o: Outcome) => {
        if (messageId !== id) return
        this.app.events.off('outcome', on)
        resolve(o)
      }
      this.app.events.on('outcome', on)
    })
    if (opts.image) this.mocker.cacheFileBoxPayload.set(id, FileBox.fromBase64(TINY_PNG_BASE64, 'photo.png').toJSON())
    if (opts.type === 'voice') {
      const voice = FileBox.fromBase64(Buffer.from('#!SILK_V3').toString('base64'), `message-${id}-audio.sil`)
      voice.metadata = { voiceLength: opts.voiceMs ?? 3000 }
      this.mocker.cacheFileBoxPayload.set(id, voice.toJSON())
    }
    if (opts.type === 'location') this.places.set(id, opts.place ?? { name: '幸福里小区3号楼', latitude: 31.2, longitude: 121.4 })
    if (!this.mocker.cacheMessagePayload.has(id)) this.mocker.MessageMock.create(payload)
    this.puppet.emit('message', { messageId: id })
    const result = await outcome
    if (opts.flush !== false) await this.flush()
    return result
  }

  /**
   * Sends what is due and waits until the sent messages have come back through the puppet
   * (group announcements do not come back: then it gives up waiting after a moment).
   */
  async flush(): Promise<void> {
    const before = this.transcript.length
    const { sent } = await this.app.runDue()
    const deadline = Date.now() + 1000
    while (this.transcript.length < before + sent && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2))
    }
  }

  /** What the bot said in a group (topic) or privately to a person (name), oldest first. */
  said(where: string): string[] {
    return this.transcript.filter((s) => s.where === where).map((s) => s.text)
  }

  /** what the bot said in a group while @-mentioning `name` for real */
  saidTo(where: string, name: string): string[] {
    return this.transcript.filter((s) => s.where === where && s.mentions.includes(name)).map((s) => s.text)
  }

  lastSaid(where: string): string {
    const all = this.said(where)
    return all[all.length - 1] ?? ''
  }

  async stop(): Promise<void> {
    await this.app.stop()
  }
}
