import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findConversation } from '../../../src/db/conversations.js'
import { progressPhotosDialog as dialog } from '../../../src/features/implementation/progressPhotos.js'
import { PHOTO_WINDOW_MS } from '../../../src/kit/photoWindow.js'
import { progressText as t } from '../../../src/features/implementation/text.js'
import { dialogText } from '../../../src/kit/text.js'
import { answerDialog, testCtx } from '../../support/ctx.js'
import { testDatabase } from '../../support/db.js'

describe('the photos after a progress report', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  beforeAll(async () => {
    database = await testDatabase()
  })
  afterAll(() => database.close())

  /** one private message to the open dialog */
  async function send(p: { text?: string; image?: boolean }) {
    const ctx = await answerDialog(database.db, dialog.handler, { text: p.text ?? '', type: p.image ? 'image' : 'text' })
    return { said: ctx.said, conversation: await findConversation(database.db, { chatKey: 'private', personId: ctx.person.id }) }
  }

  test('a state stored by the version before the engine keeps working: photos counted, the first acknowledged', async () => {
    const ctx = await testCtx(database.db)
    // exactly what the hand-written handler saved
    await ctx.startDialog({ name: 'progress-photos', version: 1, step: 'photos', state: { updateId: 1, projectId: 3, communityId: ctx.community!.id, roomIds: [], photos: 0 }, timeoutMs: PHOTO_WINDOW_MS })
    expect((await send({ image: true })).said).toEqual([t.firstPhoto])
    const second = await send({ image: true })
    expect(second.said).toEqual([])
    expect(second.conversation?.state).toMatchObject({ photos: 2 })
    const done = await send({ text: '好了' })
    expect(done.said).toEqual([t.photosDone(2)])
    expect(done.conversation).toBeUndefined()
  })

  test('an unreadable state ends the wait with the plain apology', async () => {
    const ctx = await testCtx(database.db)
    await ctx.startDialog({ name: dialog.name, version: 1, step: 'photos', state: { updateId: 'x' } })
    expect((await send({ image: true })).said).toEqual([dialogText.outdated])
  })

  test('the window closing says nothing', async () => {
    const ctx = await testCtx(database.db)
    await ctx.startDialog({ name: dialog.name, version: 1, step: 'photos', state: { updateId: 1, projectId: 3, communityId: 1, roomIds: [], photos: 1 } })
    const c = (await findConversation(database.db, { chatKey: 'private', personId: ctx.person.id }))!
    expect(await dialog.handler.onTimeout!({ db: database.db, conversation: c, now: ctx.now })).toBe('')
  })
})
