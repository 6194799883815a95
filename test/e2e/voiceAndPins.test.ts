import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { desc, eq } from 'drizzle-orm'
import { files, reports, suggestions } from '../../src/db/schema.js'
import { FakeClock } from '../support/clock.js'
import { testDatabase } from '../support/db.js'
import { World } from '../support/world.js'

const STAFF = '居委工作群'
const G3 = '3号楼群'
const G5 = '5号楼群'

/**
 * Residents who would rather speak, or show where: a voice message as the intake's "what" (kept,
 * passed on to the staff group and the building's head, 代听 types its words in), a location pin
 * as the place (of a suggestion or a 随手拍, privately even without a command), and erasure that
 * takes the recording and the coordinates with the person.
 */
describe('voice messages and location pins', () => {
  let world: World
  const clock = new FakeClock('2026-12-02T09:00:00+08:00')
  const suggestion = async (id: number) => (await world.app.db.select().from(suggestions).where(eq(suggestions.id, id)))[0]!

  beforeAll(async () => {
    world = new World(await testDatabase(), clock)
    world.group(STAFF, ['王主任'])
    world.group(G3, ['王主任', '陈伯', '刘阿姨', '孙叔叔'])
    world.group(G5, ['王主任', '周姐'])
    await world.start()
    await world.say('王主任', '绑定 3号楼', { room: G3 })
    await world.say('王主任', '绑定 5号楼', { room: G5 })
    await world.say('王主任', '楼组长 @刘阿姨', { room: G3, mentions: ['刘阿姨'] })
    await world.say('王主任', '楼组长 @周姐', { room: G5, mentions: ['周姐'] })
  })
  afterAll(async () => {
    await world?.stop()
    await world?.db.close()
  })

  it('a voice message is the "what": kept, marked 语音, passed on to the staff group and the head', async () => {
    await world.say('陈伯', '建议', { room: G3 })
    expect(world.lastSaid(G3)).toContain('打字不方便可以发语音')
    await world.say('陈伯', '', { room: G3, mention: false, type: 'voice', voiceMs: 12_400 })
    expect(world.lastSaid(G3)).toContain('如果就在3号楼，回复「是」')
    await world.say('陈伯', '是', { room: G3, mention: false })
    await world.say('陈伯', '跳过', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('问题：（语音 12秒，待代听）')
    await world.say('陈伯', '提交', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toBe('@陈伯 已记录您的语音建议，编号 J1（3号楼）。我还听不懂语音，已转给楼组长刘阿姨和居委，他们听后会帮您记成文字。说「我的建议」可查看进展。')

    const j1 = await suggestion(1)
    expect(j1.voiceFileId).not.toBeNull()
    expect(j1.problem).toBe('（语音 12秒，待代听）')
    expect(j1.features).toEqual([])
    const [voice] = await world.app.db.select().from(files).where(eq(files.id, j1.voiceFileId!))
    expect(Buffer.from(voice!.base64, 'base64').toString()).toContain('SILK')

    const ask = '【语音建议 J1】陈伯 发来一段语音（12秒），地点：3号楼。我还听不懂语音，听后请回复「代听 J1 听到的内容」记成文字。'
    expect(world.said(STAFF).slice(-2)).toEqual([ask, expect.stringMatching(/^\[文件\] /)])
    expect(world.said('刘阿姨').slice(-2)).toEqual([ask, expect.stringMatching(/^\[文件\] /)])
    // the head of another building is not bothered
    expect(world.said('周姐').some((t) => t.includes('J1'))).toBe(false)
  })

  it('代听: only staff or the building’s head; the speaker hears the words privately and may correct them', async () => {
    await world.say('孙叔叔', '代听 J1 路灯坏了')
    expect(world.lastSaid('孙叔叔')).toBe('只有楼组长或居委工作人员可以代听语音建议。')
    await world.say('周姐', '代听 J1 路灯坏了')
    expect(world.lastSaid('周姐')).toBe('J1 不在您的楼栋，请居委或那栋楼的楼组长代听。')
    await world.say('刘阿姨', '代听 J1 路灯坏了', { room: G3 })
    expect(world.lastSaid(G3)).toBe('@刘阿姨 请在居委工作群或私聊里代听语音建议。')
    await world.say('刘阿姨', '代听 J1')
    expect(world.said('刘阿姨').slice(-2)).toEqual(['J1 的录音在下面，听后请回复「代听 J1 听到的内容」。', expect.stringMatching(/^\[文件\] /)])

    await world.say('刘阿姨', '代听 J1 3号楼门口的路灯坏了，晚上很黑')
    expect(world.lastSaid('刘阿姨')).toBe('已记下 J1：3号楼门口的路灯坏了，晚上很黑（照明）。提建议的人会收到这段文字，可以自己「修改」。')
    expect(world.lastSaid('陈伯')).toBe('您的语音建议 J1 已由楼组长刘阿姨记为：「3号楼门口的路灯坏了，晚上很黑」。说得不对可以回复「修改 J1 正确的说法」。')
    const j1 = await suggestion(1)
    expect(j1).toMatchObject({ problem: '3号楼门口的路灯坏了，晚上很黑', category: '照明' })
    expect(j1.heardBy).not.toBeNull()
    expect(j1.features.length).toBeGreaterThan(0)
    // staff may correct it again
    await world.say('王主任', '代听 J1 3号楼门口路灯坏了', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('已更新 J1：3号楼门口路灯坏了（照明）')
  })

  it('a voice message at another step is asked in words; 代听 of no such suggestion says so', async () => {
    await world.say('孙叔叔', '建议 车棚电瓶车乱停', { room: G3 })
    await world.say('孙叔叔', '', { room: G3, mention: false, type: 'voice' })
    expect(world.lastSaid(G3)).toContain('语音我还听不懂，这一步请打字回答。')
    await world.say('孙叔叔', '取消', { room: G3, mention: false })
    await world.say('王主任', '代听 J9', { room: STAFF })
    expect(world.lastSaid(STAFF)).toContain('没有找到 J9。')
  })

  it('a location pin at "where" is the place, its coordinates kept', async () => {
    await world.say('孙叔叔', '建议 这里的健身器材坏了')
    await world.say('孙叔叔', '', { type: 'location', place: { name: '幸福里小区东门健身角', address: '幸福路88号', latitude: 31.2304166, longitude: 121.4737011 } })
    expect(world.lastSaid('孙叔叔')).toContain('照片')
    await world.say('孙叔叔', '跳过')
    expect(world.lastSaid('孙叔叔')).toContain('地点：幸福里小区东门健身角')
    await world.say('孙叔叔', '提交')
    expect(world.lastSaid('孙叔叔')).toMatch(/^已记录，编号 J2（.+ · 幸福里小区东门健身角）/)
    expect(await suggestion(2)).toMatchObject({ place: '幸福里小区东门健身角', latitude: 31.230417, longitude: 121.473701 })
    await world.say('王主任', '代听 J2 健身器材坏了', { room: STAFF })
    expect(world.lastSaid(STAFF)).toBe('@王主任 J2 不是语音建议，不用代听。')
  })

  it('a pin sent privately with no command starts a 随手拍 with the place; the pin names the building', async () => {
    await world.say('周姐', '', { type: 'location', place: { name: '幸福里小区5号楼', latitude: 31.2301, longitude: 121.4741 } })
    expect(world.lastSaid('周姐')).toBe('地点记为「幸福里小区5号楼」。请说说是什么问题，例如「3号楼垃圾桶满了」（也可以先发照片）。')
    await world.say('周姐', '楼下垃圾桶满了没人清')
    expect(world.lastSaid('周姐')).toMatch(/^已记录 R1（.+ · 幸福里小区5号楼）/)
    const [r1] = await world.app.db.select().from(reports)
    expect(r1).toMatchObject({ place: '幸福里小区5号楼', latitude: 31.2301, longitude: 121.4741 })
    expect(r1!.buildingId).not.toBeNull()
  })

  it('a pinned home keeps its door number out of the place (it is repeated in groups)', async () => {
    await world.say('孙叔叔', '建议 楼道灯坏了', { room: G3 })
    await world.say('孙叔叔', '', { room: G3, mention: false, type: 'location', place: { name: '幸福里小区3号楼502', latitude: 31.23, longitude: 121.47 } })
    await world.say('孙叔叔', '跳过', { room: G3, mention: false })
    expect(world.lastSaid(G3)).toContain('地点：幸福里小区3号楼***')
    expect(world.lastSaid(G3)).not.toContain('502')
    await world.say('孙叔叔', '取消', { room: G3, mention: false })
  })

  it('the export says which suggestions were voice messages and where pins were dropped', async () => {
    await world.say('王主任', '导出', { room: STAFF })
    const [file] = await world.app.db.select().from(files).orderBy(desc(files.id)).limit(1)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file!.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean)
    const [head, j1, j2] = sheet('建议')
    const col = (name: string) => head!.indexOf(name)
    expect(j1![col('语音')]).toBe('有录音（见工作群，或「代听 编号」再听），已代听')
    expect(j2![col('语音')]).toBeUndefined()
    expect(j2![col('位置坐标')]).toBe('31.230417,121.473701')
    const [rh, r1] = sheet('报事')
    expect(r1![rh!.indexOf('位置坐标')]).toBe('31.2301,121.4741')
  })

  it('删除我的信息 takes the recording and the coordinates with the person', async () => {
    const voiceId = (await suggestion(1)).voiceFileId!
    await world.say('陈伯', '删除我的信息')
    await world.say('陈伯', '确认删除')
    expect(world.lastSaid('陈伯')).toContain('已删除您的信息')
    expect(await world.app.db.select().from(files).where(eq(files.id, voiceId))).toEqual([])
    expect((await suggestion(1)).voiceFileId).toBeNull()
    await world.say('孙叔叔', '删除我的信息')
    await world.say('孙叔叔', '确认删除')
    expect(await suggestion(2)).toMatchObject({ personId: null, latitude: null, longitude: null })
    await world.say('周姐', '删除我的信息')
    await world.say('周姐', '确认删除')
    const [r1] = await world.app.db.select().from(reports)
    expect(r1).toMatchObject({ personId: null, latitude: null, longitude: null })
  })
})
