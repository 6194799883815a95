import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { commitLottery, performDraw, replacementFor, verifyDraw, type Commitment, type DrawFile } from '../../../src/domain/sortition/draw.js'
import { panelProblems } from '../../../src/domain/sortition/groups.js'
import { computeProbabilities } from '../../../src/domain/sortition/leximin.js'
import { buildLottery } from '../../../src/domain/sortition/lottery.js'
import { syntheticInstance } from '../../../src/domain/sortition/synthetic.js'

const instance = syntheticInstance({ candidates: 40, seats: 8, buildings: 3, seed: 11 })
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

let commitment: Commitment
let file: DrawFile

beforeAll(async () => {
  const selection = await computeProbabilities(instance)
  if (!selection.feasible) throw new Error(selection.reasons.join('；'))
  const lottery = await buildLottery(instance, selection)
  commitment = commitLottery(instance, lottery, selection.algorithm, '福彩3D 2025年7月1日开奖号码')
  const r = performDraw(commitment, '527')
  if (!r.ok) throw new Error(r.reason)
  file = r.file
})

describe('draw and verification', () => {
  it('draws reproducibly from the public number', () => {
    const again = performDraw(clone(commitment), '５２７')
    expect(again.ok && again.file).toEqual(file)
    expect(file.panel).toEqual(file.panels[file.chosenIndex])
    expect(file.alternates).toHaveLength(instance.candidates.length - instance.seats)
    expect(file.algorithm).toBe('leximin')
  })

  it('refuses a number that is not one', () => {
    expect(performDraw(commitment, '五百')).toEqual({ ok: false, reason: '开奖号码应为不超过 3 位的数字，例如「开奖 527」' })
  })

  it('an untouched file verifies as 一致', () => {
    expect(verifyDraw(clone(file))).toEqual({ ok: true, message: '一致' })
  })

  it('detects a tampered panel in the lottery', () => {
    const f = clone(file)
    const other = (f.chosenIndex + 1) % f.panels.length
    f.panels[other] = [...f.panels[other]!.slice(1), f.alternates[0]!]
    const r = verifyDraw(f)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.differences.some((d) => d.startsWith('名单列表的哈希不一致'))).toBe(true)
  })

  it('detects a tampered candidate list', () => {
    const f = clone(file)
    f.candidates[0]!.features.building = '99'
    const r = verifyDraw(f)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.differences[0]).toMatch(/^报名名单的哈希不一致：文件中为 [0-9a-f]{12}…，按名单重算为 [0-9a-f]{12}…（名单被改动过）$/)
  })

  it('detects a wrong public number', () => {
    const f = clone(file)
    f.publicNumber = '528'
    const r = verifyDraw(f)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.differences[0]).toContain('随机种子不一致')
  })

  it('detects a swapped winner list and a reordered reserve list', () => {
    const f = clone(file)
    f.panel = f.panels[(f.chosenIndex + 1) % f.panels.length]!
    f.alternates = [...f.alternates].reverse()
    const r = verifyDraw(f)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.differences.some((d) => d.startsWith(`公布的入选名单与第 ${f.chosenIndex} 号名单不同`))).toBe(true)
    expect(r.differences.some((d) => d.startsWith('候补顺序不一致'))).toBe(true)
  })

  it('says what is wrong with something that is not a draw file', () => {
    expect(verifyDraw([])).toEqual({ ok: false, differences: ['文件内容不是抽签文件（应为 JSON 对象）'] })
    expect(verifyDraw({ ...clone(file), seed: 5 })).toEqual({ ok: false, differences: ['文件格式不对：缺少 seed'] })
  })

  it('a replacement keeps every quota', () => {
    const byId = new Map(instance.candidates.map((c) => [c.id, c]))
    for (const declined of file.panel) {
      const sub = replacementFor(instance, file.panel, declined, file.alternates)
      if (sub === undefined) continue
      expect(file.panel).not.toContain(sub)
      expect(panelProblems(instance, [...file.panel.filter((id) => id !== declined), sub], byId)).toEqual([])
    }
  })

  it('npm run verify-draw: 一致, a difference, and a usage line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'draw-'))
    const good = join(dir, 'good.json')
    const bad = join(dir, 'bad.json')
    writeFileSync(good, JSON.stringify(file))
    writeFileSync(bad, JSON.stringify({ ...file, publicNumber: '528' }))
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-draw.ts', ...args], { encoding: 'utf8' })
    const ok = run(good)
    expect(ok.stdout.trim()).toBe('一致')
    expect(ok.status).toBe(0)
    const ko = run(bad)
    expect(ko.status).toBe(1)
    expect(ko.stdout).toContain('随机种子不一致')
    const usage = run()
    expect(usage.stdout).toContain('用法：npm run verify-draw -- <抽签文件.json>')
  })
})
