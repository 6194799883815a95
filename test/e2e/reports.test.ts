import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { pointsLedger, reports, suggestions } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '3号楼群'
const G5 = '5号楼群'
const HOUR = 3_600_000

/**
 * Everyday reports, end to end through the mock puppet: 随手拍 → the grid member privately →
 * 接单 → 处理 with a photo → the reporter @-mentioned for real; +1s; 转建议 keeps the submitter;
 * 不处理 tells the reason; escalation once; points only for handled reports, within the daily cap;
 * the catalogue, 兑换 and 核销; the ledger never edited; the 积分榜 names only those who agreed.
 */
describe('everyday reports and volunteer points', () => {
  let world: World
  const clock = new FakeClock('2026-11-23T09:00:00+08:00')
  const personId = async (name: string) => (await world.app.db.query.people.findFirst({ where: (p, { eq }) => eq(p.name, name) }))!.id

  beforeAll(async () => {
    world = new World(await testDatabase(), clock, { points: { dailyCap: 12 } })
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '张阿姨', '李大爷', '李四'])
    world.group(G5, ['王主任', '陈先生', '李四'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '绑定 5号楼', { room: G5 })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('staff appoint a grid member in a group where he is; he is told privately what to say', async () => {
    await world.say('张阿姨', '网格员 3号楼', { room: G3, mentions: ['李四'] })
    expect(world.lastSaid(G3)).toBe('@张阿姨 只有居委工作人员可以设网格员。')
    await world.say('王主任', '网格员 3号楼', { room: G3, mentions: ['李四'] })
    expect(world.lastSaid(G3)).toBe('@王主任 已设 李四 为3号楼的网格员：这些楼的报事会私聊发给对方。')
    expect(world.lastSaid('李四')).toContain('您已被设为3号楼的网格员。这些楼的随手拍报事会私聊发给您：回复「接单 R12」接单')
    await world.say('王主任', '网格员', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 网格员：\n· 3号楼：李四\n没有网格员的楼：5号楼（报事发到工作群）。')
    // 帮助 lists a grid member's commands to him, and to nobody else but staff
    await world.say('李四', '帮助')
    expect(world.lastSaid('李四')).toContain('网格员：接单 R12、处理 R12 已清理、转建议 R12、不处理 R12 原因、报事列表')
    await world.say('张阿姨', '帮助')
    expect(world.lastSaid('张阿姨')).not.toContain('接单')
    await world.say('张阿姨', '报事列表')
    expect(world.lastSaid('张阿姨')).toBe('只有网格员或居委工作人员可以看报事列表。')
  })

  it('a volunteer signs up and chooses how the 积分榜 names them', async () => {
    await world.say('张阿姨', '报名找茬志愿者', { room: G3 })
    expect(world.lastSaid(G3)).toContain('欢迎加入找茬志愿者！随手拍报事被处理或转为建议，每件得 5 积分')
    await world.say('张阿姨', '张阿姨123', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toBe('@张阿姨 称呼里请不要写数字（群里不显示门牌），或回复「不上榜」。')
    await world.say('张阿姨', '张阿姨', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('好的，积分榜上会写「张阿姨」。')
    await world.say('李大爷', '报名找茬志愿者', { room: G3 })
    await world.say('李大爷', '不上榜', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('好的，积分榜上不写您的名字，积分照常记。')
  })

  it('a report goes privately to the grid member, the photo after it', async () => {
    await world.say('张阿姨', '随手拍 3号楼垃圾桶满了', { room: G3 })
    expect(world.lastSaid(G3)).toBe('@张阿姨 已记录 R1（垃圾 · 3号楼），已转给网格员李四。有照片可以在 5 分钟内接着发。处理好会告诉您；说「我的报事」可查看。')
    await world.say('张阿姨', '', { room: G3, image: true, mention: false })
    expect(world.lastSaid(G3)).toBe('@张阿姨 照片收到了，已转给网格员。还有就接着发。')
    const toGrid = world.said('李四')
    expect(toGrid.at(-2)).toBe(
      '【报事 R1】3号楼 · 垃圾\n「3号楼垃圾桶满了」\n报事人：张阿姨（3号楼群）\n' +
        '回复「接单 R1」接单；办好后「处理 R1 已清理」（可接着发照片）；需统一改造「转建议 R1」；不归这里管「不处理 R1 原因」。',
    )
    expect(toGrid.at(-1)).toBe('[图片]')
    // the group hears nothing of the routing
    expect(world.said(G3).some((t) => t.includes('【报事 R1】'))).toBe(false)
    const [r1] = await world.app.db.select().from(reports).where(eq(reports.id, 1))
    expect(r1!.fileIds).toHaveLength(1)
  })

  it('a near-duplicate in the same place is offered and counts as a +1', async () => {
    await world.say('李大爷', '找茬 3号楼的垃圾桶又满了', { room: G3 })
    expect(world.lastSaid(G3)).toBe('@李大爷 这和 R1「3号楼垃圾桶满了」是同一件事吗？回复「是」或「不是」。')
    await world.say('李大爷', '是', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toBe('@李大爷 好的，已记在 R1 上（+1），您的话也留下了。处理好会一起告诉您。')
    expect(await world.app.db.select().from(reports)).toHaveLength(1)
  })

  it('asks only what is missing: where, offering the group’s building', async () => {
    await world.say('李大爷', '报事 楼道灯不亮了', { room: G3 })
    expect(world.lastSaid(G3)).toBe('@李大爷 是3号楼楼道吗？是就回复「是」，不是请说在哪里，例如「5号楼楼道」。')
    await world.say('李大爷', '是', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toMatch(/^@李大爷 已记录 R2（照明 · 3号楼楼道），已转给网格员李四。/)
  })

  it('a photo sent privately with no command starts a report with it', async () => {
    await world.say('刘奶奶', '', { image: true })
    expect(world.lastSaid('刘奶奶')).toBe('收到照片（共 1 张）。请说说是什么问题，例如「3号楼垃圾桶满了」（也可以先发照片）。')
    await world.say('刘奶奶', '取消')
  })

  it('a photo first, then a few words: 随手拍 alone asks what, the photo is kept', async () => {
    await world.say('李大爷', '随手拍')
    expect(world.lastSaid('李大爷')).toBe('请说说是什么问题，例如「3号楼垃圾桶满了」（也可以先发照片）。')
    await world.say('李大爷', '', { image: true })
    expect(world.lastSaid('李大爷')).toBe('收到照片（共 1 张）。请说说是什么问题，例如「3号楼垃圾桶满了」（也可以先发照片）。')
    // a phone set to Traditional: read in Simplified, kept and passed on as he wrote it
    await world.say('李大爷', '3號樓後面的長椅壞了')
    expect(world.lastSaid('李大爷')).toMatch(/^已记录 R3（.+ · 3号楼后面），已转给网格员李四。处理好会告诉您/)
    const routed = world.said('李四')
    expect(routed.at(-2)).toContain('長椅壞了')
    expect(routed.at(-2)).toContain('报事人：李大爷（私聊），照片 1 张在后面')
    expect(routed.at(-1)).toBe('[图片]')
    // not needed for the rest of the story
    await world.say('李四', '不处理 R3 测试')
  })

  it('only the grid member of the building, or staff, acts on a report', async () => {
    await world.say('张阿姨', '处理 R1 已清理')
    expect(world.lastSaid('张阿姨')).toBe('只有网格员或居委工作人员可以处理报事。')
    await world.say('李四', '接单 R1', { room: G3 })
    expect(world.lastSaid(G3)).toBe('@李四 请在居委工作群或私聊里接单。')
  })

  it('接单 tells the reporter and the +1 in their group, both @-mentioned for real', async () => {
    await world.say('李四', '接单 R1')
    expect(world.lastSaid('李四')).toBe('已接单 R1。办好后说「处理 R1 已清理」（可接着发照片）。')
    const told = world.transcript.filter((s) => s.where === G3 && s.text.includes('已由网格员李四接单'))
    expect(told).toHaveLength(1)
    expect(told[0]!.mentions).toEqual(['张阿姨', '李大爷'])
    await world.say('王主任', '接单 R1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 R1 已由李四接单。')
  })

  it('处理 with a photo back: the reporter @-mentioned with the photo, and a volunteer earns points', async () => {
    clock.advance(2 * HOUR)
    await world.say('李四', '处理 R1 已清理')
    expect(world.lastSaid('李四')).toBe('已处理 R1，已告诉报事人（2 位）。张阿姨 得 5 积分。有现场照片就在 5 分钟内接着发（可多张），发完说「好了」。')
    await world.say('李四', '', { image: true })
    expect(world.lastSaid('李四')).toBe('照片已转给报事人。还有就接着发，发完说「好了」。')
    await world.say('李四', '好了')
    expect(world.lastSaid('李四')).toBe('好的，照片已转过去了。')
    const g3 = world.said(G3)
    const at = g3.findIndex((t) => t.includes('【报事已处理】R1'))
    expect(g3[at]).toMatch(/^@张阿姨\s@李大爷\s/)
    expect(g3[at]!.endsWith('【报事已处理】R1「3号楼垃圾桶满了」：已清理（网格员李四）。谢谢您的随手拍！报事人得 5 积分。')).toBe(true)
    expect(world.saidTo(G3, '张阿姨').filter((t) => t.includes('【报事已处理】R1'))).toHaveLength(1)
    // 我的信息 names roles in words and what she has put in
    await world.say('张阿姨', '我的信息')
    expect(world.lastSaid('张阿姨')).toContain('· 身份：找茬志愿者')
    expect(world.lastSaid('张阿姨')).toContain('· 您提过：报事 1 件（「我的报事」）、积分 5 分（「积分」）')
    await world.say('李四', '我的信息')
    expect(world.lastSaid('李四')).toContain('· 身份：3号楼网格员')
    expect(g3[at + 1]).toBe('[图片]')
    await world.say('李四', '处理 R1 又清了一次')
    expect(world.lastSaid('李四')).toBe('R1 已经处理好了。')
    await world.say('张阿姨', '积分')
    expect(world.lastSaid('张阿姨')).toMatch(/^您的积分：5 分（本月得 5 分）。\n最近记录：\n· 11月23日 \+5 报事 R1/)
    await world.say('张阿姨', '我的报事', { room: G3 })
    expect(world.lastSaid(G3)).toBe('@张阿姨 您的报事：\n· R1「3号楼垃圾桶满了」 — 已处理（11月23日）：已清理')
  })

  it('a building without a grid member: the staff group gets it, door numbers masked', async () => {
    await world.say('陈先生', '随手拍 5号楼502门口堆了很多杂物', { room: G5 })
    expect(world.lastSaid(G5)).toBe('@陈先生 已记录 R4（安全 · 5号楼门口），已转给居委。有照片可以在 5 分钟内接着发。处理好会告诉您；说「我的报事」可查看。')
    const routed = world.said(STAFF).find((t) => t.startsWith('【报事 R4】'))!
    expect(routed).toContain('【报事 R4】5号楼 · 安全（本楼还没有网格员）\n「5号楼***门口堆了很多杂物」')
    expect(routed).not.toContain('502')
    // the grid member of building 3 may not act on building 5's report
    await world.say('李四', '处理 R4 已清理')
    expect(world.lastSaid('李四')).toBe('R4 不在您负责的楼栋（您负责3号楼），请交给居委。')
  })

  it('转建议 makes a suggestion of the campaign with the reporter as its submitter', async () => {
    await world.say('王主任', '新建活动 2026年冬季微更新', { room: STAFF })
    await world.say('王主任', '转建议 R4', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 已把 R4 转为建议 J1（提建议人：陈先生），会进入本期微更新的汇总。')
    const [j1] = await world.app.db.select().from(suggestions)
    expect(j1!.personId).toBe(await personId('陈先生'))
    expect(j1!.campaignId).not.toBeNull()
    expect(world.saidTo(G5, '陈先生').at(-1)).toContain('【报事转为建议】R4「5号楼***门口堆了很多杂物」需要统一改造，已转为本期微更新建议 J1')
    await world.say('陈先生', '我的建议')
    expect(world.lastSaid('陈先生')).toContain('J1')
    // 陈先生 is no volunteer: no points
    expect(await world.app.db.select().from(pointsLedger).where(eq(pointsLedger.reportId, 4))).toEqual([])
  })

  it('不处理 closes it and tells the reason; no points for it', async () => {
    await world.say('张阿姨', '随手拍 3号楼电梯里有人贴小广告', { room: G3 })
    await world.say('李四', '不处理 R5')
    expect(world.lastSaid('李四')).toBe('请写不处理的原因，例如「不处理 R5 属于物业维修，已转告物业」。')
    await world.say('李四', '不处理 R5 电梯归物业管，已转告物业')
    expect(world.lastSaid('李四')).toBe('已关闭 R5，原因已告诉报事人。')
    expect(world.saidTo(G3, '张阿姨').at(-1)).toBe('@张阿姨 【报事】R5「3号楼电梯里有人贴小广告」这次不处理：电梯归物业管，已转告物业。有疑问可以联系居委。')
    expect((await world.app.db.select().from(pointsLedger)).map((e) => e.reportId)).toEqual([1])
  })

  it('a report not taken in time, and not handled in time, is escalated to the staff group once each', async () => {
    await world.say('李大爷', '随手拍 3号楼车棚顶漏雨', { room: G3 }) // R6
    const before = world.said(STAFF).length
    clock.advance(25 * HOUR)
    await world.flush()
    await world.flush()
    const first = world.said(STAFF).slice(before).filter((t) => t.startsWith('【报事超时提醒】'))
    // R2 (from the morning) and R6 both went untaken for 24 hours
    expect(first).toEqual([
      '【报事超时提醒】\n超过 24 小时没人接单：\n· R2 3号楼 照明「楼道灯不亮了」（网格员：李四）\n· R6 3号楼 停车「3号楼车棚顶漏雨」（网格员：李四）\n请跟进，说「报事列表」可查看。',
    ])
    clock.advance(HOUR)
    await world.flush()
    expect(world.said(STAFF).slice(before).filter((t) => t.startsWith('【报事超时提醒】'))).toHaveLength(1)
    await world.say('李四', '接单 R6')
    clock.advance(48 * HOUR)
    await world.flush()
    await world.flush()
    const all = world.said(STAFF).slice(before).filter((t) => t.startsWith('【报事超时提醒】'))
    expect(all).toHaveLength(2)
    expect(all[1]).toContain('超过 72 小时还没办结：\n· R2')
    expect(all[1]).toContain('· R6')
    expect(all[1]).not.toContain('没人接单')
  })

  it('报事列表: the grid member sees his buildings, staff see all, by building and age', async () => {
    await world.say('李四', '报事列表')
    expect(world.lastSaid('李四')).toBe('待处理报事 2 件（等得最久的在前）：\n3号楼（2）：\n· R2 照明「楼道灯不亮了」 3天 待接单\n· R6 停车「3号楼车棚顶漏雨」 3天 李四处理中')
    await world.say('张阿姨', '报事列表')
    expect(world.lastSaid('张阿姨')).toBe('只有网格员或居委工作人员可以看报事列表。')
  })

  it('points: volunteer work within the daily cap; 冲正 instead of edits; the ledger refuses edits', async () => {
    await world.say('王主任', '记分 10 清理楼道', { room: G3, mentions: ['张阿姨'] })
    expect(world.lastSaid(G3)).toBe('@王主任 请在居委工作群或私聊里记分。')
    await world.say('王主任', '记分 张阿姨 10 清理楼道', { room: STAFF })
    expect(world.lastSaid(STAFF)).toMatch(/^@王主任 已记分 #\d+：张阿姨 \+10（清理楼道），现有 15 分。$/)
    await world.say('王主任', '记分 张阿姨 10 清理楼道')
    // the cap is 12 a day: 2 more today
    expect(world.lastSaid('王主任')).toMatch(/^已记分 #(\d+)：张阿姨 \+2（今天已到每日上限 12 分，少记了 8 分），现有 17 分。$/)
    const entryId = Number(/#(\d+)/.exec(world.lastSaid('王主任'))![1])
    await world.say('王主任', '记分 张阿姨 5 帮忙', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 张阿姨 今天已得满 12 分（每日上限），这次没有记分。')
    await world.say('王主任', '记分 陈先生 5 帮忙', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 没有叫「陈先生」的找茬志愿者。请对方先说「报名找茬志愿者」。')
    await world.say('王主任', '记分 张阿姨 -5 记错了', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 积分只加不改：记错了请说「记分 冲正 编号 原因」冲正那一笔。')
    await world.say('王主任', '积分 张阿姨', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain(`· #${entryId} 11月26日 +2 清理楼道`)

    const [original] = await world.app.db.select().from(pointsLedger).where(eq(pointsLedger.id, entryId))
    await expect(world.app.db.update(pointsLedger).set({ points: 100 }).where(eq(pointsLedger.id, entryId))).rejects.toThrow()
    await expect(world.app.db.delete(pointsLedger).where(eq(pointsLedger.id, entryId))).rejects.toThrow()
    await world.say('王主任', `记分 冲正 ${entryId} 记重了`, { room: STAFF })
    expect(world.lastSaid(STAFF)).toMatch(new RegExp(`^@王主任 已冲正第 ${entryId} 笔（#\\d+）：张阿姨 -2，现有 15 分。$`))
    await world.say('王主任', `记分 冲正 ${entryId} 再来`, { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe(`@王主任 第 ${entryId} 笔已经冲正过了。`)
    const [after] = await world.app.db.select().from(pointsLedger).where(eq(pointsLedger.id, entryId))
    expect(after).toEqual(original)
  })

  it('the catalogue, 兑换 and 核销: stock and balance never below 0', async () => {
    await world.say('张阿姨', '积分商品 洗衣液 10分 库存1', { room: G3 })
    expect(world.lastSaid(G3)).toBe('@张阿姨 只有居委工作人员可以登记积分商品。想兑换请说「兑换 洗衣液」。')
    await world.say('王主任', '积分商品 洗衣液 10分 库存1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 已上架：洗衣液 10分，库存 1。')
    await world.say('王主任', '积分商品 毛巾 30分 库存5', { room: STAFF })
    await world.say('张阿姨', '积分商品')
    expect(world.lastSaid('张阿姨')).toBe('积分商品：\n· 洗衣液 10分（库存 1）\n· 毛巾 30分（库存 5）\n兑换请说「兑换 商品名」；您现有 15 分。')
    await world.say('张阿姨', '兑换 毛巾')
    expect(world.lastSaid('张阿姨')).toBe('毛巾 要 30 分，您现有 15 分，还不够。')
    await world.say('张阿姨', '兑换 洗衣液')
    expect(world.lastSaid('张阿姨')).toBe('已兑换 洗衣液（D1），扣 10 分，还剩 5 分。请到居委会领取，报编号「D1」即可。')
    expect(world.lastSaid(STAFF)).toBe('【积分兑换】张阿姨 兑换了 洗衣液（D1），待领取。交给本人后说「核销 D1」。')
    await world.say('李大爷', '兑换 洗衣液')
    expect(world.lastSaid('李大爷')).toBe('洗衣液 已经兑完了，请等居委补货。')
    await world.say('王主任', '核销 D1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 已核销：张阿姨 领取了 洗衣液（D1）。')
    await world.say('王主任', '核销 D1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 D1 已经核销过了。')
    await world.say('张阿姨', '积分')
    expect(world.lastSaid('张阿姨')).toContain('您的积分：5 分')
  })

  it('the monthly 积分榜 in each building group names only those who agreed', async () => {
    // 李大爷 (not named) earns points too
    await world.say('李四', '处理 R6 修好了')
    clock.set('2026-12-01T10:00:00+08:00')
    await world.flush()
    const board = world.said(G3).filter((t) => t.startsWith('【3号楼 11月找茬志愿者积分榜】'))
    expect(board).toEqual(['【3号楼 11月找茬志愿者积分榜】\n1. 张阿姨 15分\n另有 1 位志愿者不具名，同样感谢！\n谢谢大家随手拍、及时报！想加入请 @我 说「报名找茬志愿者」。'])
    expect(board[0]).not.toContain('李大爷')
    expect(world.said(G5).some((t) => t.includes('积分榜'))).toBe(false)
    await world.flush()
    expect(world.said(G3).filter((t) => t.includes('积分榜】'))).toHaveLength(1)
  })
})
