import { defaultConfig, type Config } from '../../src/config.js'
import type { Db } from '../../src/db/client.js'
import { ensureCommunities, type Community } from '../../src/db/communities.js'
import { chatKeyOf, endConversation, findConversation, saveConversation } from '../../src/db/conversations.js'
import { resolvePerson } from '../../src/db/people.js'
import type { Room } from '../../src/db/rooms.js'
import { COMMANDS } from '../../src/features/index.js'
import type { Ctx, DialogHandler } from '../../src/kit/context.js'
import { createRegistry } from '../../src/kit/registry.js'

export interface TestCtx extends Ctx {
  /** what the handler said, in order */
  said: string[]
}

/**
 * A Ctx for calling a use-case, command or dialog directly — no router, no puppet: the person is
 * resolved on the test database, replies are collected in `said`, dialogs are stored for real.
 * Pass the ctx of a previous message as `after` to answer its dialog.
 */
export async function testCtx(
  db: Db,
  p: {
    text?: string
    type?: Ctx['msg']['type']
    talker?: string
    room?: Room | null
    community?: Community
    isStaff?: boolean
    now?: Date
    config?: Config
  } = {},
): Promise<TestCtx> {
  const now = p.now ?? new Date('2026-12-01T02:00:00Z')
  const community = p.community ?? (await ensureCommunities(db, { staffRoomTopics: ['居委工作群'], now }))[0]!
  const talker = p.talker ?? '张阿姨'
  const person = await resolvePerson(db, { account: 'default', ref: { puppetId: `wxid_${talker}`, name: talker }, now, loginAt: new Date(0) })
  const room = p.room ?? null
  const chatKey = chatKeyOf(room?.id ?? null)
  const conversation = (await findConversation(db, { chatKey, personId: person.id })) ?? null
  const config = p.config ?? defaultConfig()
  const said: string[] = []
  const ctx: TestCtx = {
    said,
    db,
    now,
    config,
    msg: {
      id: `msg-${Math.random()}`,
      sentAt: now,
      isSelf: false,
      talker: { puppetId: person.puppetId ?? `wxid_${talker}`, name: talker },
      type: p.type ?? 'text',
      text: p.text ?? '',
      mentionsBot: room !== null,
      mentions: [],
    },
    inboundId: 0,
    person,
    room,
    community,
    isStaff: p.isStaff ?? false,
    staffOf: p.isStaff ? [community.id] : [],
    communities: [community],
    conversation,
    reply: async (text) => void said.push(text),
    replyPlain: async (text) => void said.push(text),
    loadImage: async () => ({ name: 'photo.jpg', mediaType: 'image/jpeg', base64: Buffer.from('jpeg').toString('base64') }),
    startDialog: async (d) => {
      await saveConversation(db, { ...d, chatKey, personId: person.id, now, timeoutMs: Math.min(d.timeoutMs ?? Infinity, config.dialogTimeoutMs) })
    },
    endDialog: async () => {
      const c = await findConversation(db, { chatKey, personId: person.id })
      if (c) await endConversation(db, { id: c.id })
    },
    afterCommit: () => {},
    tellOperator: () => {},
    runtime: { state: () => ({ startedAt: now, loggedIn: true, name: '共建', since: now, qr: null, lastError: null }), jobNames: [] },
    registry: createRegistry(COMMANDS),
  }
  return ctx
}

/**
 * One message to the person's open dialog, as the router hands it over (返回 goes to the dialog's
 * way back). Returns the ctx, with what was said in `said`.
 */
export async function answerDialog(
  db: Db,
  handler: DialogHandler,
  p: { text?: string; type?: Ctx['msg']['type']; talker?: string } = {},
): Promise<TestCtx> {
  const ctx = await testCtx(db, p)
  if (!ctx.conversation) throw new Error('no open dialog')
  if (p.text === '返回' && handler.onBack) await handler.onBack(ctx, ctx.conversation)
  else await handler.onMessage(ctx, ctx.conversation)
  return ctx
}
