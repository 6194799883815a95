import { asc, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContactRef, RoomSnapshot } from '../../../src/chat/types.js'
import type { Database, Db } from '../../../src/db/client.js'
import { ensureCommunities } from '../../../src/db/communities.js'
import { resolvePerson } from '../../../src/db/people.js'
import { bindRoomToBuilding, removeRoomMembers, resolveRoom } from '../../../src/db/rooms.js'
import { buildings, households, outbox, people, roomMembers, rooms } from '../../../src/db/schema.js'
import { syncAllRooms, type SyncDeps } from '../../../src/features/rooms/index.js'
import { testDatabase } from '../../support/db.js'

const SELF = 'bot'
const bot: ContactRef = { puppetId: SELF, name: '共建助手' }
const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h))

const deps = (db: Db, loginHour: number): SyncDeps => ({ db, account: 'default', now: at(loginHour), loginAt: at(loginHour), communities: [], tell: () => {} })
const snap = (puppetId: string, topic: string, members: ContactRef[]): RoomSnapshot => ({ puppetId, topic, members: [bot, ...members], selfId: SELF })

/** The sync as it was before batching: one member at a time (the reference the batched one must equal). */
async function oneByOne(db: Db, loginHour: number, snapshots: RoomSnapshot[]): Promise<void> {
  const now = at(loginHour)
  for (const s of snapshots) {
    await db.transaction(async (tx) => {
      const room = await resolveRoom(tx, { account: 'default', ref: s, now, loginAt: now })
      const seen = new Map<string, number>()
      for (const m of s.members) seen.set(m.nickname || m.name, (seen.get(m.nickname || m.name) ?? 0) + 1)
      const ambiguous = new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k))
      const keep: number[] = []
      for (const m of s.members) keep.push((await resolvePerson(tx, { account: 'default', ref: m, roomId: room.id, now, loginAt: now, ambiguous, held: [] })).id)
      await removeRoomMembers(tx, { roomId: room.id, keepPersonIds: keep })
    })
  }
}

/** What identity state a database holds: people and who is in which group under which nickname. */
async function state(db: Db) {
  const ps = await db.select({ id: people.id, name: people.name, puppetId: people.puppetId, held: people.identityHeldAt, household: people.householdId }).from(people).orderBy(asc(people.id))
  const ms = await db
    .select({ topic: rooms.topic, personId: roomMembers.personId, nickname: roomMembers.nickname })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .orderBy(asc(rooms.topic), asc(roomMembers.personId))
  return { people: ps.map((p) => ({ ...p, held: p.held !== null })), members: ms }
}

/** A small seeded generator: the same scenario on every run. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

async function giveHousehold(db: Db, puppetIds: string[]): Promise<void> {
  const [community] = await ensureCommunities(db, { staffRoomTopics: ['居委工作群'], now: at(0) })
  const [b] = await db.insert(buildings).values({ communityId: community!.id, number: 3, createdAt: at(0) }).onConflictDoNothing().returning()
  const buildingId = b?.id ?? (await db.select().from(buildings))[0]!.id
  const targets = await db.select().from(people).where(inArray(people.puppetId, puppetIds)).orderBy(asc(people.id))
  for (const t of targets) {
    const [h] = await db.insert(households).values({ communityId: community!.id, buildingId, unit: `${500 + t.id}`, key: `k-${t.id}`, createdAt: at(0) }).returning()
    await db.update(people).set({ householdId: h!.id }).where(eq(people.id, t.id))
  }
}

describe('login sync in bulk', () => {
  let batched: Database
  let reference: Database
  beforeAll(async () => {
    batched = await testDatabase()
    reference = await testDatabase()
  })
  afterAll(async () => {
    await batched?.close()
    await reference?.close()
  })

  it('ends where the one-by-one sync ends, across first login, a login with the same ids and a re-login with new ids', async () => {
    const rnd = prng(15)
    const names = Array.from({ length: 60 }, (_, i) => `居民${i}`)
    // nicknames: mostly the name, some a group nickname, a few shared inside one group (look-alikes)
    const nickOf = (name: string, room: number) => {
      const r = rnd()
      if (r < 0.15) return `${room}栋${name}`
      if (r < 0.2) return `${room}栋邻居`
      return undefined
    }
    const roomsOf = (prefix: string, rename: (n: string) => string, drop: number, fresh: string[]) =>
      Array.from({ length: 6 }, (_, g) => {
        const members = names
          .filter((_, i) => (i + g) % 3 !== 0 && (i + g * 7) % 11 !== drop)
          .map((name) => ({ puppetId: `${prefix}${name}`, name: rename(name), nickname: nickOf(name, g) }))
        // newcomers are listed last, as a puppet lists them
        return snap(`${prefix}room${g}`, `幸福里${g}号楼`, [...members, ...fresh.map((f) => ({ puppetId: `${prefix}${f}${g}`, name: f }))])
      })

    const logins: { hour: number; rooms: RoomSnapshot[]; households?: string[] }[] = [
      { hour: 1, rooms: roomsOf('a-', (n) => n, -1, []) },
      // same ids: some leave, some are renamed, a newcomer with a name someone has
      { hour: 2, rooms: roomsOf('a-', (n) => (n.endsWith('7') ? `${n}改` : n), 4, ['居民3', '新人']), households: ['a-居民1', 'a-居民5', 'a-居民8', 'a-居民13'] },
      // every id new
      { hour: 3, rooms: roomsOf('b-', (n) => n, 4, ['新人']) },
      // every id new again, some left
      { hour: 4, rooms: roomsOf('c-', (n) => n, 2, []) },
    ]
    for (const login of logins) {
      await syncAllRooms(deps(batched.db, login.hour), login.rooms)
      await oneByOne(reference.db, login.hour, login.rooms)
      if (login.households) {
        await giveHousehold(batched.db, login.households)
        await giveHousehold(reference.db, login.households)
      }
      const [got, want] = [await state(batched.db), await state(reference.db)]
      expect(got).toEqual(want)
    }
    const final = await state(batched.db)
    // the scenario did exercise every path: matches by nickname, holds, new people
    expect(final.people.some((p) => p.held)).toBe(true)
    expect(final.people.some((p) => p.puppetId?.startsWith('c-') && p.id <= 60)).toBe(true)
  })
})

describe('login sync in bulk, member changes', () => {
  let database: Database
  let db: Db
  beforeAll(async () => {
    database = await testDatabase()
    db = database.db
  })
  afterAll(async () => {
    await database?.close()
  })
  const membersOf = async (topic: string) =>
    (
      await db
        .select({ name: people.name, puppetId: people.puppetId, nickname: roomMembers.nickname })
        .from(roomMembers)
        .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
        .innerJoin(people, eq(people.id, roomMembers.personId))
        .where(eq(rooms.topic, topic))
    )
      .filter((m) => m.puppetId !== SELF)
      .sort((a, b) => a.name.localeCompare(b.name))

  it('adds, removes and renames members across logins, and marks groups the bot left', async () => {
    const z = { puppetId: 'z1', name: '张三' }
    const l = { puppetId: 'l1', name: '李四', nickname: '3号楼李四' }
    const w = { puppetId: 'w1', name: '王五' }
    await syncAllRooms(deps(db, 1), [snap('r1', '甲楼', [z, l]), snap('r2', '乙楼', [w])])
    expect(await membersOf('甲楼')).toEqual([
      { name: '张三', puppetId: 'z1', nickname: '张三' },
      { name: '李四', puppetId: 'l1', nickname: '3号楼李四' },
    ].sort((a, b) => a.name.localeCompare(b.name)))

    // same ids: 张三 renamed, 李四 changed group nickname, 王五 joined 甲楼, 乙楼 gone
    await syncAllRooms(deps(db, 2), [snap('r1', '甲楼', [{ ...z, name: '张三丰' }, { ...l, nickname: '李四502' }, w])])
    expect(await membersOf('甲楼')).toEqual(
      [
        { name: '张三丰', puppetId: 'z1', nickname: '张三丰' },
        { name: '李四', puppetId: 'l1', nickname: '李四502' },
        { name: '王五', puppetId: 'w1', nickname: '王五' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    )
    const [gone] = await db.select().from(rooms).where(eq(rooms.topic, '乙楼'))
    expect(gone?.present).toBe(false)

    // every id new, 王五 left: the same records, no new people
    const before = (await db.select().from(people)).length
    await syncAllRooms(deps(db, 3), [snap('r1b', '甲楼', [{ puppetId: 'z2', name: '张三丰' }, { puppetId: 'l2', name: '李四', nickname: '李四502' }])])
    expect((await db.select().from(people)).length).toBe(before)
    expect(await membersOf('甲楼')).toEqual([
      { name: '张三丰', puppetId: 'z2', nickname: '张三丰' },
      { name: '李四', puppetId: 'l2', nickname: '李四502' },
    ].sort((a, b) => a.name.localeCompare(b.name)))
  })

  it('matches someone in two groups once: by nickname in the first, by the new id in the next', async () => {
    const m = { puppetId: 'm1', name: '孙六' }
    await syncAllRooms(deps(db, 4), [snap('s1', '丙楼', [m]), snap('s2', '丁楼', [m])])
    const [person] = await db.select().from(people).where(eq(people.puppetId, 'm1'))
    await syncAllRooms(deps(db, 5), [snap('s1b', '丙楼', [{ puppetId: 'm2', name: '孙六' }]), snap('s2b', '丁楼', [{ puppetId: 'm2', name: '孙六' }])])
    const rows = await db.select().from(people).where(eq(people.name, '孙六'))
    expect(rows.map((r) => [r.id, r.puppetId])).toEqual([[person!.id, 'm2']])
  })

  it('keeps a record known by its id even when a look-alike is listed before it, and puts nobody on hold', async () => {
    const a = { puppetId: 'q1', name: '周七' }
    await syncAllRooms(deps(db, 6), [snap('t1', '戊楼', [a])])
    await giveHousehold(db, ['q1'])
    const lookalike = { puppetId: 'q-x', name: '周七' }
    await syncAllRooms(deps(db, 7), [snap('t1', '戊楼', [lookalike, a])])
    const [kept] = await db.select().from(people).where(eq(people.puppetId, 'q1'))
    expect(kept?.householdId).not.toBeNull()
    expect(kept?.identityHeldAt).toBeNull()
    const [other] = await db.select().from(people).where(eq(people.puppetId, 'q-x'))
    expect(other?.householdId).toBeNull()
  })

  it('puts look-alikes on hold after a re-login and tells the group', async () => {
    const a = { puppetId: 'h1', name: '吴八' }
    await syncAllRooms(deps(db, 8), [snap('u1', '己楼', [a])])
    await giveHousehold(db, ['h1'])
    const [room] = await db.select().from(rooms).where(eq(rooms.topic, '己楼'))
    const [b] = await db.select().from(buildings)
    await bindRoomToBuilding(db, { roomId: room!.id, communityId: b!.communityId, buildingId: b!.id })
    const [before] = await db.select().from(people).where(eq(people.puppetId, 'h1'))
    await syncAllRooms(deps(db, 9), [snap('u2', '己楼', [{ puppetId: 'h2', name: '吴八' }, { puppetId: 'h3', name: '吴八' }])])
    const [held] = await db.select().from(people).where(eq(people.id, before!.id))
    expect(held?.identityHeldAt).not.toBeNull()
    expect(held?.puppetId).toBeNull()
    const heirs = await db.select().from(people).where(inArray(people.puppetId, ['h2', 'h3']))
    expect(heirs.map((h) => h.householdId)).toEqual([null, null])
    const said = await db.select().from(outbox)
    expect(said.filter((o) => o.body.includes('吴八')).map((o) => o.roomId)).toEqual([room!.id])
  })

  it('handles a group larger than one statement and many groups over several transactions', async () => {
    const big = Array.from({ length: 1300 }, (_, i) => ({ puppetId: `big${i}`, name: `大群${i}` }))
    const small = Array.from({ length: 30 }, (_, g) => snap(`sm${g}`, `小群${g}`, big.slice(g * 40, g * 40 + 40)))
    await syncAllRooms(deps(db, 10), [snap('bigroom', '大群', big), ...small])
    expect((await membersOf('大群')).length).toBe(1300)
    expect((await membersOf('小群29')).length).toBe(40)
    // re-login with new ids: every one found again by nickname, none created
    const count = (await db.select().from(people)).length
    const renamed = big.map((m) => ({ ...m, puppetId: `n-${m.puppetId}` }))
    await syncAllRooms(deps(db, 11), [snap('bigroom2', '大群', renamed), ...Array.from({ length: 30 }, (_, g) => snap(`sm${g}b`, `小群${g}`, renamed.slice(g * 40, g * 40 + 40)))])
    expect((await db.select().from(people)).length).toBe(count)
    expect((await membersOf('小群7')).every((m) => m.puppetId!.startsWith('n-'))).toBe(true)
  })
})
