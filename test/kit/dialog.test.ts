import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import type { MessageType } from '../../src/chat/types.js'
import { findConversation } from '../../src/db/conversations.js'
import { again, answerOf, ask, defineDialog, end, stay } from '../../src/kit/dialog.js'
import { typeInDialog } from '../../src/kit/understand/text.js'
import { dialogText } from '../../src/kit/text.js'
import { answerDialog, testCtx } from '../support/ctx.js'
import { testDatabase } from '../support/db.js'

type Step = 'name' | 'age' | 'done'
const State = z.object({ name: z.string().optional(), age: z.number().int().optional() })
type State = z.infer<typeof State>

/** a two-question form: name, then age (version 2: age is a number; version 1 kept it as text) */
const form = defineDialog<State, Step>({
  name: 'test-form',
  version: 2,
  schema: State,
  leaveSay: 'left the form',
  steps: {
    name: { prompt: () => 'name?', answer: (_c, a, s) => (a.text ? ask('age', { ...s, name: a.text }) : again('say a name. ')) },
    age: {
      prompt: (_c, s) => `age of ${s.name}?`,
      answer: (_c, a, s) => (/^\d+$/.test(a.plain) ? ask('done', { ...s, age: Number(a.plain) }) : stay('a number, please')),
      back: 'name',
    },
    done: { prompt: (_c, s) => `ok ${s.name} ${s.age}`, answer: () => end('bye') },
  },
  migrate: {
    1: (old) => {
      const o = old.state as { name?: string; age?: string }
      return { step: old.step as Step, state: { name: o.name, age: o.age === undefined ? undefined : Number(o.age) } }
    },
  },
})

describe('the dialog engine', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  beforeAll(async () => {
    database = await testDatabase()
  })
  afterAll(() => database.close())

  /** one message to the open form, as the router would hand it over */
  async function answer(text: string, type: MessageType = 'text') {
    return (await answerDialog(database.db, form.handler, { text, type })).said
  }

  test('asks each step, validates answers, goes back, ends', async () => {
    const ctx = await testCtx(database.db)
    await form.start(ctx, 'name', {}, 'hello. ')
    expect(ctx.said).toEqual(['hello. name?'])
    expect(await answer('')).toEqual(['say a name. name?'])
    expect(await answer('Li')).toEqual(['age of Li?'])
    expect(await answer('old')).toEqual(['a number, please'])
    expect(await answer('返回')).toEqual([`${dialogText.back}name?`])
    expect(await answer('Wang')).toEqual(['age of Wang?'])
    expect(await answer('7')).toEqual(['ok Wang 7'])
    expect(await answer('anything')).toEqual(['bye'])
    const person = (await testCtx(database.db)).person
    expect(await findConversation(database.db, { chatKey: 'private', personId: person.id })).toBeUndefined()
  })

  test('返回 from a step without a way back leaves the dialog', async () => {
    await form.start(await testCtx(database.db), 'name', {})
    expect(await answer('返回')).toEqual(['left the form'])
  })

  test('an older version is migrated, keeping the answers', async () => {
    const ctx = await testCtx(database.db)
    await ctx.startDialog({ name: form.name, version: 1, step: 'age', state: { name: 'Zhao', age: '3' } })
    expect(form.restore({ version: 1, step: 'age', state: { name: 'Zhao', age: '3' } })).toEqual({ step: 'age', state: { name: 'Zhao', age: 3 } })
    expect(await answer('返回')).toEqual([`${dialogText.back}name?`])
  })

  test('a state that does not validate, or a newer version, is dropped with a plain word', async () => {
    const ctx = await testCtx(database.db)
    await ctx.startDialog({ name: form.name, version: 2, step: 'age', state: { name: 42 } })
    expect(await answer('5')).toEqual([dialogText.outdated])
    expect(form.restore({ version: 3, step: 'age', state: {} })).toBeNull()
    expect(form.restore({ version: 2, step: 'nowhere', state: {} })).toBeNull()
    expect(form.restore({ version: 0, step: 'name', state: {} })).toBeNull()
  })

  test('a voice message or a link gets a short line and the question again; the state stays', async () => {
    await form.start(await testCtx(database.db), 'name', {})
    expect(await answer('Li')).toEqual(['age of Li?'])
    expect(await answer('', 'voice')).toEqual([`${typeInDialog('voice').trimEnd()}\nage of Li?`])
    expect(await answer('', 'link')).toEqual([`${typeInDialog('link').trimEnd()}\nage of Li?`])
    expect(await answer('7')).toEqual(['ok Li 7'])
    expect(form.handler.accepts).toEqual(['text', 'image'])
  })

  test('a dialog that reads voice gets it as an answer', async () => {
    const voiced = defineDialog<{ heard?: string }, 'what'>({
      name: 'test-voiced',
      version: 1,
      schema: z.object({ heard: z.string().optional() }),
      accepts: ['text', 'voice'],
      steps: { what: { prompt: () => 'what?', answer: (_c, a) => end(`got ${a.type}`) } },
    })
    await voiced.start(await testCtx(database.db), 'what', {})
    const ctx = await testCtx(database.db, { type: 'voice' })
    await voiced.handler.onMessage(ctx, ctx.conversation!)
    expect(ctx.said).toEqual(['got voice'])
  })

  test('matches answers on Simplified characters, keeps the words as written', async () => {
    const ctx = await testCtx(database.db, { text: '確認 門口' })
    ctx.msg.simplified = '确认 门口'
    expect(answerOf(ctx)).toEqual({ type: 'text', text: '確認 門口', simplified: '确认 门口', plain: '确认门口' })
  })

  test('on timeout, an unreadable state gets the general notice', async () => {
    const ctx = await testCtx(database.db)
    await ctx.startDialog({ name: form.name, version: 2, step: 'age', state: { name: 42 } })
    const c = (await findConversation(database.db, { chatKey: 'private', personId: ctx.person.id }))!
    expect(await form.handler.onTimeout!({ db: database.db, conversation: c, now: ctx.now })).toBe(dialogText.timedOut)
  })

  test('a step stored under a name carrying a value of the state is read and written that way', async () => {
    const Items = z.object({ item: z.number().int() })
    const items = defineDialog<z.infer<typeof Items>, 'item'>({
      name: 'test-items',
      version: 1,
      schema: Items,
      stepName: { write: (_step, s) => String(s.item), read: (name, state) => (/^\d+$/.test(name) ? { step: 'item', state: { ...(state as object), item: Number(name) } } : null) },
      steps: { item: { prompt: (_c, s) => `item ${s.item}?`, answer: (_c, _a, s) => (s.item < 4 ? ask('item', { item: s.item + 1 }) : end('done')) } },
    })
    const ctx = await testCtx(database.db)
    // as stored before the engine: the step is the item's number, the state does not hold it
    await ctx.startDialog({ name: items.name, version: 1, step: '3', state: {} })
    const c = (await findConversation(database.db, { chatKey: 'private', personId: ctx.person.id }))!
    const next = await testCtx(database.db, { text: 'ok' })
    await items.handler.onMessage(next, c)
    expect(next.said).toEqual(['item 4?'])
    expect((await findConversation(database.db, { chatKey: 'private', personId: ctx.person.id }))?.step).toBe('4')
    expect(items.restore({ version: 1, step: 'item', state: {} })).toBeNull()
  })
})
