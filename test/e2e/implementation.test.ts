import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { desc } from 'drizzle-orm'
import { assignments, files, outbox, progressUpdates, projects } from '../../src/db/schema.js'
import { isCoordinationWeek, sendCoordinationSummary, sendProgressDigest } from '../../src/features/implementation/index.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '3号楼群'
const G5 = '5号楼群'

/**
 * From a suggestion to an accepted project: J → P → round → 派单 → 进度 → 完成 → 评价, with the
 * people who asked @-mentioned in their building group at every step.
 */
describe('from plan to finished work', () => {
  let world: World
  const clock = new FakeClock('2026-11-23T09:00:00+08:00')
  const suggest = async (who: string, room: string, text: string) => {
    await world.say(who, `建议 ${text}`, { room })
    await world.say(who, '跳过', { room, mention: false })
    await world.say(who, '提交', { room, mention: false })
    if (world.lastSaid(room).includes('是同一件事吗')) await world.say(who, '不是', { room, mention: false })
  }
  const mentionedIn = (room: string, name: string, start: string) => world.saidTo(room, name).filter((t) => t.includes(start))

  beforeAll(async () => {
    world = new World(await testDatabase(), clock)
    world.group(STAFF, ['王主任', '李工', '赵科长'])
    world.group(G3, ['王主任', '张阿姨', '李大爷', '刘奶奶'])
    world.group(G5, ['王主任', '陈先生', '王阿姨'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '绑定 5号楼', { room: G5 })
    for (const [who, room, unit] of [
      ['张阿姨', G3, '3号楼 101'],
      ['李大爷', G3, '3号楼 201'],
      ['刘奶奶', G3, '3号楼 301'],
      ['陈先生', G5, '5号楼 101'],
      ['王阿姨', G5, '5号楼 201'],
    ] as const) {
      await world.say(who, `登记 ${unit}`, { room })
    }
    await world.say('王主任', '确认', { room: G3, mentions: ['张阿姨', '李大爷', '刘奶奶'] })
    await world.say('王主任', '确认', { room: G5, mentions: ['陈先生', '王阿姨'] })
    await suggest('张阿姨', G3, '3号楼门口路灯坏了，晚上很黑') // J1
    // 王阿姨 lives in 5, in the 5 group only, and asks about building 3's door
    await suggest('王阿姨', G5, '3号楼门口的地面坑坑洼洼') // J2
    await suggest('陈先生', G5, '5号楼车棚太挤了') // J3
    await world.say('王主任', '合并 J1 J2 为 3号楼门口改造', { room: STAFF }) // P1
    await world.say('王主任', '合并 J3 为 5号楼车棚扩建', { room: STAFF }) // P2
    await world.say('王主任', '开启投票 P1 P2 每户1票 截止 明天20:00', { room: STAFF })
    for (const who of ['张阿姨', '李大爷', '刘奶奶']) await world.say(who, '投票 1')
    await world.say('陈先生', '投票 2')
    clock.set('2026-11-24T20:00:00+08:00')
    await world.flush()
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('ranked the projects by the residents’ round', async () => {
    await world.say('张阿姨', '进度 J1', { room: G3 })
    expect(world.lastSaid(G3)).toContain('J1「3号楼门口路灯坏了，晚上很黑」 → 已并入 P1「3号楼门口改造」')
    expect(world.lastSaid(G3)).toContain('T1 排第1')
    expect(world.lastSaid(G3)).toContain('等待派单')
  })

  it('registers resources and liaisons; only staff and liaisons may', async () => {
    await world.say('张阿姨', '资源 绿化所 绿化改造 预算5万', { room: G3 })
    expect(world.lastSaid(G3)).toContain('请在居委工作群或私聊里登记资源')
    await world.say('王主任', '资源 绿化所 绿化改造 预算5万', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已登记：绿化所 提供「绿化改造」，预算5万元。派单请说「派单 P3 绿化所 预计12月底」。')
    await world.say('王主任', '资源 市政所 道路修补 预算3万', { room: STAFF })
    await world.say('王主任', '联络员 绿化所', { room: STAFF, mentions: ['李工'] })
    expect(world.lastSaid(STAFF)).toContain('已设 李工 为绿化所联络员')
    await world.say('王主任', '联络员 市政所', { room: STAFF, mentions: ['赵科长'] })
    // a liaison is not staff
    await world.say('李工', '合并 J3 为 试试', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('只有居委工作人员可以')
    await world.say('李工', '帮助', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('单位联络员：资源 绿化所 绿化改造 预算5万、完成 P3、商议 P3 绿化所：可以做，预算3万、进度 P3 60% 说明')
  })

  it('assigns a project: the groups hear who does it, the askers @-mentioned in their own group', async () => {
    await world.say('李工', '派单 P1 绿化所 预计12月底', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('只有居委工作人员可以派单')
    await world.say('王主任', '派单 P1 花鸟所 预计12月底', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('没有单位「花鸟所」。已登记：绿化所、市政所')
    await world.say('王主任', '派单 P1 绿化所 预计12月底 费用2万', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已派单：P1「3号楼门口改造」→ 绿化所，预计12月31日完成，费用2万元。已通知 2 个楼栋群，@了 2 位提建议的居民。')
    // 张阿姨 in the 3 group; 王阿姨, who is not in it, in her own 5 group
    expect(mentionedIn(G3, '张阿姨', '【派单】P1「3号楼门口改造」由绿化所承办')).toHaveLength(1)
    expect(mentionedIn(G5, '王阿姨', '【派单】P1')).toHaveLength(1)
    // (replies to 李大爷's own messages @-mention him for real too: only the project news counts here)
    expect(world.saidTo(G3, '李大爷').filter((t) => t.includes('P1'))).toEqual([])
    const post = world.transcript.find((s) => s.where === G3 && s.text.includes('【派单】P1'))!
    expect(post.text.startsWith('@张阿姨')).toBe(true)
  })

  it('warns past the budget and out of priority order', async () => {
    await world.say('王主任', '派单 P2 绿化所 预计12月20日 费用4万', { room: STAFF })
    const reply = world.lastSaid(STAFF)
    expect(reply).toContain('⚠️ 绿化所已派费用 6万元，超出它提供的预算 5万元。')
    expect(reply).not.toContain('排名更靠前')
  })

  it('flags works on the same place in overlapping windows, naming both', async () => {
    await suggest('李大爷', G3, '3号楼门口的下水道堵了') // J4
    await world.say('王主任', '合并 J4 为 3号楼下水道疏通', { room: STAFF }) // P3
    await world.say('王主任', '派单 P3 市政所 预计12月15日 开工12月1日', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('⚠️ 与 P1 同地同期施工，已告知工作群')
    const flag = world.said(STAFF).find((t) => t.includes('施工冲突'))!
    expect(flag).toContain('P3')
    expect(flag).toContain('P1')
    expect(flag).toContain('3号楼')
    // P2 is at building 5: no flag for it
    expect(world.said(STAFF).filter((t) => t.includes('施工冲突'))).toHaveLength(1)
    // the same building after P1 and P3 are due: no flag either
    await suggest('刘奶奶', G3, '3号楼门口垃圾桶不够用') // J5
    await world.say('王主任', '合并 J5 为 3号楼垃圾桶', { room: STAFF }) // P4
    await world.say('王主任', '派单 P4 市政所 预计2027年2月底 开工2027年1月5日', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已派单：P4「3号楼垃圾桶」→ 市政所')
    expect(world.lastSaid(STAFF)).not.toContain('同地同期')
    expect(world.said(STAFF).filter((t) => t.includes('施工冲突'))).toHaveLength(1)
  })

  it('posts progress to the groups, the askers @-mentioned once per update, with photos', async () => {
    clock.set('2026-12-02T10:00:00+08:00')
    await world.say('赵科长', '进度 P1 30% 开始施工', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('P1 不是派给您单位的')
    await world.say('李工', '进度 P1 30% 路灯杆已运到', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已发到 2 个楼栋群，@了 2 位提建议的居民。有现场照片就在 5 分钟内接着发')
    await world.say('李工', '', { room: STAFF, image: true, mention: false })
    await world.say('李工', '', { room: STAFF, image: true, mention: false })
    await world.say('李工', '好了', { room: STAFF, mention: false })
    expect(world.lastSaid(STAFF)).toContain('2 张照片都已发到群里')
    const g3 = world.said(G3)
    const at = g3.findIndex((t) => t.includes('【进度】P1「3号楼门口改造」30%：路灯杆已运到（绿化所）'))
    expect(at).toBeGreaterThanOrEqual(0)
    expect(g3.slice(at + 1, at + 3)).toEqual(['[图片]', '[图片]'])
    expect(mentionedIn(G3, '张阿姨', '【进度】P1')).toHaveLength(1)
    expect(mentionedIn(G5, '王阿姨', '【进度】P1')).toHaveLength(1)

    // staff update in the staff group or in private, not in a building group
    await world.say('王主任', '进度 P1 50% 测试', { room: G3 })
    expect(world.lastSaid(G3)).toContain('请在居委工作群或私聊里更新进度')
    await world.say('王主任', '进度 P1 60% 管线已铺设', { room: STAFF })
    expect(mentionedIn(G3, '张阿姨', '【进度】P1')).toHaveLength(2)
    const [update] = await world.app.db.select().from(progressUpdates).limit(1)
    expect(update!.fileIds).toHaveLength(2)
  })

  it('answers 进度 for everyone: the list with %, the path of a suggestion', async () => {
    await world.say('刘奶奶', '进度', { room: G3 })
    expect(world.lastSaid(G3)).toContain('P1「3号楼门口改造」实施中 60% 绿化所')
    await world.say('张阿姨', '进度 J1')
    expect(world.lastSaid('张阿姨')).toMatch(/J1「.*」 → 已并入 P1「3号楼门口改造」.* → T1 排第1 → 绿化所承办\n现在：绿化所承办，预计12月31日完成，进度 60%：管线已铺设/)
    // a resident's words after a code are a question, not an update
    await world.say('张阿姨', '进度 P1 60% 对吗', { room: G3 })
    expect(world.lastSaid(G3)).toContain('P1「3号楼门口改造」')
    expect(await world.app.db.select().from(progressUpdates)).toHaveLength(2)
  })

  it('completes: an acceptance round in the project’s groups; households rate 1–5', async () => {
    await world.say('李工', '完成 P1', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('P1 已进入验收（T2），12月9日 10:00 截止')
    expect(mentionedIn(G3, '张阿姨', '【完工请验收】P1')).toHaveLength(1)
    expect(world.said(G3).find((t) => t.includes('【完工请验收】'))).toContain('评价 P1 5 很满意')

    await world.say('张阿姨', '评价 P1 5 很满意', { room: G3 })
    expect(world.lastSaid(G3)).toContain('已记下您家对 P1 的评价：5 分，「很满意」')
    await world.say('李大爷', '评价 五星')
    expect(world.lastSaid('李大爷')).toContain('对 P1 的评价：5 分')
    await world.say('刘奶奶', '评价 P1 2 地面还是不平', { room: G3 })
    await world.say('刘奶奶', '評價 P1 3 地面還有點不平', { room: G3 }) // replaces; Traditional, kept as written
    await world.say('陈先生', '评价 P1 9')
    expect(world.lastSaid('陈先生')).toContain('请打 1 到 5 分')
    await world.say('陈先生', '评价 P1 4')
    await world.say('路人甲', '评价 P1 1')
    expect(world.lastSaid('路人甲')).toContain('评价要先登记门牌')
  })

  it('closes after the period: accepted, published to the groups with the askers mentioned', async () => {
    clock.set('2026-12-09T10:00:00+08:00')
    await world.flush()
    const result = world.said(G3).find((t) => t.includes('【验收结果 T2】'))!
    // 5 + 5 + 3 + 4 = 17 / 4 = 4.25
    expect(result).toContain('P1「3号楼门口改造」：4 户评价，平均 4.3 分（通过线 3.5）——通过，已结单。')
    expect(result).toContain('5分 2户、4分 1户、3分 1户')
    expect(result).toContain('「地面還有點不平」')
    expect(mentionedIn(G3, '张阿姨', '【验收结果 T2】')).toHaveLength(1)
    expect(world.said(STAFF).some((t) => t.includes('【验收结果 T2】'))).toBe(true)
    const [p1] = (await world.app.db.select().from(projects)).filter((p) => p.id === 1)
    expect(p1!.stage).toBe('accepted')
    const done = (await world.app.db.select().from(assignments)).find((a) => a.projectId === 1)!
    expect(done.status).toBe('done')
    await world.say('张阿姨', '进度 P1', { room: G3 })
    expect(world.lastSaid(G3)).toContain('已结单，满意度 4.3 分（4 户评价）')
  })

  it('sends a project below the threshold back to rework and tells the staff', async () => {
    await world.say('王主任', '完成 P2 截止 12月10日20:00', { room: STAFF })
    await world.say('陈先生', '评价 P2 1 车棚还是挤', { room: G5 })
    await world.say('王阿姨', '评价 P2 2', { room: G5 })
    // the turnout reminder: the project's building only, once
    clock.set('2026-12-10T09:00:00+08:00')
    await world.flush()
    await world.flush()
    expect(world.said(G5).filter((t) => t.startsWith('提醒：P2 完工评价（T3）'))).toEqual([
      '提醒：P2 完工评价（T3）将于 12月10日 20:00 截止。5号楼已有 2/2 户评价。还没评价的请 @我 说「评价 P2 5 很满意」（1–5分）。',
    ])
    expect(world.said(G3).some((t) => t.includes('P2 完工评价'))).toBe(false)
    clock.set('2026-12-10T20:00:00+08:00')
    await world.flush()
    expect(world.said(G5).find((t) => t.includes('【验收结果 T3】'))).toContain('未通过，退回整改')
    const told = world.said(STAFF).find((t) => t.includes('P2 验收未通过'))!
    expect(told).toContain('平均 1.5 分，低于 3.5')
    expect(told).toContain('「车棚还是挤」')
    const [p2] = (await world.app.db.select().from(projects)).filter((p) => p.id === 2)
    expect(p2!.stage).toBe('rework')
  })

  it('weekly digest: only changed projects, once per slot even when run twice', async () => {
    clock.set('2026-12-14T09:00:00+08:00')
    const slot = new Date('2026-12-14T09:00:00+08:00')
    await world.app.db.transaction((tx) => sendProgressDigest(tx, { now: clock.now(), slot, timeZone: 'Asia/Shanghai' }))
    await world.app.db.transaction((tx) => sendProgressDigest(tx, { now: clock.now(), slot, timeZone: 'Asia/Shanghai' }))
    const rows = (await world.app.db.select().from(outbox).orderBy(outbox.id)).filter((r) => r.idempotencyKey.startsWith('progress-digest:'))
    // one message per building group, not two
    expect(rows).toHaveLength(2)
    expect(new Set(rows.map((r) => r.roomId)).size).toBe(2)
    expect(rows.every((r) => r.idempotencyKey.startsWith(`progress-digest:${slot.toISOString()}`))).toBe(true)
    // P2 changed this week (rework); P1 was accepted on the 9th, also within the week; P3 not
    expect(rows[0]!.body).toContain('P2「5号楼车棚扩建」验收未通过，整改中')
    expect(rows[0]!.body).not.toContain('P3')
    // and through the scheduler: the slot claimed once
    await world.flush()
    expect(world.said(G3).filter((t) => t.startsWith('【本周项目进展】'))).toHaveLength(1)
  })

  it('every other Monday, the staff group gets the coordination summary', async () => {
    const mondays = ['2026-12-21T09:30:00+08:00', '2026-12-28T09:30:00+08:00'].map((s) => new Date(s))
    const slot = mondays.find(isCoordinationWeek)!
    const other = mondays.find((d) => !isCoordinationWeek(d))!
    clock.set(slot.toISOString())
    expect(await world.app.db.transaction((tx) => sendCoordinationSummary(tx, { now: clock.now(), slot: other, timeZone: 'Asia/Shanghai' }))).toEqual({ posted: 0, skipped: 'odd week' })
    await world.app.db.transaction((tx) => sendCoordinationSummary(tx, { now: clock.now(), slot, timeZone: 'Asia/Shanghai' }))
    await world.flush()
    const summary = world.said(STAFF).filter((t) => t.startsWith('【协调汇总】'))
    expect(summary).toHaveLength(1)
    // P3 was due on 12-15, P2 (in rework) on 12-20; P4 is due in February
    expect(summary[0]).toMatch(/逾期 2 项：P3（市政所，应12月15日完成，0%）；P2（绿化所，应12月20日完成，整改中）/)
    expect(summary[0]).toContain('项目都已派单。')
    expect(summary[0]).toContain('· 绿化所（联络员 李工）：绿化改造，预算5万元，已派 2 项 6万元 ⚠️超出')
  })

  it('exports everything to staff as an .xlsx that opens, with the numbers of the database', async () => {
    await world.say('张阿姨', '导出', { room: G3 })
    expect(world.lastSaid(G3)).toContain('请在居委工作群或私聊里导出')
    await world.say('王主任', '导出', { room: STAFF })
    const said = world.said(STAFF)
    expect(said.at(-2)).toContain('已导出：建议 5 条，项目 4 个')
    expect(said.at(-1)).toMatch(/^\[文件\] 共建-导出-202612\d\d\.xlsx$/)
    const [file] = await world.app.db.select().from(files).orderBy(desc(files.id)).limit(1)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file!.base64, 'base64') as unknown as ArrayBuffer)
    const rowsOf = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).slice(1)
    expect(rowsOf('进度')).toHaveLength((await world.app.db.select().from(progressUpdates)).length)
    const acceptance = rowsOf('验收')
    expect(acceptance).toHaveLength(2)
    expect(acceptance.map((r) => r[6])).toEqual([4.25, 1.5])
    const participation = rowsOf('参与情况')
    const total = participation.find((r) => r[1] === '合计')!
    // 5 households registered and confirmed, all 5 suggested, 4 voted in T1, all 5 rated
    expect(total.slice(2, 7)).toEqual([5, 5, 5, 4, 5])
  })

  it('lists partners with their liaisons; a liaison can be revoked and is staff again', async () => {
    await world.say('王主任', '资源', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('· 绿化所（联络员 李工）：绿化改造，预算5万元，已派 2 项 6万元 ⚠️超出')
    await world.say('李工', '撤销联络员', { room: STAFF, mentions: ['赵科长'] })
    expect(world.lastSaid(STAFF)).toContain('只有居委工作人员可以撤销联络员')
    await world.say('王主任', '撤销联络员', { room: STAFF, mentions: ['赵科长'] })
    expect(world.lastSaid(STAFF)).toContain('赵科长 不再是联络员了')
    await world.say('赵科长', '帮助', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('居委：')
    await world.say('王主任', '联络员 @李工 取消', { room: STAFF, mentions: ['李工'] })
    expect(world.lastSaid(STAFF)).toContain('李工 不再是联络员了')
  })
})
