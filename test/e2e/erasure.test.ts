import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../src/db/scrub.js'
import { householdKeySql } from '../../src/db/households.js'
import { ballots, buildings, erasures, files, households, people, roomMembers, suggestions, questionChoices } from '../../src/db/schema.js'
import { XLSX_TYPE } from '../../src/features/export/index.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '幸福里3号楼'
const NAME = '林小雨'
const DOOR = '1703'

/** Every text, varchar, json and jsonb column of every table, whatever it is for. */
async function findEverywhere(world: World, needle: RegExp): Promise<string[]> {
  const db = world.app.db
  const cols = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await db.execute(sql`select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.data_type in ('text', 'character varying', 'json', 'jsonb')`),
  )
  expect(cols.length).toBeGreaterThan(40)
  const hits: string[] = []
  for (const c of cols) {
    const rows = rowsOf<{ v: string | null }>(await db.execute(sql`select ${sql.identifier(c.column_name)}::text as v from ${sql.identifier(c.table_name)}`))
    for (const r of rows) if (r.v && needle.test(r.v)) hits.push(`${c.table_name}.${c.column_name}: ${r.v.slice(0, 80)}`)
  }
  return hits
}

// the door alone, not as part of a longer number or a hex hash
const DOOR_RE = new RegExp(`(?<![0-9a-fA-F])${DOOR}(?![0-9a-fA-F])`)

describe('删除我的信息 leaves nothing that names the person', () => {
  let world: World
  const clock = new FakeClock('2026-12-01T09:00:00+08:00')
  beforeAll(async () => {
    world = new World(await testDatabase(), clock)
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '张三', NAME, '邻居老周'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
    // privately: the head is told her name and door
    await world.say(NAME, `登记 3号楼 ${DOOR}`)
    await world.say('张三', '确认', { room: G3, mentions: [NAME] })
    await world.say(NAME, `建议 3号楼${DOOR}门口的灯坏了`)
    await world.say(NAME, '跳过')
    await world.say(NAME, '提交')
    // a neighbour names her in his own words
    await world.say('邻居老周', `建议 3号楼车棚太挤，${NAME}说也是`, { room: G3 })
    await world.say('邻居老周', '跳过', { room: G3, mention: false })
    await world.say('邻居老周', '提交', { room: G3, mention: false })
    await world.say('王主任', '建议列表', { room: STAFF })
    await world.say('王主任', '合并 J1 为 路灯维修', { room: STAFF })
    await world.say('王主任', '合并 J2 为 车棚扩建', { room: STAFF })
    await world.say('王主任', '开启投票 P1-P2 每户1票 截止 明天20:00', { room: STAFF })
    await world.say(NAME, '投票 1')
    // a question: her choice with a reason in her own words (the door in it)
    await world.say('王主任', '开启议题 车棚怎么改 选项 加顶棚/加充电桩 范围 3号楼 截止 明天20:00', { room: STAFF })
    await world.say(NAME, `选 2 我家${DOOR}的电瓶车没地方充`)
    await world.say(NAME, '报名议事员')
    await world.say(NAME, '好')
    await world.say(NAME, '是')
    await world.say(NAME, '2')
    await world.say(NAME, '女')
    await world.say(NAME, '业主')
    await world.say(NAME, '确认')
    await world.say('王主任', '导出', { room: STAFF })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('has the name and the door stored in many places before', async () => {
    const hits = await findEverywhere(world, new RegExp(NAME))
    expect(new Set(hits.map((h) => h.split(':')[0])).size).toBeGreaterThanOrEqual(5)
    expect(await findEverywhere(world, DOOR_RE)).not.toEqual([])
    expect(await world.app.db.select().from(files)).not.toEqual([])
  })

  it('after erasure, no text or jsonb column of any table holds the name or the door', async () => {
    await world.say(NAME, '删除我的信息')
    await world.say(NAME, '确认删除')
    expect(world.lastSaid(NAME)).toContain('已删除您的信息')
    expect(world.lastSaid(NAME)).not.toContain(NAME)
    expect(await findEverywhere(world, new RegExp(NAME))).toEqual([])
    expect(await findEverywhere(world, DOOR_RE)).toEqual([])
  })

  it('keeps the anonymous counts and the content of her suggestion, without the door', async () => {
    const db = world.app.db
    expect(await db.select().from(ballots)).toHaveLength(1)
    expect(await db.select().from(erasures)).toHaveLength(1)
    // her household's choice still counts; her link and her words are gone
    expect(await db.select().from(questionChoices)).toMatchObject([{ option: 2, personId: null, reason: null }])
    const [j1] = await db.select().from(suggestions).where(sql`${suggestions.id} = 1`)
    expect(j1?.personId).toBeNull()
    expect(j1?.problem).toContain('门口的灯坏了')
    expect((await db.select().from(files)).filter((f) => f.mediaType === XLSX_TYPE)).toEqual([])
  })

  it('still works for everyone else afterwards', async () => {
    await world.say('邻居老周', '我的建议', { room: G3 })
    expect(world.lastSaid(G3)).toContain('J2')
    await world.say('王主任', '导出', { room: STAFF })
    expect(world.lastSaid(STAFF)).toMatch(/导出|\[文件\]/)
  })
})

describe('erasing one person leaves their namesakes alone', () => {
  let world: World
  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '王芳'])
    world.group('幸福里5号楼', ['王主任'])
    world.addToGroup('幸福里5号楼', world.newPerson('王芳'))
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '绑定 5号楼', { room: '幸福里5号楼' })
    await world.say('王芳', '登记 3号楼 2单元502')
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('keeps the other 王芳’s name, group nickname and household; another building’s same door stays', async () => {
    const other = (await world.app.db.select().from(people).where(eq(people.name, '王芳'))).find((p) => p.puppetId !== world.person('王芳').id)!
    const [b5] = await world.app.db.select().from(buildings).where(eq(buildings.number, 5))
    await world.app.db.insert(households).values({ communityId: b5!.communityId, buildingId: b5!.id, unit: '2单元502', key: householdKeySql(b5!.id, '2单元502'), createdAt: new Date() })
    await world.say('王芳', '删除我的信息')
    await world.say('王芳', '确认删除')
    const [still] = await world.app.db.select().from(people).where(eq(people.id, other.id))
    expect(still?.name).toBe('王芳')
    const nick = await world.app.db.select().from(roomMembers).where(eq(roomMembers.personId, other.id))
    expect(nick.map((n) => n.nickname)).toEqual(['王芳'])
    expect((await world.app.db.select().from(households)).map((h) => h.unit)).toEqual(['2单元502'])
  })
})
