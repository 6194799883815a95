/** Words the council feature recognises in answers and arguments. */
import { AGE_BANDS, GENDER, TENURE, type AgeBand } from '../../domain/council/lexicon.js'

const [YOUNG, MIDDLE, OLD] = AGE_BANDS

export const YES = /^(是|是的|对|对的|嗯|好|好的|行|可以|确认|提交|没问题|ok|y|yes)$/i
export const CHANGE = /^(修改|改|重填|不对|不是)$/
/** a question of the sign-up left unanswered */
export const SKIP = /^(跳过|不填|不说|保密|不方便|不想说|略过|skip|无|-)$/i

/** The sign-up's answers and the value each means (first match wins). */
export const AGE_ANSWERS: [RegExp, AgeBand][] = [
  [/^(1|青年|年轻|18-39|18到39)/, YOUNG],
  [/^(2|中年|40-59|40到59)/, MIDDLE],
  [/^(3|老年|老人|60)/, OLD],
]
export const GENDER_ANSWERS: [RegExp, string][] = [
  [/^(男|男性|男的)$/, GENDER.male],
  [/^(女|女性|女的)$/, GENDER.female],
]
export const TENURE_ANSWERS: [RegExp, string][] = [
  [/^(业主|房东|自住|自己的房)/, TENURE.owner],
  [/^(租户|租客|租房|租的)/, TENURE.renter],
]

/** 议事员报名 截止 */
export const FREEZE = /^(截止|截至|关闭|停止|结束)/
/** 议事员报名, or 议事员报名 名单 */
export const SHOW_POOL = /^(名单|情况|统计|全部)?$/
