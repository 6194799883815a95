import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { botAccounts, outbox, people, rooms } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

/**
 * A street of two communities served by two bot accounts (two WeChat logins, two processes) on one
 * database: each account's groups, contacts and messages are its own; the street's 推进办 group
 * (on the first account) sees both communities and its notice goes out through both accounts.
 */
const STREET = '街道推进办'
const STAFF_A = '幸福里居委'
const STAFF_B = '安康居委'
const A3 = '幸福里3号楼'
const B1 = '安康1号楼'

describe('a street: two communities, two bot accounts, one database', () => {
  let database: Database
  let a: World
  let b: World
  const clock = new FakeClock()

  beforeAll(async () => {
    database = await testDatabase()
    a = new World(database, clock, { account: 'bot-a', staffRoomTopics: [STAFF_A], streetRoomTopic: STREET })
    b = new World(database, clock, { account: 'bot-b', staffRoomTopics: [STAFF_B], streetRoomTopic: STREET })
    a.group(STAFF_A, ['王主任'])
    a.group(A3, ['王主任', '张三'])
    a.group(STREET, ['陈主任', '周科长'])
    b.group(STAFF_B, ['刘书记'])
    b.group(B1, ['刘书记', '李四'])
    await a.start()
    await b.start()
    await a.say('王主任', '绑定 3号楼', { room: A3 })
    await b.say('刘书记', '绑定 1号楼', { room: B1 })
  })
  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await database?.close()
  })

  it('keeps each account’s groups and contacts apart (contact ids are per login)', async () => {
    const accounts = await database.db.select({ name: botAccounts.name, selfName: botAccounts.selfName }).from(botAccounts)
    expect(accounts.filter((x) => x.name.startsWith('bot-')).map((x) => x.name).sort()).toEqual(['bot-a', 'bot-b'])
    expect(accounts.find((x) => x.name === 'bot-a')?.selfName).toBeTruthy()
    const roomRows = await database.db.select({ topic: rooms.topic, account: rooms.account, kind: rooms.kind }).from(rooms)
    expect(roomRows.filter((r) => r.account === 'bot-a').map((r) => r.topic).sort()).toEqual([STAFF_A, A3, STREET].sort())
    expect(roomRows.filter((r) => r.account === 'bot-b').map((r) => r.topic).sort()).toEqual([STAFF_B, B1].sort())
    expect(roomRows.find((r) => r.topic === STREET)?.kind).toBe('street')
    const [li] = await database.db.select().from(people).where(eq(people.name, '李四'))
    expect(li?.account).toBe('bot-b')
  })

  it('binds the street group by its topic, once, and says what it can do', () => {
    expect(a.said(STREET).join('\n')).toContain('本群已设为街道推进办群')
    expect(a.operatorLines.join('\n')).toContain('street group bound')
  })

  it('answers street commands only in the street group', async () => {
    await a.say('王主任', '街道汇总', { room: STAFF_A })
    expect(a.lastSaid(STAFF_A)).toContain('请在街道推进办群里')
    await b.say('李四', '街道通知 明天停水', { room: B1 })
    expect(b.lastSaid(B1)).toContain('请在街道推进办群里')
    await a.say('陈主任', '帮助', { room: STREET })
    expect(a.lastSaid(STREET)).toContain('街道通知')
  })

  it('sums up every community for the street, and only there', async () => {
    await a.say('陈主任', '街道汇总', { room: STREET })
    const summary = a.lastSaid(STREET)
    expect(summary).toContain('【街道汇总】2个社区')
    expect(summary).toContain(STAFF_A)
    expect(summary).toContain(STAFF_B)
    await a.say('陈主任', '街道冲突', { room: STREET })
    expect(a.lastSaid(STREET)).toContain('没有部门在几个社区同期施工')
  })

  it('sends a street notice through both accounts: each process sends only its own account’s rows', async () => {
    await a.say('陈主任', '街道通知 本周六上午全街道开展环境整治，请大家清理楼道杂物', { room: STREET })
    expect(a.lastSaid(STREET)).toMatch(/2个社区、4个群，2个机器人账号同时发/)
    await b.flush()
    // each account sent its own groups' copies (a mock login knows only its own groups)
    expect(a.said(A3).join('\n')).toContain('本周六上午全街道开展环境整治')
    expect(a.said(STAFF_A).join('\n')).toContain('街道推进办发了通知')
    expect(b.said(B1).join('\n')).toContain('本周六上午全街道开展环境整治')
    expect(b.said(STAFF_B).join('\n')).toContain('街道推进办发了通知')
    expect(a.said(B1)).toEqual([])
    const rows = await database.db
      .select({ account: outbox.account, roomAccount: rooms.account, status: outbox.status })
      .from(outbox)
      .innerJoin(rooms, eq(rooms.id, outbox.roomId))
      .where(eq(outbox.priority, 1))
    expect(rows.length).toBeGreaterThanOrEqual(4)
    expect(rows.every((r) => r.account === r.roomAccount && r.status === 'sent')).toBe(true)
    // the heads of each community confirm as for their own notices
    await b.say('刘书记', '已转发', { room: B1 })
    expect(b.lastSaid(B1)).toContain('已')
  })

  it('never makes another group the street group; one that takes the name is reported, through the street group’s account', async () => {
    b.group(STREET, ['李四'])
    await b.say('李四', '街道汇总', { room: STREET })
    expect(b.lastSaid(STREET)).toContain('请在街道推进办群里')
    const impostor = await database.db.select().from(rooms).where(and(eq(rooms.topic, STREET), eq(rooms.account, 'bot-b')))
    expect(impostor[0]?.kind).toBe('other')
    // bot-b's process wrote the warning; bot-a, in the street group, sends it
    await a.flush()
    expect(a.lastSaid(STREET)).toContain('它不是街道推进办群')
  })
})
