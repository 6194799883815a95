import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/client.js'
import { ensureCommunities, type Community } from '../../../src/db/communities.js'
import { communities, people, roomMembers, rooms } from '../../../src/db/schema.js'
import { admitRoom } from '../../../src/features/staff/admitRoom.js'
import { BIND_CODE_MAX_MISSES, codeDigits, issueBindCodes, newBindCode, redeemBindCode } from '../../../src/features/staff/bindCodes.js'
import { testDatabase } from '../../support/db.js'

describe('binding codes', () => {
  it('are 8 digits, read back from full-width digits, spaces and dashes', () => {
    for (let i = 0; i < 50; i++) expect(newBindCode()).toMatch(/^\d{4}-\d{4}$/)
    expect(codeDigits('１２３４ － ５６７８')).toBe('12345678')
    fc.assert(fc.property(fc.string(), (s) => {
      expect(codeDigits(s)).toMatch(/^\d*$/)
    }))
  })
})

describe('staff rooms on a real database', () => {
  let database: Database
  let community: Community
  const now = new Date('2026-12-01T09:00:00+08:00')
  const loginAt = new Date('2026-12-01T08:00:00+08:00')
  beforeAll(async () => {
    database = await testDatabase()
    community = (await ensureCommunities(database.db, { staffRoomTopics: ['幸福里居委'], now }))[0]!
  })
  afterAll(async () => database?.close())

  it('stores only the hash of a code, and a right code is used once', async () => {
    const [line] = await issueBindCodes(database.db, { communities: [community], botName: '共建助手' })
    const code = /\d{4}-\d{4}/.exec(line!)![0]
    const [row] = await database.db.select().from(communities).where(eq(communities.id, community.id))
    expect(row!.bindCodeHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.bindCodeHash).not.toContain(code.replace('-', ''))
    expect((await redeemBindCode(database.db, { code, communities: [community] })).community?.id).toBe(community.id)
    expect((await redeemBindCode(database.db, { code, communities: [community] })).community).toBeUndefined()
  })

  it(`voids a code after ${BIND_CODE_MAX_MISSES} wrong tries`, async () => {
    const [line] = await issueBindCodes(database.db, { communities: [community], botName: '共建助手' })
    const code = /\d{4}-\d{4}/.exec(line!)![0]
    const wrong = code === '0000-0000' ? '1111-1111' : '0000-0000'
    let voided = false
    for (let i = 0; i < BIND_CODE_MAX_MISSES; i++) voided = (await redeemBindCode(database.db, { code: wrong, communities: [community] })).voided !== undefined
    expect(voided).toBe(true)
    expect((await redeemBindCode(database.db, { code, communities: [community] })).community).toBeUndefined()
  })

  it('binds the first group with the topic, then only reports the next ones', async () => {
    const first = await admitRoom(database.db, { account: 'default', ref: { puppetId: 'r1', topic: '幸福里居委' }, now, loginAt, communities: [community] })
    expect(first.room.kind).toBe('staff')
    const second = await admitRoom(database.db, { account: 'default', ref: { puppetId: 'r2', topic: '幸福里居委' }, now, loginAt, communities: [community] })
    expect(second.room.kind).toBe('other')
    expect(second.notes.join()).toContain('gained nothing')
    const staff = await database.db.select().from(rooms).where(eq(rooms.kind, 'staff'))
    expect(staff.map((r) => r.puppetId)).toEqual(['r1'])
  })

  it('after a re-login, hands the staff row to the group whose members match, not to a look-alike', async () => {
    const later = new Date(now.getTime() + 3_600_000)
    // the staff group had 王主任 and 李干事; the bot's own nickname does not count as evidence
    const made = await database.db
      .insert(people)
      .values(['王主任', '李干事'].map((name, i) => ({ name, puppetId: `p${i}`, puppetSeenAt: now, account: 'default', createdAt: now })))
      .returning()
    const [staff] = await database.db.select().from(rooms).where(eq(rooms.kind, 'staff'))
    await database.db.insert(roomMembers).values(made.map((m) => ({ roomId: staff!.id, personId: m.id, nickname: m.name, updatedAt: now })))
    const impostor = await admitRoom(database.db, {
      account: 'default',
      ref: { puppetId: 'n2', topic: '幸福里居委' },
      now: later,
      loginAt: later,
      members: { nicknames: ['坏人'], botNickname: '共建助手' },
      communities: [community],
    })
    expect(impostor.room.kind).toBe('other')
    const real = await admitRoom(database.db, {
      account: 'default',
      ref: { puppetId: 'n1', topic: '幸福里居委' },
      now: later,
      loginAt: later,
      members: { nicknames: ['王主任', '李干事'], botNickname: '共建助手' },
      communities: [community],
    })
    expect(real.room.id).toBe(staff!.id)
    expect(real.room.kind).toBe('staff')
  })
})
