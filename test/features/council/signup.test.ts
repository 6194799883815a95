import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { councilCandidates } from '../../../src/db/schema.js'
import { signupDialog, startSignup } from '../../../src/features/council/signup.js'
import { answerDialog, testCtx } from '../../support/ctx.js'
import { testDatabase } from '../../support/db.js'

describe('the council sign-up dialog', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  beforeAll(async () => {
    database = await testDatabase()
  })
  afterAll(() => database.close())

  /** one message to the open dialog, privately, as the router would hand it over */
  async function answer(text: string, type: 'text' | 'image' = 'text') {
    return (await answerDialog(database.db, signupDialog.handler, { text, type })).said
  }

  test('consent and the first question as two messages; 返回 steps back without a word; a picture asks again', async () => {
    const ctx = await testCtx(database.db, { text: '报名议事员' })
    await startSignup(ctx)
    expect(ctx.said).toEqual(['报名信息只用于抽签：结果公布时只显示称呼和楼号。随时回复「取消」可退出。', '请问怎么称呼您（公布时用这个称呼）？回复「好」就用「张阿姨」。'])
    expect(await answer('好')).toEqual(['您住几号楼？例如「3号楼」。'])
    expect(await answer('', 'image')).toEqual(['您住几号楼？例如「3号楼」。'])
    expect(await answer('返回')).toEqual(['请问怎么称呼您（公布时用这个称呼）？回复「好」就用「张阿姨」。'])
    expect(await answer('这个称呼实在是太长了一点点吧')).toEqual(['称呼请在 12 个字以内，例如「王阿姨」「张先生」。'])
    expect(await answer('张姐')).toEqual(['您住几号楼？例如「3号楼」。'])
    expect(await answer('8号楼')).toEqual(['年龄段？回复 1 青年18-39 / 2 中年40-59 / 3 老年60以上 / 跳过'])
    expect(await answer('不知道')).toEqual(['年龄段？回复 1 青年18-39 / 2 中年40-59 / 3 老年60以上 / 跳过'])
    await answer('2')
    await answer('跳过')
    expect(await answer('租客')).toEqual(['请核对：称呼「张姐」，8号楼，中年40-59，性别未填，租户\n没问题回复「确认」；要改回复「修改」。'])
    expect(await answer('嗯嗯')).toEqual(['没问题回复「确认」；要改回复「修改」，不报了回复「取消」。'])
    expect(await answer('确认')).toEqual(['已报名议事员！称呼「张姐」，8号楼，中年40-59，性别未填，租户。\n报名截止后公开抽签，结果在各楼群公布。要改信息，再说一次「报名议事员」。'])
    const [row] = await database.db.select().from(councilCandidates)
    expect(row).toMatchObject({ name: '张姐', building: 8, ageBand: '40-59岁', gender: null, tenure: '租户', status: 'accepted' })
  })

  test('修改 starts over with the answers as defaults; 返回 from the first question leaves', async () => {
    const ctx = await testCtx(database.db, { text: '报名议事员' })
    await startSignup(ctx)
    expect(ctx.said[0]).toMatch(/^您已经报过名，这次填写会更新您的报名信息。\n/)
    expect(ctx.said[1]).toContain('回复「好」就用「张姐」')
    for (const a of ['好', '好', '3', '女', '业主']) await answer(a)
    expect(await answer('修改')).toEqual(['请问怎么称呼您（公布时用这个称呼）？回复「好」就用「张姐」。'])
    expect(await answer('好')).toEqual(['您住几号楼？回复「是」就是8号楼。'])
    await answer('返回')
    expect(await answer('返回')).toEqual(['好的，已退出报名。'])
  })

  test('a state stored by the version before the engine still loads', () => {
    const stored = { version: 1, step: 'confirm', state: { defaultName: '王阿姨', defaultBuilding: 3, name: '王阿姨', building: 3, ageBand: null, gender: '女', tenure: null } }
    expect(signupDialog.restore(stored)).toEqual({ step: 'confirm', state: stored.state })
  })
})
