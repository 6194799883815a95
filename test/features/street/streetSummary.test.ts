import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/client.js'
import { ensureCommunities, type Community } from '../../../src/db/communities.js'
import type { Room } from '../../../src/db/rooms.js'
import { assignments, partners, projects, rooms, suggestions } from '../../../src/db/schema.js'
import { showStreetConflicts, showStreetPlans, showStreetSummary } from '../../../src/features/street/streetSummary.js'
import { postStreetNotice } from '../../../src/features/street/postStreetNotice.js'
import { testDatabase } from '../../support/db.js'
import { testCtx } from '../../support/ctx.js'

const NOW = new Date('2026-12-10T02:00:00Z')
const day = (d: number) => new Date(Date.UTC(2026, 11, d))

describe('the street level across communities', () => {
  let database: Database
  let street: Room
  let cs: Community[]

  async function project(c: Community, name: string, partner: string, from: number, to: number) {
    const [pr] = await database.db.insert(projects).values({ communityId: c.id, name, stage: 'assigned', createdAt: NOW }).returning()
    await database.db
      .insert(suggestions)
      .values({ communityId: c.id, category: '绿化', problem: name, features: [], fileIds: [], status: 'merged', projectId: pr!.id, createdAt: NOW, updatedAt: NOW })
    const [pa] = await database.db.insert(partners).values({ communityId: c.id, name: partner, createdAt: NOW }).onConflictDoNothing().returning()
    const partnerId = pa?.id ?? (await database.db.select().from(partners)).find((x) => x.communityId === c.id && x.name === partner)!.id
    await database.db.insert(assignments).values({ communityId: c.id, projectId: pr!.id, partnerId, startsAt: day(from), dueAt: day(to), places: [], createdAt: NOW })
    return pr!.id
  }

  beforeAll(async () => {
    database = await testDatabase()
    cs = await ensureCommunities(database.db, { staffRoomTopics: ['幸福里居委', '安康居委', '新村居委'], now: NOW })
    street = (await database.db.insert(rooms).values({ account: 'default', topic: '街道推进办', kind: 'street', puppetId: 'street@chatroom', createdAt: NOW }).returning())[0]!
    await project(cs[0]!, '中心花园改造', '城管科', 1, 20)
    await project(cs[0]!, '3号楼路灯', '供电所', 1, 5)
    await project(cs[1]!, '车棚翻新', '城管 科', 8, 30)
  })
  afterAll(async () => {
    await database?.close()
  })

  it('街道汇总: a line per community, overdue work named, and the department stretched across two', async () => {
    const ctx = await testCtx(database.db, { room: street, talker: '陈主任', now: NOW, community: cs[0]! })
    await showStreetSummary(ctx)
    const text = ctx.said[0]!
    expect(text).toContain('【街道汇总】3个社区')
    expect(text).toMatch(/幸福里居委：项目2个，在做2，逾期1（P\d+ 供电所）/)
    expect(text).toContain('安康居委：项目1个，在做1')
    expect(text).toContain('新村居委：还没有项目')
    expect(text).toMatch(/城管科：幸福里居委 P\d+（12月1日—12月20日）、安康居委 P\d+（12月8日—12月30日）/)
    expect(text).not.toContain('供电所：')
  })

  it('街道冲突 and 街道计划 read the same plans', async () => {
    const ctx = await testCtx(database.db, { room: street, talker: '陈主任', now: NOW, community: cs[0]! })
    await showStreetConflicts(ctx)
    expect(ctx.said[0]).toContain('跨社区同期施工')
    await showStreetPlans(ctx)
    expect(ctx.said[1]).toContain('〔幸福里居委〕')
    expect(ctx.said[1]).toContain('中心花园改造')
    expect(ctx.said[1]).toContain('〔新村居委〕\n还没有项目')
  })

  it('街道通知 without words asks for them; with no community groups it says so', async () => {
    const ctx = await testCtx(database.db, { room: street, talker: '陈主任', now: NOW, community: cs[0]! })
    await expect(postStreetNotice(ctx, '  ')).rejects.toThrow('请写上通知内容')
    await expect(postStreetNotice(ctx, '明天停水')).rejects.toThrow('还没有社区的群可以发')
  })
})
