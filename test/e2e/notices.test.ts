import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox } from '../../src/db/schema.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '幸福里3号楼'
const G5 = '幸福里5号楼'
const G7 = '幸福里7号楼'
const ALL = [G3, G5, G7]

/** the text of a notice as the groups got it: parts in order, "(i/n) " stripped */
function reassemble(messages: string[]): string {
  return messages.map((m) => m.replace(/^\(\d+\/\d+\) /, '')).join('')
}

describe('open letters and notices', () => {
  let world: World
  const said = (g: string) => world.said(g).filter((t) => !t.startsWith('@'))

  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group(STAFF, ['王主任', '李干事'])
    world.group(G3, ['王主任', '张三', '赵阿姨'])
    world.group(G5, ['王主任', '李四', '孙大爷'])
    world.group(G7, ['王主任', '周五'])
    await world.start()
    for (const [g, n] of [[G3, 3], [G5, 5], [G7, 7]] as const) await world.say('王主任', `绑定 ${n}号楼`, { room: g })
    await world.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
    await world.say('王主任', '楼组长', { room: G5, mentions: ['李四'] })
    await world.say('王主任', '新建活动 2026年冬季微更新', { room: STAFF })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('starts a campaign', () => {
    expect(world.lastSaid(STAFF)).toContain('已开始新一期活动「2026年冬季微更新」')
  })

  it('politely refuses residents and the wrong room', async () => {
    await world.say('赵阿姨', '发布公开信', { room: G3 })
    expect(world.lastSaid(G3)).toContain('请在居委工作群或私聊里')
    await world.say('赵阿姨', '发布公开信')
    expect(world.lastSaid('赵阿姨')).toContain('只有居委工作人员可以发布公开信')
  })

  it('composes step by step, sends nothing before 确认, then reaches every building once', async () => {
    await world.say('王主任', '发布公开信', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('请发标题')
    await world.say('王主任', '致全体居民的一封信', { room: STAFF, mention: false })
    expect(world.lastSaid(STAFF)).toContain('请发正文')
    await world.say('王主任', '各位邻居：小区微更新开始了，欢迎提建议。', { room: STAFF, mention: false })
    expect(world.lastSaid(STAFF)).toContain('要配一张图吗')
    await world.say('王主任', '', { room: STAFF, mention: false, image: true })
    expect(world.lastSaid(STAFF)).toContain('发给哪些楼')
    await world.say('王主任', '9号楼', { room: STAFF, mention: false })
    expect(world.lastSaid(STAFF)).toContain('9号楼还没有绑定的群')
    await world.say('王主任', '全部', { room: STAFF, mention: false })
    expect(world.lastSaid(STAFF)).toContain('什么时候发')
    await world.say('王主任', '昨天下午', { room: STAFF, mention: false })
    expect(world.lastSaid(STAFF)).toMatch(/已经过去了|没看懂/)
    await world.say('王主任', '立即', { room: STAFF, mention: false })
    const preview = world.lastSaid(STAFF)
    expect(preview).toContain('预览：公开信《致全体居民的一封信》')
    expect(preview).toContain('发往：3 个群（3号楼、5号楼、7号楼）')
    expect(preview).toContain('配图：1 张')
    expect(preview).toContain('【公开信】致全体居民的一封信')
    for (const g of ALL) expect(said(g)).toEqual([])

    await world.say('王主任', '确认', { room: STAFF, mention: false })
    expect(world.lastSaid(STAFF)).toContain('已确认：公开信 G1《致全体居民的一封信》现在开始发送，发往3 个群')
    for (const g of ALL) {
      const got = said(g)
      expect(got).toHaveLength(2)
      expect(got[0]).toContain('【公开信 G1】致全体居民的一封信')
      expect(got[0]).toContain('转发后 @我 回复「已转发」')
      expect(got[1]).toBe('[图片]')
    }
  })

  it('lets the head confirm forwarding; others are thanked, not counted', async () => {
    await world.say('赵阿姨', '已转发', { room: G3 })
    expect(world.lastSaid(G3)).toContain('由楼组长来回复就可以了')
    await world.say('张三', '已转发', { room: G3 })
    expect(world.lastSaid(G3)).toContain('收到！G1《致全体居民的一封信》3号楼已转发')
    await world.say('张三', '已转发 G1', { room: G3 })
    expect(world.lastSaid(G3)).toContain('已经登记过转发了')
    await world.say('李四', '已转发 G9', { room: G5 })
    expect(world.lastSaid(G5)).toContain('没有收到过公告 G9')
    await world.say('王主任', '公告状态 G1', { room: STAFF })
    const status = world.lastSaid(STAFF)
    expect(status).toContain('已转发 1/3 栋')
    expect(status).toContain('✓ 3号楼（张三')
    expect(status).toContain('✗ 未转发：5号楼、7号楼')
  })

  it('reminds an unconfirmed head once, and tells staff about a building without a head', async () => {
    const before5 = world.said(G5).length
    world.clock.advance(23 * 3_600_000)
    await world.flush()
    expect(world.said(G5).length).toBe(before5)
    world.clock.advance(2 * 3_600_000)
    await world.flush()
    const reminders = world.said(G5).slice(before5)
    expect(reminders).toHaveLength(1)
    expect(reminders[0]).toMatch(/^@李四 提醒一下：公开信 G1《致全体居民的一封信》请转发/)
    // a real @: WeChat notifies the head
    expect(world.transcript.filter((m) => m.where === G5 && m.text.includes('提醒一下')).map((m) => m.mentions)).toEqual([['李四']])
    expect(world.said(G3).filter((t) => t.includes('提醒一下'))).toHaveLength(0)
    expect(world.lastSaid(STAFF)).toContain('7号楼还没有楼组长')
    world.clock.advance(24 * 3_600_000)
    await world.flush()
    expect(world.said(G5).slice(before5)).toHaveLength(1)
    await world.say('王主任', '公告状态', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('5号楼（已提醒）')
  })

  it('changes one item from the preview, goes back a step, and cancels', async () => {
    await world.say('李干事', '发布通知')
    await world.say('李干事', '停水通知')
    await world.say('李干事', '返回')
    expect(world.lastSaid('李干事')).toContain('回到上一步。请发标题')
    await world.say('李干事', '临时停水通知')
    await world.say('李干事', '明天上午停水两小时。')
    await world.say('李干事', '跳过')
    await world.say('李干事', '5号楼')
    await world.say('李干事', '明天8点')
    expect(world.lastSaid('李干事')).toContain('发往：1 个群（5号楼）')
    await world.say('李干事', '修改')
    expect(world.lastSaid('李干事')).toContain('要改哪一项')
    await world.say('李干事', '范围')
    await world.say('李干事', '5号楼 7号楼')
    expect(world.lastSaid('李干事')).toContain('发往：2 个群（5号楼、7号楼）')
    expect(world.lastSaid('李干事')).toContain('预览：通知《临时停水通知》')
    await world.say('李干事', '修改标题')
    await world.say('李干事', '5、7号楼临时停水')
    expect(world.lastSaid('李干事')).toContain('预览：通知《5、7号楼临时停水》')
    await world.say('李干事', '取消')
    expect(world.lastSaid('李干事')).toContain('已取消')
    await world.flush()
    expect(said(G5).some((t) => t.includes('临时停水'))).toBe(false)
  })

  it('sends a scheduled notice exactly at its time', async () => {
    world.clock.set('2026-11-23T10:00:00+08:00')
    await world.say('李干事', '发布通知')
    await world.say('李干事', '周末义诊')
    await world.say('李干事', '周六上午社区医院义诊。')
    await world.say('李干事', '不要')
    await world.say('李干事', '7号楼')
    await world.say('李干事', '明天9点')
    expect(world.lastSaid('李干事')).toContain('时间：11月24日 09:00')
    await world.say('李干事', '确认')
    expect(world.lastSaid('李干事')).toContain('将于 11月24日 09:00 发送')
    const before = said(G7).length
    world.clock.set('2026-11-24T08:59:59+08:00')
    await world.flush()
    expect(said(G7).length).toBe(before)
    world.clock.set('2026-11-24T09:00:00+08:00')
    await world.flush()
    expect(said(G7).slice(before)).toHaveLength(1)
    expect(said(G7).at(-1)).toContain('【通知 G2】周末义诊')
  })

  it('splits a 5,000-character letter into numbered parts that reassemble in order', async () => {
    const body = Array.from({ length: 300 }, (_, i) => `第${String(i + 1).padStart(3, '0')}条：请大家爱护公共设施。`).join('\n')
    expect(body.length).toBeGreaterThanOrEqual(5000)
    await world.say('王主任', '发布公开信')
    await world.say('王主任', '长信')
    await world.say('王主任', body)
    await world.say('王主任', '跳过')
    await world.say('王主任', '3号楼')
    await world.say('王主任', '立即')
    expect(world.lastSaid('王主任')).toMatch(/正文共 \d 段/)
    const before = said(G3).length
    await world.say('王主任', '确认')
    const parts = said(G3).slice(before)
    expect(parts.length).toBeGreaterThanOrEqual(5)
    parts.forEach((p, i) => {
      expect(p.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true)
      expect(p.length).toBeLessThanOrEqual(1000)
    })
    expect(reassemble(parts)).toContain(body)
    expect(reassemble(parts).startsWith('【公开信 G3】长信')).toBe(true)
  })

  it('delivered every outbox row exactly once', async () => {
    const rows = await world.app.db.select().from(outbox)
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([])
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(rows.length)
  })
})
