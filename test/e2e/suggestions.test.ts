import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { drafts, suggestionSupports, suggestions } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '幸福里3号楼'
const G5 = '幸福里5号楼'

function community(db: Database, clock: FakeClock): World {
  const w = new World(db, clock)
  w.group(STAFF, ['王主任'])
  w.group(G3, ['王主任', '张三', '李四', '赵阿姨', '钱大爷'])
  w.group(G5, ['王主任', '孙叔叔', '周阿姨'])
  return w
}

describe('suggestion intake', () => {
  let db: Database
  const clock = new FakeClock()
  let world: World
  const rows = () => db.db.select().from(suggestions).orderBy(suggestions.id)

  beforeAll(async () => {
    db = await testDatabase()
    world = community(db, clock)
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '绑定 5号楼', { room: G5 })
    await world.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
    await world.say('李四', '登记 3号楼 502', { room: G3 })
  })
  afterAll(async () => {
    await world?.stop()
    await db?.close()
  })

  it('takes two residents through their dialogs at once; others chatting are ignored', async () => {
    await world.say('李四', '建议', { room: G3 })
    expect(world.lastSaid(G3)).toContain('@李四 请说说是什么问题')
    await world.say('赵阿姨', '我要提建议', { room: G3 })
    expect(world.lastSaid(G3)).toContain('@赵阿姨 请说说是什么问题')
    await world.say('李四', '门口路灯坏了，晚上很黑', { room: G3, mention: false })
    // "门口" of which building? the group's is offered
    expect(world.lastSaid(G3)).toContain('@李四 是3号楼门口吗？是就回复「是」')
    // someone else chatting in between is not an answer
    expect(await world.say('钱大爷', '今天天气不错', { room: G3, mention: false })).toBe('ignored')
    await world.say('赵阿姨', '楼道里堆满了纸箱，有火灾隐患', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('@赵阿姨 是3号楼楼道吗？')
    await world.say('李四', '是', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('@李四 有照片吗')
    await world.say('赵阿姨', '3号楼2单元楼道', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('@赵阿姨 有照片吗')
    await world.say('李四', '', { room: G3, mention: false, image: true })
    expect(world.lastSaid(G3)).toContain('收到第 1 张')
    await world.say('李四', '好了', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('照片：1 张')
    await world.say('赵阿姨', '跳过', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toMatch(/@赵阿姨 请核对：\n问题：楼道里堆满了纸箱/)
    await world.say('李四', '提交', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toMatch(/@李四 已记录，编号 J1（照明 · 3号楼门口）/)
    await world.say('赵阿姨', '提交', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toMatch(/@赵阿姨 已记录，编号 J2（安全/)
    const [j1, j2] = await rows()
    expect(j1).toMatchObject({ problem: '门口路灯坏了，晚上很黑', category: '照明', place: '3号楼门口' })
    expect(j1!.fileIds).toHaveLength(1)
    expect(j2!.category).toBe('安全')
  })

  it('asks only what a one-liner leaves out, and offers a likely duplicate', async () => {
    await world.say('孙叔叔', '建议 三号楼前面的灯不亮', { room: G5 })
    // building, place and problem are known: only the photo is asked
    expect(world.lastSaid(G5)).toContain('有照片吗')
    await world.say('孙叔叔', '没有', { room: G5, mention: false })
    await world.say('孙叔叔', '提交', { room: G5, mention: false })
    expect(world.lastSaid(G5)).toMatch(/这条和 J1「门口路灯坏了.*」是同一件事吗？回复「是」或「不是」/)
    await world.say('孙叔叔', '是', { room: G5, mention: false })
    expect(world.lastSaid(G5)).toContain('已记在 J1 上')
    const supports = await db.db.select().from(suggestionSupports)
    expect(supports.map((s) => s.words)).toEqual(['3号楼前面的灯不亮'])
    expect((await rows()).length).toBe(2)
  })

  it('records a new one when the person says it is not the same', async () => {
    await world.say('周阿姨', '建议 3号楼门口的路灯太暗了，想换亮一点的', { room: G5 })
    await world.say('周阿姨', '跳过', { room: G5, mention: false })
    await world.say('周阿姨', '提交', { room: G5, mention: false })
    expect(world.lastSaid(G5)).toContain('是同一件事吗')
    await world.say('周阿姨', '不是', { room: G5, mention: false })
    expect(world.lastSaid(G5)).toMatch(/已记录，编号 J3/)
  })

  it('asks whether "三楼" means building 3 or the 3rd floor', async () => {
    await world.say('钱大爷', '建议 三楼楼道灯坏了', { room: G3 })
    expect(world.lastSaid(G3)).toContain('是3号楼，还是3层')
    await world.say('钱大爷', '3层', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('有照片吗')
    await world.say('钱大爷', '取消', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('已取消')
  })

  it('keeps a photo sent as the answer to "what" and still asks for the words', async () => {
    await world.say('李四', '建议')
    await world.say('李四', '', { image: true })
    expect(world.said('李四').slice(-2).join('\n')).toContain('收到照片（共 1 张）')
    expect(world.lastSaid('李四')).toContain('请说说是什么问题')
    await world.say('李四', '返回')
    expect(world.lastSaid('李四')).toContain('已退出，没有记录')
  })

  it('goes back one step at every step with 返回', async () => {
    await world.say('李四', '建议')
    await world.say('李四', '车棚电瓶车太多，没地方停')
    expect(world.lastSaid('李四')).toContain('有照片吗')
    await world.say('李四', '返回')
    expect(world.lastSaid('李四')).toContain('在哪里？')
    await world.say('李四', '返回')
    expect(world.lastSaid('李四')).toContain('请说说是什么问题')
    await world.say('李四', '车棚电瓶车太多，没地方停')
    await world.say('李四', '跳过')
    expect(world.lastSaid('李四')).toContain('请核对')
    await world.say('李四', '返回')
    expect(world.lastSaid('李四')).toContain('有照片吗')
    await world.say('李四', '跳过')
    await world.say('李四', '修改')
    expect(world.lastSaid('李四')).toContain('改哪一项')
    await world.say('李四', '地点')
    await world.say('李四', '小区东门车棚')
    expect(world.lastSaid('李四')).toContain('地点：小区东门车棚')
    await world.say('李四', '取消')
    expect((await rows()).length).toBe(3)
  })

  it('keeps a draft when the person stops answering, and picks it up again', async () => {
    await world.say('赵阿姨', '建议', { room: G3 })
    await world.say('赵阿姨', '花坛里的树枝挡住了窗户', { room: G3, mention: false })
    clock.advance(11 * 60_000)
    await world.flush()
    expect(world.lastSaid(G3)).toBe('@赵阿姨 您的建议还没提交，已存为草稿。想接着填，请说「建议」。')
    expect(await db.db.select().from(drafts)).toHaveLength(1)
    // the next answer is ordinary chatter again
    expect(await world.say('赵阿姨', '3号楼', { room: G3, mention: false })).toBe('ignored')
    await world.say('赵阿姨', '建议', { room: G3 })
    expect(world.lastSaid(G3)).toContain('您有一条没提交的建议「花坛里的树枝挡住了窗户」')
    await world.say('赵阿姨', '继续', { room: G3, mention: false })
    // 花坛 is a place of the estate, not of a building: only the photo is still asked
    expect(world.lastSaid(G3)).toContain('有照片吗')
    await world.say('赵阿姨', '跳过', { room: G3, mention: false })
    await world.say('赵阿姨', '提交', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toMatch(/已记录，编号 J4（绿化/)
    expect(await db.db.select().from(drafts)).toHaveLength(0)
  })

  it('lets a building head suggest for a neighbour who is not in the group', async () => {
    await world.say('李四', '代提建议', { room: G3 })
    expect(world.lastSaid(G3)).toContain('是楼组长替不在群里的邻居提的')
    await world.say('张三', '代提建议', { room: G3 })
    expect(world.lastSaid(G3)).toContain('替哪位邻居提')
    await world.say('张三', '王奶奶 3号楼 101', { room: G3, mention: false })
    await world.say('张三', '一楼门口台阶太高，轮椅上不去', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('「1楼」是1号楼，还是1层')
    await world.say('张三', '1层', { room: G3, mention: false })
    await world.say('张三', '跳过', { room: G3, mention: false })
    // the neighbour's door, typed by the head, is neither repeated in the group nor kept
    expect(world.lastSaid(G3)).toContain('代：王奶奶（3号楼）')
    await world.say('张三', '提交', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toMatch(/已记录（代王奶奶），编号 J5（道路 · 3号楼1层门口）/)
    expect(world.said(G3).join('\n')).not.toContain('101')
    const j5 = (await rows()).at(-1)!
    expect(j5.personId).toBeNull()
    expect(j5.proxyFor).toBe('王奶奶')
  })

  it('lists my suggestions, withdraws and corrects them', async () => {
    await world.say('李四', '我的建议')
    const mine = world.lastSaid('李四')
    expect(mine).toContain('J1 门口路灯坏了')
    expect(mine).toContain('1 人附议')
    // Traditional: read in Simplified, kept as written
    await world.say('李四', '修改 J1 3號樓門口兩盞路燈都不亮')
    expect(world.lastSaid('李四')).toContain('已改好 J1')
    expect(world.lastSaid('李四')).toContain('兩盞路燈')
    const [j1] = (await world.app.db.select().from(suggestions)).filter((s) => s.id === 1)
    expect(j1!.problem).toBe('3號樓門口兩盞路燈都不亮')
    expect(j1!.category).toBe('照明')
    await world.say('孙叔叔', '撤回 J1')
    expect(world.lastSaid('孙叔叔')).toContain('没有找到您提的 J1')
    await world.say('李四', '撤回 J1')
    expect(world.lastSaid('李四')).toContain('已撤回 J1')
    await world.say('李四', '修改 J1 再改一次')
    expect(world.lastSaid('李四')).toContain('已撤回，不能再修改了')
  })

  it('shows staff what is new, grouped, and digests it once each morning', async () => {
    await world.say('李四', '建议列表')
    expect(world.lastSaid('李四')).toContain('只有居委工作人员')
    await world.say('王主任', '建议列表', { room: STAFF })
    const list = world.lastSaid(STAFF)
    expect(list).toMatch(/新建议 \d+ 条/)
    expect(list).toContain('【3号楼】')
    expect(list).toContain('照明：J3')
    await world.say('王主任', '建议列表', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('上次查看以来没有新建议')
    // the morning digest: once per slot, only if something is new
    clock.set('2026-11-21T08:30:00+08:00')
    await world.flush()
    const digests = () => world.said(STAFF).filter((t) => t.startsWith('早上好'))
    expect(digests()).toHaveLength(1)
    await world.flush()
    expect(digests()).toHaveLength(1)
    clock.set('2026-11-22T08:30:00+08:00')
    await world.flush()
    expect(digests()).toHaveLength(1)
  })

  it('continues a dialog after a restart', async () => {
    await world.say('周阿姨', '建议', { room: G5 })
    await world.say('周阿姨', '垃圾桶太少，经常满出来', { room: G5, mention: false })
    await world.stop()
    clock.advance(60_000)
    world = community(db, clock)
    await world.start()
    await world.say('周阿姨', '5号楼楼下', { room: G5, mention: false })
    expect(world.lastSaid(G5)).toContain('@周阿姨 有照片吗')
    await world.say('周阿姨', '跳过', { room: G5, mention: false })
    await world.say('周阿姨', '提交', { room: G5, mention: false })
    expect(world.lastSaid(G5)).toMatch(/已记录，编号 J\d+（垃圾 · 5号楼楼下）/)
  })

  it('never fails and never stores an empty suggestion, whatever is typed', async () => {
    const before = (await rows()).length
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 6 }), async (answers) => {
        await world.say('钱大爷', '建议')
        for (const a of [...answers, '提交', '是']) {
          const outcome = await world.say('钱大爷', a)
          expect(outcome).not.toBe('failed')
        }
        await world.say('钱大爷', '取消')
      }),
      { numRuns: 15 },
    )
    const stored = await rows()
    expect(stored.every((s) => s.problem.trim().length > 0)).toBe(true)
    expect(stored.length).toBeGreaterThanOrEqual(before)
    const [person] = await db.db.select().from(suggestions).where(eq(suggestions.problem, ''))
    expect(person).toBeUndefined()
  })
})
