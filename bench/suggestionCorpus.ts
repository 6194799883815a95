import { seededRandom } from '../src/domain/random.js'
import { featuresOf, type Candidate } from '../src/domain/suggestions/similarity.js'
import { understandSuggestion, type Category } from '../src/domain/suggestions/understand.js'

/** Resident-like suggestions over some buildings × the 9 categories, reproducible from a seed. */
export function suggestionCorpus(seed: number, buildings: number) {
  const rand = seededRandom(seed)
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
      const building = fixed?.building ?? (rand() < 0.1 ? undefined : 1 + Math.floor(rand() * buildings))
      const c = candidateOf(i + 1, suggestionText(building, cat), building)
      out.push({ ...c, features: featuresOf(c.text) })
    }
    return out
  }

  return { rand, pick, CATS, suggestionText, generate }
}
