/**
 * The words the implementation parsers recognise (资源, 派单, 进度, 完成, 评价, due dates). Patterns are
 * matched against width-normalised text; the parsers in this folder hold the logic around them.
 */

// --- numbers and money ---------------------------------------------------------------------------

export const NUMERALS = '零〇一二两三四五六七八九十百千万亿'
export const CN_OR_DIGIT = `[\\d${NUMERALS}]`
/** 百 alone is a hundred (chineseToNumber wants a digit before it) */
export const HUNDRED = '百'

/** digits and numerals, with a decimal point or a thousands comma only between digits */
const NUM_BODY = `${CN_OR_DIGIT}(?:${CN_OR_DIGIT}|[.点](?=${CN_OR_DIGIT})|,(?=\\d{3}))*`
/** What people type before/after an amount: 约5万, 5万元左右, ¥8000. */
export const AMOUNT = `(?:约|大约|大概|共|合计|总计)?\\s*¥?\\s*${NUM_BODY}\\s*(?:[kKwW](?![A-Za-z]))?\\s*(?:元整?|块钱?|圆)?(?:多|余|左右)?`
/** 5万元, ¥8000, 8000块, a lone 5万: plainly money without a keyword */
export const BARE_AMOUNT = new RegExp(
  `(?<![A-Za-z\\d.${NUMERALS}])(?:¥\\s*${NUM_BODY}\\s*(?:[kKwW](?![A-Za-z]))?\\s*(?:元|块钱?|圆)?|${NUM_BODY}\\s*(?:元|块钱|圆)|\\d+(?:\\.\\d+)?\\s*块|\\d+(?:\\.\\d+)?\\s*[万千](?=$|[\\s,;]))`,
)
/** an amount that is money, not a numeral glued to a word (预算一般) */
export const MONEY_MARK = /[\d万千百亿元块圆]/
export const ABOUT_TAIL = /(?:多|余|左右)$/
export const UNDECIDED = '待定|未定|面议|另议|不定|再定|暂定|未知|不详'
/** 预算5万, 预算为5万, 预算: 5万 */
export const moneyKeyword = (keywords: string[]): RegExp => new RegExp(`(${keywords.join('|')})\\s*(?:为|是|:)?\\s*`, 'g')

/** 资源: words before a budget; the strong ones followed by anything unreadable are a mistake */
export const RESOURCE_MONEY = ['预算', '经费', '资金', '费用', '造价', '金额', '出资', '投入', '投资', '拨款']
export const RESOURCE_STRONG = ['预算', '经费', '费用', '造价']
/** 派单: words before a cost */
export const COST_MONEY = ['费用', '预算', '造价', '报价', '经费', '金额', '价格', '花费', '工程款', '投资', '资金']
export const COST_STRONG = ['费用', '预算', '造价', '报价', '经费', '金额', '价格', '工程款']

// --- project codes -------------------------------------------------------------------------------

/** a bare leading number: 3, 3号, 三号项目, 第3项 */
export const BARE_PROJECT = new RegExp(`^(?:第\\s*)?(\\d{1,9}|[${NUMERALS}]+)\\s*(?:号项目|号|项)?(?=$|[\\s,;]|:(?!\\d))`)

// --- 派单 ----------------------------------------------------------------------------------------

const DATE_TEXT = [
  `(?:(?:\\d{2,4}|[零〇一二三四五六七八九]{2,4})年|今年|明年)?${CN_OR_DIGIT}{1,3}月份?(?:${CN_OR_DIGIT}{1,3}[日号]?|底|末|中旬|中|初|上旬|下旬)?`,
  `(?:\\d{4}[-/.])?\\d{1,2}[-/.]\\d{1,2}(?![\\d.])`,
  `(?:本|这个?|下个?)月(?:${CN_OR_DIGIT}{1,3}[日号]|底|末|中旬|中|初|上旬|下旬)?`,
  `${CN_OR_DIGIT}{1,3}[日号]`,
  `今天|明天|后天|大后天`,
  `(?:本|这|下)?个?(?:周|星期|礼拜)[一二三四五六日天1-7]`,
].join('|')
const START_WORDS = '开工|动工|进场|开始施工|施工开始|开始'
/** 开工12月1日, 从12月1日, 12月1日开工 (global: the parser resets lastIndex before each use) */
export const START_RES = [
  new RegExp(`(?:${START_WORDS})(?:时间|日期)?\\s*(?:为|是|:)?\\s*(?:于|在|从|定在)?\\s*(${DATE_TEXT})`, 'g'),
  new RegExp(`(?:从|自)\\s*(${DATE_TEXT})\\s*(?:起|${START_WORDS})?`, 'g'),
  new RegExp(`(${DATE_TEXT})\\s*(?:起|${START_WORDS})`, 'g'),
]
/** 12月1日-12月31日, 12月1日到12月底: a start and a due at once */
export const RANGE_RE = new RegExp(`(?:(?:工期|${START_WORDS})(?:时间|日期)?\\s*:?\\s*)?(?:从|自)?\\s*(${DATE_TEXT})\\s*(?:起|开始|${START_WORDS})?\\s*(?:-|~|—|到|至)\\s*(${DATE_TEXT})`)
export const START_UNDECIDED = new RegExp(`(?:${START_WORDS})(?:时间|日期)?\\s*(?:${UNDECIDED})`)

/** Words that carry nothing: 由 绿化所 负责. */
export const FILLER = /^(?:由|交给|交由|给|负责|承接|施工|来做|做|派给|派|到|至|和|并|:|-|—)$/
/** 由绿化所: the partner without the word before it */
export const PARTNER_LEAD = /^(?:由|交给|交由|派给)(?=.)/
/** Where a due phrase may start when glued to the partner (绿化所预计12月底). */
export const DUE_LEAD = /(预计|预期|计划|争取|力争|截止|截至|工期|最迟|最晚)/g
/** A glued suffix is only split off when it plainly is a time (阳光三月 stays a name). */
export const DUE_MARK = /[底末中初旬日号天周]|个月|星期|礼拜|[内前]$/

// --- 进度 ----------------------------------------------------------------------------------------

const PCT_NUM = `(\\d{1,6}(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+)`
const PCT_LEAD = '(?:(?:进度|已完成|完成了|完成|已经|已|达到|到了)\\s*:?\\s*)*'
/** 60%, 百分之六十, 六成(半): the last form counts in tenths */
export const PCT_FORMS = [
  new RegExp(`${PCT_LEAD}(?<![\\d.零〇一二两三四五六七八九十百])${PCT_NUM}\\s*%`),
  new RegExp(`${PCT_LEAD}百分之\\s*${PCT_NUM}`),
  new RegExp(`${PCT_LEAD}(?<![\\d.])(10|\\d|[一二两三四五六七八九十])\\s*成(半)?`),
]
/** a bare number right after the code (P3 60 …, P3 进度60 …) */
export const PCT_BARE = new RegExp(`^\\s*${PCT_LEAD}(\\d{1,6}(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+)(?=$|[\\s,;:。!?]|\\.(?!\\d))`)
/** "进度 P3 怎么样了" is a question, not an update */
export const QUESTION = /[?？]|吗|怎么样|如何|到哪|多少|咋样/

// --- 完成 ----------------------------------------------------------------------------------------

export const CLOSE_LEAD = /^(?:(?:评价|评分|验收|打分)?(?:截止|截至|结束)(?:时间|日期)?(?:到|为|是|于|在)?|评价到|评价至|到|至|:)\s*/

// --- places (施工冲突) -----------------------------------------------------------------------------

/** 中心花园附近 is 中心花园 */
export const PLACE_VAGUE_TAIL = /(?:的|处|附近|周边|周围|旁边|一带|边上|那里|那边|这里|这边)$/
/** a place that is just a building: 3号楼, 三栋 (numerals already digits) */
export const PLACE_BUILDING = /^(?:第)?(\d{1,3})(?:号楼|栋|幢|座|号)$/

// --- due dates -----------------------------------------------------------------------------------

/** 12月底, 12月初 …: the part of a month each word names */
export const MONTH_PARTS: Record<string, 'early' | 'middle' | 'midTen' | 'late'> = {
  初: 'early',
  上旬: 'early',
  中: 'middle',
  中旬: 'midTen',
  底: 'late',
  末: 'late',
  下旬: 'late',
}
const PART = '(底|末|中旬|中|初|上旬|下旬)'
/** 今年/明年/后年, 今/本/明/后(年): years ahead, by the first character */
export const YEARS_AHEAD: Record<string, number> = { 今: 0, 本: 0, 明: 1, 后: 2 }
/** 本月/下个月/下下周 …: months or weeks ahead */
export const AHEAD: Record<string, number> = { 本: 0, 这: 0, 这个: 0, 当: 0, 下: 1, 下个: 1, 下下: 2, 下下个: 2 }
export const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 大后天: 3 }
/** 周一 … 周日; anything else the week pattern allows (末) is the weekend */
export const WEEKDAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 0 }
export const HALF = '半'

/** 预计…前完成 around a date */
export const DUE_LEADING = /^(?:预计|预期|计划|争取|力争|完成|完工|竣工|工期|截止到?|截至|最迟|最晚|最好|大概|大约|约|要在|要|将在|将于|应在|需在|能在|能|可以|在|于|到|至|:)/
export const DUE_TRAILING = /(?:之前|以前|前|完成|完工|竣工|交付|交工|结束|收尾|左右|为止|截止|完|了|吧)$/

/** The shapes of a due date, numerals already digits and spaces gone. */
export const DUE_FORMS = {
  /** 2027年1月15日, 明年3月15号, 12月15日, 12月15 */
  day: /^(?:(\d{4}|\d{2})年|(今年|明年|后年))?(\d{1,2})月份?(\d{1,2})[日号]?$/,
  /** 2027-1-15, 2027/1/15, 2027.1.15, 12-15, 12/15, 12.15 */
  numericDay: /^(?:(\d{4})[-/.])?(\d{1,2})[-/.](\d{1,2})[日号]?$/,
  /** 12月底, 明年3月, 2027年1月中旬, 3月份 */
  month: new RegExp(`^(?:(\\d{4}|\\d{2})年|(今年|明年|后年))?(\\d{1,2})月份?${PART}?$`),
  /** 月底, 本月底, 下个月中, 下月15号, 这个月 */
  relativeMonth: new RegExp(`^(本|这个?|当|下个?|下下个?)?月(?:份)?(?:${PART}|(\\d{1,2})[日号])?$`),
  /** 15号 */
  dayOfMonth: /^(\d{1,2})[日号]$/,
  /** 年底, 今年底, 明年年底, 2027年底, 年内 */
  yearEnd: /^(?:(\d{4})|(今|本|明|后))?年{1,2}(底|末|终|内)?$/,
  /** 今天, 明天, 后天 */
  relativeDay: /^(今天|今日|明天|明日|后天|大后天)$/,
  /** 本周, 周末, 下周, 下周五 */
  week: /^(本|这|下|下下)?个?(?:周|星期|礼拜)(末|[一二三四五六日天1-7])?$/,
  /** 3天, 10天内, 30日内 */
  days: /^(\d{1,4})(?:天|日(?=内|以内|之内))(?:内|以内|之内|后|以后)?$/,
  /** 两周, 2个星期 */
  weeks: /^(\d{1,3})(?:个?星期|个?礼拜|周)(?:内|以内|之内|后|以后)?$/,
  /** 1个月, 一个半月, 半个月 */
  months: /^(\d{1,2}|半)个(半)?月(?:内|以内|之内|后|以后)?$/,
  /** 1年内, 半年内; 半年 */
  years: /^(\d|半)年(?:内|以内|之内|后|以后)$/,
  halfYear: /^(半)年$/,
}

// --- 评价 ----------------------------------------------------------------------------------------

/** Words for a score. Longest first: at one position the longer phrase wins (很不满意 over 不满意 over 满意). */
export const RATING_WORDS: [string, number][] = (
  [
    ['非常不满意', 1], ['很不满意', 1], ['特别不满意', 1], ['极不满意', 1], ['太差', 1], ['很差', 1], ['非常差', 1], ['特别差', 1], ['极差', 1], ['太烂', 1], ['糟糕', 1],
    ['不是很满意', 2], ['不是太满意', 2], ['不怎么满意', 2], ['不太满意', 2], ['不大满意', 2], ['不满意', 2], ['不太好', 2], ['不好', 2], ['较差', 2], ['比较差', 2], ['有点差', 2],
    ['一般般', 3], ['一般', 3], ['还行', 3], ['还可以', 3], ['凑合', 3], ['马马虎虎', 3], ['过得去', 3], ['不是特别满意', 3], ['基本满意', 3],
    ['满意', 4], ['比较满意', 4], ['挺满意', 4], ['还算满意', 4], ['还满意', 4], ['挺好', 4], ['不错', 4], ['还不错', 4], ['比较好', 4], ['较好', 4],
    ['非常满意', 5], ['很满意', 5], ['特别满意', 5], ['十分满意', 5], ['超满意', 5], ['太满意', 5], ['相当满意', 5], ['非常好', 5], ['特别好', 5], ['很好', 5], ['太好了', 5], ['好极了', 5], ['很棒', 5], ['太棒', 5], ['满分', 5],
  ] as [string, number][]
).sort((a, b) => b[0].length - a[0].length)

const SCORE_CN = '零〇一二两三四五六七八九十'
const SCORE_NUM = `(\\d+(?:\\.\\d+)?|[${SCORE_CN}]+)`
/** what may not follow a number that is a score: 3号楼, 2个, 5天, 10点 … */
const NOT_AFTER_SCORE = '(?![\\d.号楼栋幢座单元层个天周月年点时米%％百千万元块次条盏处])'
/** 5, 5分, 打4分, 五星 at the start */
export const LEAD_SCORE = new RegExp(`^(?:(?:打|给|评|评分|得分|分数|我打|我给|我评)\\s*:?\\s*)?${SCORE_NUM}(?:\\s*(分(?!钟)|颗星|颗|星))?${NOT_AFTER_SCORE}`)
/** 5分, 4颗星 anywhere (global: the parser resets lastIndex before use) */
export const UNIT_SCORE = new RegExp(`(?<![\\d.${SCORE_CN}])${SCORE_NUM}\\s*(分(?!钟)|颗星|星)`, 'g')
/** 十分满意 is "very satisfied", not 10 points: 十 with 分 and a word after it */
export const VERY = { number: '十', unit: '分' }
