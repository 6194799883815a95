import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findConversation } from '../../../src/db/conversations.js'
import { getPerson } from '../../../src/db/people.js'
import { eraseDialog } from '../../../src/features/privacy/index.js'
import { privacyText as t } from '../../../src/features/privacy/text.js'
import { answerDialog, testCtx } from '../../support/ctx.js'
import { testDatabase } from '../../support/db.js'

describe('the erase dialog', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  beforeAll(async () => {
    database = await testDatabase()
  })
  afterAll(() => database.close())

  async function answer(text: string, talker: string) {
    return answerDialog(database.db, eraseDialog.handler, { text, talker })
  }

  test('asks, takes only a plain yes, and keeps everything on a no', async () => {
    const ctx = await testCtx(database.db, { talker: '王五' })
    await eraseDialog.start(ctx, 'confirm', {})
    expect(ctx.said).toEqual([t.eraseAsk])
    expect((await answer('确认删除？', '王五')).said).toEqual([t.eraseYesOrNo])
    expect((await answer('不了。', '王五')).said).toEqual([t.eraseKept])
    expect(await findConversation(database.db, { chatKey: 'private', personId: ctx.person.id })).toBeUndefined()
    expect(await getPerson(database.db, { id: ctx.person.id })).toBeDefined()
  })

  test('a state stored by the version before the engine (version 1, step confirm, {}) still erases', async () => {
    const ctx = await testCtx(database.db, { talker: '赵六' })
    await ctx.startDialog({ name: 'erase-my-info', version: 1, step: 'confirm', state: {} })
    const yes = await answer('确认删除', '赵六')
    expect(yes.said).toEqual([t.erased])
    expect(await getPerson(database.db, { id: ctx.person.id })).toBeUndefined()
  })
})
