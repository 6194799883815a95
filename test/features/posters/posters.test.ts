import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/client.js'
import { ensureCommunities, type Community } from '../../../src/db/communities.js'
import { householdKeySql } from '../../../src/db/households.js'
import {
  assignments,
  ballots,
  buildings,
  campaigns,
  files,
  households,
  outbox,
  partners,
  people,
  progressUpdates,
  projects,
  rooms,
  rounds,
  suggestions,
} from '../../../src/db/schema.js'
import type { Room } from '../../../src/db/rooms.js'
import { isAppError } from '../../../src/domain/errors.js'
import { checkAccess } from '../../../src/kit/access.js'
import { COMMANDS } from '../../../src/features/index.js'
import { closingFigures } from '../../../src/features/posters/index.js'
import { renderPng } from '../../../src/features/rounds/index.js'
import { testCtx } from '../../support/ctx.js'
import { testDatabase } from '../../support/db.js'
import { inkIn, pdfPixels, pdfText } from '../../support/pdf.js'

const at = (s: string) => new Date(`${s}+08:00`)
const NOW = at('2026-12-21T10:00:00')
// what a poster on the lobby board must never show
const DOORS = ['6061', '1702', '9031', '8123']
const RESIDENTS = ['爱丽丝', '鲍勃', '卡萝', '大卫']
const photo = renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90"><rect width="120" height="90" fill="#303030"/></svg>', []).png

describe('公示 and 结项报告', () => {
  let database: Database
  let community: Community
  let staffRoom: Room
  let buildingRoom: Room
  let inbound = 100
  const ids = {} as Record<'P1' | 'P2' | 'P3' | 'resident' | 'openVote' | 'resolution' | 'campaign' | 'b3' | 'b5', number>

  beforeAll(async () => {
    database = await testDatabase()
    const { db } = database
    const t0 = at('2026-10-01T10:00:00')
    community = (await ensureCommunities(db, { staffRoomTopics: ['居委工作群'], now: t0 }))[0]!
    const cid = community.id
    const [b3, b5] = await db.insert(buildings).values([3, 5].map((number) => ({ communityId: cid, number, createdAt: t0 }))).returning()
    ids.b3 = b3!.id
    ids.b5 = b5!.id
    ;[staffRoom, buildingRoom] = (await db
      .insert(rooms)
      .values([
        { communityId: cid, kind: 'staff', topic: '居委工作群', puppetId: 'room-staff', account: 'default', createdAt: t0 },
        { communityId: cid, kind: 'building', buildingId: b3!.id, topic: '3号楼', puppetId: 'room-b3', account: 'default', createdAt: t0 },
      ])
      .returning()) as [Room, Room]
    const hh = await db
      .insert(households)
      .values(
        [
          { buildingId: b3!.id, unit: DOORS[0]! },
          { buildingId: b3!.id, unit: DOORS[1]! },
          { buildingId: b5!.id, unit: DOORS[2]! },
          { buildingId: b5!.id, unit: DOORS[3]! },
        ].map((h) => ({ ...h, communityId: cid, key: householdKeySql(h.buildingId, h.unit), createdAt: t0 })),
      )
      .returning()
    const ppl = await db
      .insert(people)
      .values(RESIDENTS.map((name, i) => ({ name, householdId: hh[i]!.id, householdConfirmedAt: i === 3 ? null : t0, account: 'default', createdAt: t0 })))
      .returning()
    const [old, current] = await db
      .insert(campaigns)
      .values([
        { communityId: cid, name: '2025年微更新', status: 'closed', createdAt: t0 },
        { communityId: cid, name: '2026年冬季微更新', status: 'active', createdAt: at('2026-11-01T09:00:00') },
      ])
      .returning()
    ids.campaign = current!.id
    const [P1, P2, P3, Pold] = await db
      .insert(projects)
      .values([
        { communityId: cid, campaignId: current!.id, name: '3号楼路灯维修', stage: 'accepted', percent: 100, createdAt: t0 },
        { communityId: cid, campaignId: current!.id, name: '5号楼车棚扩建', stage: 'assigned', percent: 60, createdAt: t0 },
        { communityId: cid, campaignId: current!.id, name: '中心花园座椅', stage: 'pool', percent: 0, createdAt: t0 },
        { communityId: cid, campaignId: old!.id, name: '去年的项目', stage: 'accepted', percent: 100, createdAt: t0 },
      ])
      .returning()
    Object.assign(ids, { P1: P1!.id, P2: P2!.id, P3: P3!.id })
    const sug = (x: Partial<typeof suggestions.$inferInsert> & { problem: string; createdAt: Date }) => ({
      communityId: cid,
      campaignId: current!.id,
      category: '设施',
      features: [],
      fileIds: [],
      status: 'merged',
      updatedAt: x.createdAt,
      ...x,
    })
    await db.insert(suggestions).values([
      sug({ personId: ppl[0]!.id, buildingId: b3!.id, problem: `路灯坏了，我家${DOORS[0]}门口很黑`, projectId: P1!.id, createdAt: at('2026-11-02T08:00:00') }),
      sug({ personId: ppl[1]!.id, buildingId: b3!.id, problem: '路灯不亮', projectId: P1!.id, createdAt: at('2026-11-05T08:00:00') }),
      // withdrawn: not the first suggestion of P2
      sug({ personId: ppl[2]!.id, buildingId: b5!.id, problem: '车棚小', projectId: P2!.id, status: 'withdrawn', createdAt: at('2026-11-01T12:00:00') }),
      sug({ personId: ppl[2]!.id, buildingId: b5!.id, problem: '车棚太小', projectId: P2!.id, createdAt: at('2026-11-03T20:00:00') }),
      sug({ personId: ppl[0]!.id, buildingId: b3!.id, problem: '要座椅', projectId: P3!.id, createdAt: at('2026-11-04T08:00:00') }),
      // last campaign's: counts for nothing here
      sug({ personId: ppl[3]!.id, campaignId: old!.id, buildingId: b5!.id, problem: '去年的事', projectId: Pold!.id, createdAt: at('2025-06-01T08:00:00') }),
    ])
    const [partner] = await db.insert(partners).values({ communityId: cid, name: '市政养护公司', createdAt: t0 }).returning()
    await db.insert(assignments).values([
      { communityId: cid, projectId: P1!.id, partnerId: partner!.id, startsAt: at('2026-11-20T08:00:00'), dueAt: at('2026-12-10T18:00:00'), places: [], status: 'done', createdAt: t0 },
      { communityId: cid, projectId: P2!.id, partnerId: partner!.id, startsAt: at('2026-12-01T08:00:00'), dueAt: at('2026-12-31T18:00:00'), places: [], status: 'active', createdAt: t0 },
    ])
    const [f] = await db.insert(files).values({ communityId: cid, name: 'site.png', mediaType: 'image/png', base64: photo.toString('base64'), createdAt: t0 }).returning()
    await db.insert(progressUpdates).values([
      { communityId: cid, projectId: P2!.id, percent: 30, note: '已进场', fileIds: [], byPerson: ppl[1]!.id, at: at('2026-12-05T10:00:00') },
      { communityId: cid, projectId: P2!.id, percent: 60, note: '地基完成，钢架已到', fileIds: [f!.id], byPerson: ppl[1]!.id, at: at('2026-12-15T10:00:00') },
    ])
    const round = (x: Partial<typeof rounds.$inferInsert> & { kind: string; projectIds: number[] }) => ({
      communityId: cid,
      campaignId: current!.id,
      dots: 2,
      per: 'household',
      seed: 'abcd1234',
      opensAt: at('2026-11-10T09:00:00'),
      closesAt: at('2026-11-15T20:00:00'),
      status: 'closed',
      closedAt: at('2026-11-15T20:00:00'),
      ...x,
    })
    const [resident, openVote, resolution, accept, oldRound] = await db
      .insert(rounds)
      .values([
        round({ kind: 'resident', projectIds: [P1!.id, P2!.id, P3!.id] }),
        round({ kind: 'resident', projectIds: [P2!.id, P3!.id], status: 'open', closedAt: null, closesAt: at('2026-12-28T20:00:00') }),
        round({ kind: 'resolution', projectIds: [P1!.id, P2!.id, P3!.id], passPercent: 50, dots: 1 }),
        round({ kind: 'acceptance', projectIds: [P1!.id], dots: 1, minRating: 3.5, opensAt: at('2026-12-08T12:00:00'), closesAt: at('2026-12-15T12:00:00'), closedAt: at('2026-12-15T12:00:00') }),
        round({ kind: 'resident', campaignId: old!.id, projectIds: [Pold!.id] }),
      ])
      .returning()
    Object.assign(ids, { resident: resident!.id, openVote: openVote!.id, resolution: resolution!.id })
    await db
      .update(rounds)
      .set({ refRoundId: resident!.id })
      .where(eq(rounds.id, resolution!.id))
    const key = (i: number) => `household:${hh[i]!.key}`
    const ballot = (roundId: number, voterKey: string, buildingId: number, dots: number[]) => ({ communityId: cid, roundId, voterKey, buildingId, dots, castAt: at('2026-11-12T12:00:00') })
    await db.insert(ballots).values([
      ballot(resident!.id, key(0), b3!.id, [P1!.id, P1!.id]),
      ballot(resident!.id, key(1), b3!.id, [P1!.id, P2!.id]),
      ballot(resident!.id, key(2), b5!.id, [P2!.id, P2!.id]),
      ballot(resolution!.id, key(0), b3!.id, [1]),
      ballot(resolution!.id, key(2), b5!.id, [1]),
      ballot(resolution!.id, key(3), b5!.id, [0]),
      // a person's ballot counts for their household (卡萝 is of the third)
      ballot(openVote!.id, `person:${ppl[2]!.id}`, b5!.id, [P3!.id]),
      ballot(accept!.id, key(0), b3!.id, [5]),
      ballot(accept!.id, key(1), b3!.id, [4]),
      ballot(accept!.id, key(2), b5!.id, [2]),
      ballot(oldRound!.id, key(3), b5!.id, [Pold!.id]),
    ])
  })
  afterAll(async () => {
    await database?.close()
  })

  const staffCtx = async (text: string, room: Room | null = staffRoom) => {
    const ctx = await testCtx(database.db, { text, talker: '李干事', isStaff: true, community, room, now: NOW })
    ctx.inboundId = ++inbound
    return ctx
  }
  const spec = COMMANDS.find((c) => c.name === '公示')!
  const closingSpec = COMMANDS.find((c) => c.name === '结项报告')!

  /** the files queued for this message: [pdf, png] */
  async function filesOf(inboundId: number) {
    const rows = await database.db.select().from(outbox).where(eq(outbox.kind, 'file'))
    const mine = rows.filter((r) => r.idempotencyKey.startsWith(`reply:${inboundId}:poster:`))
    const out = []
    for (const r of mine) {
      const [file] = await database.db.select().from(files).where(eq(files.id, r.fileId!))
      out.push({ row: r, file: file!, data: Buffer.from(file!.base64, 'base64') })
    }
    return out.sort((a, b) => a.file.mediaType.localeCompare(b.file.mediaType))
  }

  function expectPublic(text: string) {
    for (const door of DOORS) expect(text).not.toContain(door)
    for (const name of RESIDENTS) expect(text).not.toContain(name)
  }

  it('公示 T1: a resident round as ranking and who does what by when, PDF and PNG to the staff group', async () => {
    const ctx = await staffCtx(`公示 T${ids.resident}`)
    await spec.run(ctx, `T${ids.resident}`)
    expect(ctx.said).toHaveLength(1)
    expect(ctx.said[0]).toMatch(/^T\d+ 公示海报已生成：PDF \d+KB、图片 \d+KB，已发到工作群/)
    const [pdf, png] = await filesOf(ctx.inboundId)
    expect(pdf!.file.mediaType).toBe('application/pdf')
    expect(png!.file.mediaType).toBe('image/png')
    expect(pdf!.file.name).toBe(`公示-T${ids.resident}-20261221.pdf`)
    for (const f of [pdf!, png!]) expect([f.row.roomId, f.row.personId]).toEqual([staffRoom.id, null])
    const { text } = await pdfText(pdf!.data)
    expect(text).toContain(`公示：居民投票结果 T${ids.resident}`)
    expect(text).toContain('共 3 户参与')
    // P1 3 votes, P2 3 votes (tie) and P3 none; the plan: partner and due day, or 待派单
    expect(text).toContain(`P${ids.P1} 3号楼路灯维修`)
    expect(text).toContain('市政养护公司')
    expect(text).toContain('12月31日')
    expect(text).toContain('待派单')
    expect(text).toContain('居委工作群')
    expectPublic(text)
    const image = await pdfPixels(pdf!.data, 1)
    expect(inkIn(image, 70, 110)).toBeGreaterThan(1500)
  })

  it('公示 of a resolution shows its published result (the ratified order for the plan)', async () => {
    const ctx = await staffCtx(`公示 T${ids.resolution}`)
    await spec.run(ctx, `T${ids.resolution}`)
    const [pdf] = await filesOf(ctx.inboundId)
    const { text } = await pdfText(pdf!.data)
    expect(text).toContain(`公示：决议结果 T${ids.resolution}`)
    expect(text).toContain('同意 2 户，不同意 1 户')
    expect(text).toContain('谁来做、何时完成')
    expectPublic(text)
  })

  it('公示 P2: stage, %, last update and its photo', async () => {
    const ctx = await staffCtx(`公示 P${ids.P2}`)
    await spec.run(ctx, `P${ids.P2}`)
    const [pdf, png] = await filesOf(ctx.inboundId)
    const { text } = await pdfText(pdf!.data)
    expect(text).toContain(`公示：P${ids.P2} 5号楼车棚扩建`)
    expect(text).toContain('实施中')
    expect(text).toContain('60%')
    expect(text).toContain('最近更新 12月15日')
    expect(text).toContain('地基完成，钢架已到')
    expect(text).toContain('12月1日 至 12月31日')
    expect(text).toContain('现场照片')
    // the reporter is never named
    expectPublic(text)
    expect(pdf!.data.toString('latin1')).toContain('/Subtype /Image')
    expect(png!.data.length).toBeGreaterThan(10_000)
  })

  it('refuses what it cannot print, in one sentence each', async () => {
    const said = async (args: string) => {
      const ctx = await staffCtx(`公示 ${args}`)
      try {
        await spec.run(ctx, args)
        return null
      } catch (e) {
        return isAppError(e) ? `${e.code} ${e.message}` : String(e)
      }
    }
    expect(await said(`T${ids.openVote}`)).toBe(`CONFLICT T${ids.openVote} 还没结束，截止后才能公示结果。`)
    expect(await said('T999')).toBe('NOT_FOUND 没有投票 T999。')
    expect(await said('P999')).toBe('NOT_FOUND 没有项目 P999。')
    expect(await said('')).toMatch(/^BAD_INPUT 请说要公示哪一项/)
  })

  it('is for the staff, in the staff group or privately', async () => {
    const refusal = async (p: { isStaff: boolean; room: Room | null }) => {
      const ctx = await testCtx(database.db, { text: '公示 T1', talker: '爱丽丝', isStaff: p.isStaff, community, room: p.room, now: NOW })
      for (const s of [spec, closingSpec]) {
        try {
          await checkAccess(ctx, s)
        } catch (e) {
          return isAppError(e) ? e.code : String(e)
        }
      }
      return null
    }
    expect(await refusal({ isStaff: false, room: null })).toBe('FORBIDDEN')
    expect(await refusal({ isStaff: true, room: buildingRoom })).toBe('WRONG_ROOM')
    expect(await refusal({ isStaff: true, room: null })).toBeNull()
  })

  describe('结项报告', () => {
    const q = <T>(sql: string, params: unknown[] = []) => database.query<T>(sql, params)

    it("its numbers equal independent SQL over the current campaign's records", async () => {
      const { campaign, report } = await closingFigures(database.db, { communityId: community.id })
      expect(campaign?.id).toBe(ids.campaign)
      const cid = community.id
      const camp = ids.campaign
      for (const row of report.participation.rows) {
        const b = (await q<{ id: number }>('select id from buildings where community_id = $1 and number = $2', [cid, row.building]))[0]!.id
        const [registered] = await q<{ n: number }>(
          'select count(distinct h.id)::int as n from households h join people p on p.household_id = h.id where h.community_id = $1 and h.building_id = $2',
          [cid, b],
        )
        const [suggested] = await q<{ n: number }>(
          `select count(distinct h.id)::int as n from suggestions s join people p on p.id = s.person_id join households h on h.id = p.household_id
           where s.community_id = $1 and s.campaign_id = $2 and h.building_id = $3`,
          [cid, camp, b],
        )
        // a ballot's household: its own key, or the household of the person who cast it
        const voterSql = (kinds: string) => `
          select count(distinct coalesce(case when bl.voter_key like 'household:%' then bl.voter_key end, 'household:' || ph.key, bl.voter_key))::int as n
          from ballots bl join rounds r on r.id = bl.round_id
          left join people pp on bl.voter_key = 'person:' || pp.id
          left join households ph on ph.id = pp.household_id
          where r.community_id = $1 and r.campaign_id = $2 and r.kind in (${kinds})
            and coalesce(case when bl.voter_key like 'household:%' then bl.building_id end, ph.building_id, bl.building_id) = $3`
        const [voted] = await q<{ n: number }>(voterSql(`'resident', 'resolution'`), [cid, camp, b])
        const [rated] = await q<{ n: number }>(voterSql(`'acceptance'`), [cid, camp, b])
        const [sat] = await q<{ avg: string | null }>(
          `select round(avg((bl.dots->>0)::numeric), 1)::text as avg from ballots bl join rounds r on r.id = bl.round_id
           where r.community_id = $1 and r.campaign_id = $2 and r.kind = 'acceptance' and r.status = 'closed' and bl.building_id = $3`,
          [cid, camp, b],
        )
        expect(row, `building ${row.building}`).toMatchObject({
          registered: registered!.n,
          suggested: suggested!.n,
          voted: voted!.n,
          rated: rated!.n,
          satisfaction: sat!.avg === null ? null : Number(sat!.avg),
        })
      }
      // and by hand, so the SQL above is checked too
      expect(report.participation.rows.map((r) => [r.building, r.registered, r.suggested, r.voted, r.rated, r.satisfaction])).toEqual([
        [3, 2, 2, 2, 2, 4.5],
        [5, 2, 1, 2, 1, 2],
      ])
      const stages = await q<{ stage: string; n: number }>('select stage, count(*)::int as n from projects where community_id = $1 and campaign_id = $2 group by stage', [cid, camp])
      for (const s of report.stages) expect(s.count, s.stage).toBe(stages.find((x) => x.stage === s.stage)?.n ?? 0)
      const durations = await q<{ id: number; days: string }>(
        `select p.id, round((extract(epoch from (select min(r.opens_at) from rounds r where r.kind = 'acceptance' and r.project_ids @> to_jsonb(p.id))
                 - (select min(s.created_at) from suggestions s where s.project_id = p.id and s.status <> 'withdrawn')) / 86400)::numeric, 1)::text as days
         from projects p where p.community_id = $1 and p.campaign_id = $2 order by p.id`,
        [cid, camp],
      )
      expect(report.durations.map((d) => [d.project, d.days])).toEqual(durations.filter((d) => d.days !== null).map((d) => [d.id, Number(d.days)]))
      // P1: first suggestion 11月2日 08:00, 完成 12月8日 12:00
      expect(report.durations).toEqual([{ project: ids.P1, name: '3号楼路灯维修', days: 36.2 }])
      expect([report.medianDays, report.meanDays]).toEqual([36.2, 36.2])
    })

    it('goes to the staff group as PDF and PNG, without names or doors', async () => {
      const ctx = await staffCtx('结项报告')
      await closingSpec.run(ctx, '')
      expect(ctx.said[0]).toMatch(/^结项报告已生成：PDF \d+KB、图片 \d+KB，已发到工作群/)
      const [pdf, png] = await filesOf(ctx.inboundId)
      expect(png!.row.roomId).toBe(staffRoom.id)
      const { text } = await pdfText(pdf!.data)
      expect(text).toContain('结项报告：2026年冬季微更新')
      expect(text).toContain('各楼参与（户）')
      expect(text).toContain('已完工 1 个项目')
      expectPublic(text)
    })

    it('without a staff group, the files come to the chat that asked', async () => {
      await database.db.update(rooms).set({ kind: 'other' }).where(and(eq(rooms.id, staffRoom.id)))
      try {
        const ctx = await staffCtx('结项报告', null)
        await closingSpec.run(ctx, '')
        expect(ctx.said[0]).toContain('发在这里')
        const sent = await filesOf(ctx.inboundId)
        expect(sent.map((f) => [f.row.roomId, f.row.personId])).toEqual([
          [null, ctx.person.id],
          [null, ctx.person.id],
        ])
      } finally {
        await database.db.update(rooms).set({ kind: 'staff' }).where(eq(rooms.id, staffRoom.id))
      }
    })
  })
})
