import { describe, expect, it } from 'vitest'
import { conflictText } from '../../../src/features/implementation/news.text.js'

const TZ = 'Asia/Shanghai'

/** a work at `places` from the start of one day to the end of another (Shanghai) */
const site = (p: { project: number; name: string; partner: string; places: string[]; from: string; to: string }) => ({
  ...p,
  id: p.project,
  startsAt: new Date(`${p.from}T00:00:00+08:00`),
  dueAt: new Date(`${p.to}T23:59:00+08:00`),
})

describe('conflictText', () => {
  it('names both works, the shared places and both windows on one line', () => {
    const a = site({ project: 3, name: '绿化改造', partner: '绿化所', places: ['b:3', 'a:中心花园'], from: '2026-12-01', to: '2026-12-31' })
    const b = site({ project: 5, name: '管网改造', partner: '水务所', places: ['b:3', 'a:中心花园'], from: '2026-12-10', to: '2027-01-15' })
    const text = conflictText(a, b, ['b:3', 'a:中心花园'], TZ)
    expect(text).toBe('⚠️ 施工冲突：P3「绿化改造」（绿化所，12月1日–12月31日）与P5「管网改造」（水务所，12月10日–2027年1月15日）都在 3号楼、中心花园 施工，时间重叠，请协调先后。')
    expect(text).not.toContain('\n')
  })

  it('keeps long names short', () => {
    const a = site({ project: 3, name: '很'.repeat(100), partner: '绿化所', places: ['b:3'], from: '2026-12-01', to: '2026-12-31' })
    const b = site({ project: 5, name: '长'.repeat(100), partner: '单'.repeat(50), places: ['b:3'], from: '2026-12-01', to: '2026-12-31' })
    expect(conflictText(a, b, ['b:3'], TZ).length).toBeLessThan(140)
  })
})
