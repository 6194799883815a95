import type { AmountReason, AssignmentReason, CompletionReason, ProjectReason, ResourceReason } from '../../domain/implementation/commands.js'
import type { DueCheck, DueReason, NoSuchDay } from '../../domain/implementation/due.js'
import type { RatingReason } from '../../domain/implementation/rating.js'
import { clip, cut } from '../../domain/text.js'
import { ASSIGN_EXAMPLE, formatDay, RATE_EXAMPLE, RESOURCE_EXAMPLE } from './text.js'

/** Why an argument of an implementation command could not be read: a sentence per parser reason. */

const eg = (example: string) => `例如「${example}」`
const DUE_EXAMPLES = '例如「12月底」「1月15日」「两周」'
const COMPLETE_EXAMPLES = '例如「完成 P3」或「完成 P3 评价截止12月20日」'
/** what was not understood, shown short */
const shown = (text: string) => clip(text, 12)

const noSuchDay = (r: Omit<NoSuchDay, 'code'>, examples: string) =>
  `没有${r.day === undefined || r.month < 1 || r.month > 12 ? `${r.month}月` : `${r.month}月${r.day}日这一天`}，${examples}。`

function dueCheck(r: DueCheck, timeZone: string, now: Date): string {
  const day = formatDay(r.at, timeZone, now)
  return r.code === 'past' ? `${day} 已经过去了，请写以后的日期，${DUE_EXAMPLES}。` : `${day} 太远了，请写两年以内的日期，${DUE_EXAMPLES}。`
}

function amount(r: AmountReason, examples: string): string {
  if (r.code === 'amountUnread') {
    return r.keyword === null
      ? `金额「${shown(r.text)}」没看懂，请写成「5万元」或「8000元」。`
      : `${r.keyword}「${shown(r.text)}」没看懂，请写成「${r.keyword}5万」或「${r.keyword}8000元」。`
  }
  return r.text ? `${r.keyword}「${shown(r.text)}」没看懂，请写金额，${examples}。` : `请写${r.keyword}金额，${examples}。`
}

const project = (r: ProjectReason, examples: string) =>
  r.code === 'noProject' ? `请写项目编号，${examples}。` : `没有 P${r.project} 这个项目编号，${examples}。`

/** The sentence for each reason a parser of this feature gives. */
export const reasonText = {
  /** parseDue: a due date alone */
  due(r: DueReason, timeZone: string, now: Date): string {
    switch (r.code) {
      case 'empty':
        return `请写预计完成时间，${DUE_EXAMPLES}。`
      case 'unread':
        return `没看懂「${cut(r.text, 12)}」这个时间，请写预计完成时间，${DUE_EXAMPLES}。`
      case 'noSuchDay':
        return noSuchDay(r, DUE_EXAMPLES)
      default:
        return dueCheck(r, timeZone, now)
    }
  },

  /** 资源 绿化所 绿化改造 预算5万 */
  resource(r: ResourceReason): string {
    const examples = eg(RESOURCE_EXAMPLE)
    switch (r.code) {
      case 'empty':
        return `请写单位名称和能提供什么，${examples}。`
      case 'notSeparated':
        return `请用空格把单位名称、内容和预算分开，${examples}。`
      case 'partnerFirst':
        return `请先写单位名称，${examples}。`
      case 'partnerTooLong':
        return `单位名称「${shown(r.partner)}」太长了（${r.max}字以内），请用空格把单位和内容分开，${examples}。`
      case 'whatMissing':
        return `请写能提供什么，${examples}。`
      case 'whatTooLong':
        return `内容太长了（${r.max}字以内），请写简短些，${examples}。`
      default:
        return amount(r, examples)
    }
  },

  /** 派单 P3 绿化所 预计12月底 */
  assignment(r: AssignmentReason, timeZone: string, now: Date): string {
    const examples = eg(ASSIGN_EXAMPLE)
    switch (r.code) {
      case 'empty':
        return `请写项目编号、施工单位和预计完成时间，${examples}。`
      case 'noProject':
      case 'badProject':
        return project(r, examples)
      case 'amountUnread':
      case 'amountMissing':
        return amount(r, eg('费用2万'))
      case 'noSuchDay':
        return noSuchDay(r, DUE_EXAMPLES)
      case 'noSuchStartDay':
        return noSuchDay(r, eg('开工12月1日'))
      case 'past':
      case 'tooFar':
        return dueCheck(r, timeZone, now)
      case 'partnerMissing':
        return `请写施工单位，${examples}。`
      case 'partnerTooLong':
        return `单位名称「${shown(r.partner)}」太长了（${r.max}字以内），${examples}。`
      case 'dueMissing':
        return r.unread ? `没看懂「${shown(r.unread)}」，请写预计完成时间，${examples}。` : `请写预计完成时间，${examples}。`
      case 'extraWords':
        return `没看懂「${shown(r.text)}」，${examples}，可加「开工12月1日」「费用2万」。`
      case 'startAfterDue':
        return `开工（${formatDay(r.startsAt, timeZone, now)}）晚于预计完成（${formatDay(r.dueAt, timeZone, now)}），请检查日期，${examples}。`
    }
  },

  /** 完成 P3 [评价截止12月20日] */
  completion(r: CompletionReason): string {
    switch (r.code) {
      case 'noProject':
      case 'badProject':
        return project(r, COMPLETE_EXAMPLES)
      case 'closePast':
        return `评价截止时间已经过去了，请写以后的时间，${COMPLETE_EXAMPLES}。`
      case 'closeUnread':
        return `没看懂评价截止时间「${shown(r.text)}」，${COMPLETE_EXAMPLES}。`
      case 'closeNow':
        return `评价截止时间要写以后的时间，${COMPLETE_EXAMPLES}。`
    }
  },

  /** 评价 P3 5 很满意 */
  rating(r: RatingReason): string {
    const range = `请打 1 到 5 分，5 分最满意，${eg(RATE_EXAMPLE)}。`
    return r.code === 'range' ? range : `没看懂您的评分。${range}`
  },
}
