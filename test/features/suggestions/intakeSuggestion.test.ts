import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { saveDraft } from '../../../src/db/suggestions.js'
import { intakeDialog, startIntake } from '../../../src/features/suggestions/intakeSuggestion.js'
import { intakeText as t } from '../../../src/features/suggestions/text.js'
import { dialogText } from '../../../src/kit/text.js'
import { answerDialog, testCtx } from '../../support/ctx.js'
import { testDatabase } from '../../support/db.js'

describe('the suggestion intake on the dialog engine', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  beforeAll(async () => {
    database = await testDatabase()
  })
  afterAll(() => database.close())

  /** one message to the open intake, as the router would hand it over */
  async function answer(text: string, type: 'text' | 'image' = 'text') {
    return (await answerDialog(database.db, intakeDialog.handler, { text, type })).said
  }

  test('a state stored by the version-1 intake before the port goes on where it was', async () => {
    // as the old handler wrote it: a place of some building said without one, and a photo
    const stored = { problem: '门口路灯坏了', category: '照明', fileIds: [7], placeHint: { place: '门口', placeKind: '门口' } }
    expect(intakeDialog.restore({ version: 1, step: 'where', state: stored })).toEqual({ step: 'where', state: stored })
    const ctx = await testCtx(database.db)
    await ctx.startDialog({ name: intakeDialog.name, version: 1, step: 'where', state: stored })
    expect(await answer('5号楼门口')).toEqual([t.prompt.photo])
    expect(await answer('返回')).toEqual([`${dialogText.back}${t.prompt.where(undefined, undefined)}`])
    expect(await answer('', 'image')).toEqual([`${t.photoKept(2)}${t.prompt.where(undefined, undefined)}`])
    expect(await answer('返回')).toEqual([`${dialogText.back}${t.prompt.what}`])
    expect(await answer('返回')).toEqual([t.left])
  })

  test('Traditional characters: read in Simplified, kept as the person wrote them', async () => {
    const ctx = await testCtx(database.db, { text: '建議 3號樓門口路燈壞了', talker: '陳伯' })
    ctx.msg.simplified = '建议 3号楼门口路灯坏了'
    await startIntake(ctx, '3号楼门口路灯坏了')
    const c = (await testCtx(database.db, { talker: '陳伯' })).conversation!
    expect(c.step).toBe('photo')
    expect(c.state).toMatchObject({ problem: '3號樓門口路燈壞了', building: 3, category: '照明' })
  })

  test('a draft kept on timeout is offered again, and read through the schema', async () => {
    const ctx = await testCtx(database.db)
    await saveDraft(database.db, {
      personId: ctx.person.id,
      name: intakeDialog.name,
      chatKey: 'private',
      step: 'photo',
      version: 1,
      state: { problem: '车棚电瓶车太多', category: '停车', fileIds: [], building: null, place: '车棚', placeKind: '车棚' },
      savedAt: ctx.now,
    })
    await startIntake(ctx, '')
    expect(ctx.said).toEqual([t.resume('车棚电瓶车太多')])
    expect(await answer('随便')).toEqual([t.resumeChoices])
    expect(await answer('继续')).toEqual([t.prompt.photo])
  })

  test('a draft that does not read (an older shape) is left aside: a fresh intake starts', async () => {
    const ctx = await testCtx(database.db, { talker: '钱大爷' })
    await saveDraft(database.db, { personId: ctx.person.id, name: intakeDialog.name, chatKey: 'private', step: 'photo', version: 1, state: { fileIds: 'none' }, savedAt: ctx.now })
    await startIntake(ctx, '')
    expect(ctx.said).toEqual([t.prompt.what])
  })
})
