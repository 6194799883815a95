import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { councilCandidates, councilDraws, files, people, roles } from '../../src/db/schema.js'
import { performDraw, verifyDraw, type Commitment, type DrawFile } from '../../src/domain/sortition/index.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '幸福里3号楼'
const G5 = '幸福里5号楼'
const G7 = '幸福里7号楼'
const COUNCIL = '幸福里议事会'
const BUILDINGS = [G3, G5, G7]

describe('the council lottery', () => {
  let world: World
  const db = () => world.app.db

  /** answers a sign-up dialog step by step (in a group: without @, as people do) */
  async function signUp(who: string, room: string | undefined, start: string, answers: string[]): Promise<void> {
    await world.say(who, start, room ? { room } : {})
    for (const a of answers) await world.say(who, a, room ? { room, mention: false } : {})
  }

  async function latestDraw() {
    const [d] = await db().select().from(councilDraws)
    return d!
  }

  beforeAll(async () => {
    world = new World(await testDatabase())
    world.group(STAFF, ['王主任', '李干事'])
    world.group(G3, ['王主任', '张三', '赵阿姨', '钱阿姨', '孙大爷'])
    world.group(G5, ['王主任', '李四', '周阿姨', '吴叔叔', '冯先生'])
    world.group(G7, ['王主任', '郑大姐'])
    world.group(COUNCIL, ['王主任'])
    await world.start()
    for (const [g, n] of [[G3, 3], [G5, 5], [G7, 7]] as const) await world.say('王主任', `绑定 ${n}号楼`, { room: g })
    await world.say('王主任', '楼组长', { room: G3, mentions: ['张三'] })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('signs people up in a short dialog: consent first, defaults, skips', async () => {
    await world.say('赵阿姨', '报名议事员', { room: G3 })
    const first = world.said(G3).slice(-2)
    expect(first[0]).toContain('报名信息只用于抽签：结果公布时只显示称呼和楼号')
    expect(first[1]).toContain('回复「好」就用「赵阿姨」')
    await world.say('赵阿姨', '好', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('回复「是」就是3号楼')
    await world.say('赵阿姨', '是', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('1 青年18-39 / 2 中年40-59 / 3 老年60以上 / 跳过')
    await world.say('赵阿姨', '三', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('男 / 女 / 跳过')
    await world.say('赵阿姨', '女', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('业主 / 租户 / 跳过')
    await world.say('赵阿姨', '业主', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('请核对：称呼「赵阿姨」，3号楼，老年60以上，女，业主')
    await world.say('赵阿姨', '确认', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('已报名议事员！')

    await signUp('钱阿姨', G3, '我要报名', ['钱姐', '是', '跳过', '女', '跳过'])
    expect(world.lastSaid(G3)).toContain('称呼「钱姐」，3号楼，年龄未填，女，业主/租户未填')
    await world.say('钱阿姨', '确认', { room: G3, mention: false })
    // privately: no building known, so it is asked (三号楼 style accepted)
    await signUp('李四', undefined, '报名', ['好', '五号楼', '1', '男', '租户', '确认'])
    expect(world.lastSaid('李四')).toContain('称呼「李四」，5号楼，青年18-39，男，租户')
    await signUp('周阿姨', G5, '报名议事员', ['好', '是', '2', '女', '业主', '确认'])
    await signUp('吴叔叔', G5, '报名议事员', ['好', '是', '3', '男', '业主', '确认'])
    await signUp('郑大姐', G7, '报名议事员', ['好', '是', '3', '女', '业主', '确认'])
    // a second sign-up updates the first
    await signUp('钱阿姨', G3, '报名议事员', ['好', '是', '2', '女', '租户', '确认'])
    const rows = await db().select().from(councilCandidates)
    expect(rows.filter((r) => r.status === 'accepted')).toHaveLength(6)
    expect(rows.find((r) => r.name === '钱姐')).toMatchObject({ ageBand: '40-59岁', tenure: '租户', source: 'self' })
  })

  it('takes recommendations from heads: accepted, declined, already in the pool', async () => {
    await world.say('周阿姨', '推荐', { room: G5, mentions: ['吴叔叔'] })
    expect(world.lastSaid(G5)).toContain('推荐议事员由楼组长')
    await world.say('张三', '推荐', { room: G3, mentions: ['孙大爷'] })
    expect(world.said(G3).slice(-2).join('\n')).toContain('@孙大爷 张三推荐您参加议事会')
    // a real @: WeChat notifies him
    expect(world.transcript.filter((m) => m.where === G3 && m.text.includes('推荐您参加')).map((m) => m.mentions)).toEqual([['孙大爷']])
    await world.say('张三', '推荐', { room: G3, mentions: ['赵阿姨'] })
    expect(world.lastSaid(G3)).toContain('赵阿姨 已经在议事员报名名单里了')
    await signUp('孙大爷', G3, '接受推荐', ['好', '是', '老年', '男', '业主', '确认'])
    expect(world.lastSaid(G3)).toContain('已报名议事员！')

    await world.say('王主任', '推荐', { room: G5, mentions: ['冯先生'] })
    await world.say('冯先生', '不接受', { room: G5 })
    expect(world.lastSaid(G5)).toContain('已记下您这次不参加')
    const rows = await db().select().from(councilCandidates)
    expect(rows.find((r) => r.name === '孙大爷')).toMatchObject({ source: 'recommended', status: 'accepted', building: 3 })
    expect(rows.find((r) => r.name === '冯先生')).toMatchObject({ status: 'declined' })
  })

  it('shows staff the pool by building and attribute, with names', async () => {
    await world.say('赵阿姨', '议事员报名', { room: G3 })
    expect(world.lastSaid(G3)).toContain('请在居委工作群或私聊里')
    await world.say('王主任', '议事员报名', { room: STAFF })
    const pool = world.lastSaid(STAFF)
    expect(pool).toContain('共 7 人')
    expect(pool).toContain('1 人不接受推荐')
    expect(pool).toContain('按楼：3号楼 3 · 5号楼 3 · 7号楼 1')
    expect(pool).toContain('性别：女 4 · 男 3')
    expect(pool).toContain('3号楼：赵阿姨、钱姐、孙大爷（推荐）')
  })

  it('explains infeasible quotas and draws nothing', async () => {
    await world.say('王主任', '议事会 4席 租户至少3席', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('这些配额无法同时满足，没有抽签')
    expect(world.lastSaid(STAFF)).toContain('租户至少 3 席，但只有 2 位租户报名')
    await world.say('王主任', '议事会 四十席', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('总席位 40 席，但只有 7 位报名者')
    await world.say('王主任', '议事会 每栋至少一席', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('请写明总席位')
    expect((await latestDraw()).computed).toBeNull()
  })

  it('freezes the pool; later sign-ups are refused politely', async () => {
    await world.say('王主任', '公布抽签 福彩3D 12月5日', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('请先说「议事员报名 截止」')
    await world.say('王主任', '议事员报名 截止', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('议事员报名已截止，共 7 人')
    await world.say('冯先生', '报名议事员', { room: G5 })
    expect(world.lastSaid(G5)).toContain('议事员报名已经截止了')
  })

  it('computes LEXIMIN chances off the event loop and warns about the forced', async () => {
    await world.say('王主任', '议事会 3席 每栋至少1席 女性至少1席', { room: STAFF })
    const said = world.said(STAFF).slice(-2)
    expect(said[0]).toContain('正在计算每人的入选概率')
    const chances = said[1]!
    expect(chances).toContain('算法：LEXIMIN')
    expect(chances).toContain('最低入选概率：33%')
    expect(chances).toContain('【注意】以下报名者必然入选')
    expect(chances).toContain('郑大姐 7号楼：7号楼至少 1 席')
    expect(chances).toContain('7号楼：郑大姐 100%')
    for (const n of ['赵阿姨', '钱姐', '孙大爷', '李四', '周阿姨', '吴叔叔']) expect(chances).toContain(`${n} 33%`)
    // computed in a worker thread, not on the bot's event loop
    expect(((await latestDraw()).computed as { via?: string }).via).toBe('worker')
  })

  it('publishes the lottery with both hashes to every building group', async () => {
    await world.say('王主任', '绑定 议事会', { room: COUNCIL })
    expect(world.lastSaid(COUNCIL)).toContain('本群已绑定为议事会群')
    await world.say('王主任', '公布抽签 福彩3D 12月5日', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已公布抽签办法，发往 3 个群')
    const commitment = (await latestDraw()).file as unknown as Commitment
    for (const g of BUILDINGS) {
      const post = world.said(g).filter((t) => t.includes('【议事会抽签公告】')).join('\n')
      expect(post).toContain(`报名名单 SHA-256：${commitment.candidateHash}`)
      expect(post).toContain(`名单列表 SHA-256：${commitment.panelsHash}`)
      expect(post).toContain('「福彩3D 12月5日」的开奖号码')
      expect(post).toContain('7号楼：郑大姐 100%')
      expect(post).toContain('npm run verify-draw -- 抽签文件')
    }
    await world.say('王主任', '议事会 3席', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('抽签办法已经公布，不能再改')
  })

  it('draws with the public number: panel posted, roles given, a verifiable file sent', async () => {
    await world.say('王主任', '开奖 ５２７', { room: STAFF })
    const reply = world.said(STAFF).find((t) => t.includes('已开奖'))!
    expect(reply).toContain('已开奖：号码 527')
    const draw = await latestDraw()
    const file = draw.file as unknown as DrawFile
    expect(draw.status).toBe('drawn')
    expect(file.panel).toHaveLength(3)
    expect(file.panel).toContain('郑大姐 7号楼')
    for (const g of [...BUILDINGS, COUNCIL]) {
      const post = world.said(g).find((t) => t.includes('【议事会抽签结果】'))!
      expect(post).toContain(`开奖号码 527 → 抽中第 ${file.chosenIndex} 号名单`)
      expect(post).toContain('7号楼：郑大姐')
    }
    // the drawn are council members
    const council = await db().select({ name: people.name }).from(roles).innerJoin(people, eq(people.id, roles.personId)).where(eq(roles.role, 'council'))
    expect(council).toHaveLength(3)
    expect(council.map((c) => c.name)).toContain('郑大姐')
    // the staff group got the file; read back from the files table, it verifies
    expect(world.said(STAFF).some((t) => /^\[文件\] 抽签-\d{4}-\d{2}-\d{2}\.json$/.test(t))).toBe(true)
    const [stored] = await db().select().from(files).where(and(eq(files.mediaType, 'application/json')))
    expect(stored!.name).toMatch(/^抽签-\d{4}-\d{2}-\d{2}\.json$/)
    const exported = JSON.parse(Buffer.from(stored!.base64, 'base64').toString('utf8')) as DrawFile
    expect(verifyDraw(exported)).toEqual({ ok: true, message: '一致' })
    // same number → same panel (on whichever database this runs)
    const again = performDraw(draw.file as unknown as Commitment, '527')
    expect(again.ok && again.file.panel).toEqual(file.panel)
    expect(again.ok && again.file.alternates).toEqual(file.alternates)
    // a second 开奖 refuses and says what was drawn
    await world.say('王主任', '开奖 527', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain(`已经开过奖了：「福彩3D 12月5日」号码 527，抽中第 ${file.chosenIndex} 号名单`)
    // a tampered file does not verify
    expect(verifyDraw({ ...exported, panel: [...exported.panel.slice(1), exported.alternates[0]] }).ok).toBe(false)
  })
})
