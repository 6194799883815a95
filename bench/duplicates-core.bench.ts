/**
 * Duplicate check at submission, pure core only (no database): 5,000 existing suggestions of
 * one community (20 buildings × 9 categories, resident-like phrasings), then N new submissions
 * timed against
 *   - the realistic subset: what the intake would load (same building, or same place kind when
 *     the new one has no building), features precomputed and stored;
 *   - all 5,000 passed in (findDuplicates keys them itself), features precomputed;
 *   - the realistic subset without stored features (featuresOf for each candidate on the fly);
 *   - a worst case: 5,000 in the very same building and category (nothing for the key to drop).
 *
 *   npx tsx bench/duplicates-core.bench.ts [--n 2000] [--seed 1]
 */
import { performance } from 'node:perf_hooks'
import { featuresOf, findDuplicates, type Candidate } from '../src/domain/suggestions/similarity.js'
import { understandSuggestion, type Category } from '../src/domain/suggestions/understand.js'

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : dflt
}
const N = arg('n', 2000)
const SEED = arg('seed', 1)
const EXISTING = 5000
const BUILDINGS = 20

// mulberry32: reproducible runs
let state = SEED >>> 0
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!

const PLACES = ['门口', '楼下', '楼道', '前面', '楼后', '', '', '2单元门口', '电梯口']
const OPENERS = ['', '', '希望', '建议', '麻烦物业看一下，', '反映一下，']
const TAILS = ['', '', '，晚上很不方便', '，好几天了', '，老人出行不便', '，请尽快处理', '！', '，谢谢']
const PROBLEMS: Record<Category, string[]> = {
  照明: ['路灯坏了', '的灯不亮', '楼道灯坏了', '声控灯不灵', '晚上太黑了', '路灯一闪一闪的', '灯太暗看不清路'],
  停车: ['乱停车', '车位太少', '电瓶车没地方停', '车停得乱七八糟', '僵尸车占着车位', '外来车辆乱停'],
  充电: ['飞线充电太危险', '充电桩不够', '充电桩坏了', '有人拉电线给电瓶车充电', '需要加装充电桩'],
  道路: ['积水', '路面坑坑洼洼', '地砖松了', '台阶太高', '井盖松动', '需要修无障碍坡道'],
  电梯: ['电梯经常坏', '电梯困人', '希望加装电梯', '电梯按钮失灵', '电梯老是出故障'],
  垃圾: ['垃圾桶太臭', '垃圾没人清', '垃圾桶不够', '垃圾分类桶太少', '垃圾桶满了'],
  绿化: ['树枝挡窗户', '树该修剪了', '杂草太多', '草坪被踩秃了', '树太高挡光'],
  安全: ['监控坏了', '门禁坏了', '楼道堆满杂物', '栏杆松了很危险', '有人高空抛物', '需要装监控'],
  其他: ['墙皮脱落', '楼顶漏水', '窗户玻璃碎了', '健身器材坏了', '晾衣架不够', '信箱坏了'],
}
const CATS = Object.keys(PROBLEMS) as Category[]

function suggestionText(building: number | undefined, cat: Category): string {
  const where = building === undefined ? pick(['东门', '小区大门', '车棚', '中心花园', '地下车库', '']) : `${pick([`${building}号楼`, `${building}栋`, `${building}幢`])}${pick(PLACES)}`
  return `${pick(OPENERS)}${where}${pick(PROBLEMS[cat])}${pick(TAILS)}`
}

function candidateOf(id: number, text: string, building?: number): Candidate {
  const u = understandSuggestion(text)
  return {
    id,
    text,
    building: building ?? u.building ?? null,
    unit: u.unit ?? null,
    place: u.place ?? null,
    placeKind: u.placeKind ?? null,
    category: u.category,
  }
}

function generate(n: number, fixed?: { building: number; category: Category }): Candidate[] {
  const out: Candidate[] = []
  for (let i = 0; i < n; i++) {
    const cat = fixed?.category ?? pick(CATS)
    // about 1 in 10 is about the whole community (gate, bike shed, garden): no building
    const building = fixed?.building ?? (rand() < 0.1 ? undefined : 1 + Math.floor(rand() * BUILDINGS))
    const c = candidateOf(i + 1, suggestionText(building, cat), building)
    out.push({ ...c, features: featuresOf(c.text) })
  }
  return out
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
function report(label: string, times: number[], sizes: number[], hits: number): void {
  const t = [...times].sort((a, b) => a - b)
  const avgSize = sizes.reduce((a, b) => a + b, 0) / sizes.length
  console.log(
    `${label.padEnd(44)} p50 ${percentile(t, 50).toFixed(3)} ms  p99 ${percentile(t, 99).toFixed(3)} ms  max ${t[t.length - 1]!.toFixed(3)} ms` +
      `  (candidates passed ≈ ${avgSize.toFixed(0)}, submissions with a hint ${((100 * hits) / times.length).toFixed(0)}%)`,
  )
}

function time(label: string, queries: Candidate[], candidatesFor: (q: Candidate) => readonly Candidate[]): void {
  const times: number[] = []
  const sizes: number[] = []
  let hits = 0
  for (const q of queries.slice(0, 50)) findDuplicates(q, candidatesFor(q)) // warm-up
  for (const q of queries) {
    const cands = candidatesFor(q)
    const t0 = performance.now()
    const found = findDuplicates(q, cands)
    times.push(performance.now() - t0)
    sizes.push(cands.length)
    if (found.length > 0) hits++
  }
  report(label, times, sizes, hits)
}

// --- run ------------------------------------------------------------------------------------

let t0 = performance.now()
featuresOf('路灯坏了') // loads the jieba dictionary
console.log(`jieba dictionary load: ${(performance.now() - t0).toFixed(0)} ms`)

t0 = performance.now()
const existing = generate(EXISTING)
const genMs = performance.now() - t0
const sample = existing.slice(0, 2000).map((c) => c.text)
t0 = performance.now()
for (const s of sample) featuresOf(s)
console.log(
  `${EXISTING} existing suggestions generated in ${genMs.toFixed(0)} ms; featuresOf ${((1000 * (performance.now() - t0)) / sample.length).toFixed(1)} µs per suggestion`,
)

const queries = generate(N).map((q, i) => ({ ...q, id: EXISTING + 1 + i, features: undefined }))
const byBuilding = new Map<number | null, Candidate[]>()
for (const c of existing) {
  const k = c.building ?? null
  byBuilding.set(k, [...(byBuilding.get(k) ?? []), c])
}
const realistic = (q: Candidate): readonly Candidate[] => byBuilding.get(q.building ?? null) ?? []
const bare = existing.map(({ features: _f, ...c }) => c)
const bareByBuilding = new Map<number | null, Candidate[]>()
for (const c of bare) {
  const k = c.building ?? null
  bareByBuilding.set(k, [...(bareByBuilding.get(k) ?? []), c])
}

console.log(`\n${N} submissions, findDuplicates per submission (query features computed inside):`)
time('realistic subset (same building), stored features', queries, realistic)
time(`all ${EXISTING} passed, stored features`, queries, () => existing)
time('realistic subset, features computed on the fly', queries, (q) => bareByBuilding.get(q.building ?? null) ?? [])

const worst = generate(EXISTING, { building: 3, category: '照明' })
const worstQueries = generate(Math.min(N, 500), { building: 3, category: '照明' }).map((q, i) => ({ ...q, id: 2 * EXISTING + i, features: undefined }))
time(`worst case: ${EXISTING} in one building + category`, worstQueries, () => worst)
