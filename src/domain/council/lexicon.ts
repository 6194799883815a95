/** The council's words: attribute values as stored, lottery ids, and quotas as staff type them. */
import type { QuotaRule } from './quotas.js'

/** The values stored for a volunteer's attributes, and matched by quotas. */
export const GENDER = { female: '女', male: '男' } as const
export const TENURE = { owner: '业主', renter: '租户' } as const
export const AGE_BANDS = ['18-39岁', '40-59岁', '60岁以上'] as const
export type AgeBand = (typeof AGE_BANDS)[number]
const [YOUNG, MIDDLE, OLD] = AGE_BANDS

/**
 * A volunteer's public id in the lottery files, 「王阿姨 3号楼」, numbered if two share it
 * (「王阿姨 3号楼（2）」). Written here and read back by LOTTERY_ID: it is hashed and published.
 */
export const lotteryId = (name: string, building: number, n: number): string => `${name} ${building}号楼${n === 1 ? '' : `（${n}）`}`
/** name, 「N号楼」, the namesake's number */
export const LOTTERY_ID = /^(.*) (\d+号楼)(（\d+）)?$/
export const LOTTERY_ID_BUILDING = / (\d+)号楼/

/** 议事会 40席 每栋至少1席 …: the attribute a quota names (longest first where one is a prefix of another). */
export const QUOTA_FEATURES: { re: RegExp; feature: QuotaRule['feature']; value: string | ((m: RegExpExecArray) => string) }[] = [
  { re: /^(?:每|各)(?:一|1)?(?:个)?(?:栋|幢|座|号楼|楼栋|楼)(?:楼)?/, feature: 'building', value: '*' },
  { re: /^(\d{1,3})\s*(?:号楼|号|栋|幢|座|#)/, feature: 'building', value: (m) => String(Number(m[1])) },
  { re: /^(?:女性|女士|妇女|女)/, feature: 'gender', value: GENDER.female },
  { re: /^(?:男性|男士|男)/, feature: 'gender', value: GENDER.male },
  { re: /^(?:青年|年轻人|18\s*(?:-|~|到|至)\s*39\s*岁?)/, feature: 'age', value: YOUNG },
  { re: /^(?:中年|40\s*(?:-|~|到|至)\s*59\s*岁?)/, feature: 'age', value: MIDDLE },
  { re: /^(?:老年人|老年|老人|60\s*岁?\s*(?:及)?(?:以上|\+))/, feature: 'age', value: OLD },
  { re: /^(?:业主|房东)/, feature: 'tenure', value: TENURE.owner },
  { re: /^(?:租户|租客|租房)/, feature: 'tenure', value: TENURE.renter },
]

export const QUOTA_MIN = /^(?:至少|最少|不少于|不低于|起码|最低|>=|≥|大于等于)/
export const QUOTA_MAX = /^(?:至多|最多|不超过|不多于|不高于|最高|<=|≤|小于等于)/
export const QUOTA_EXACT = /^(?:恰好|正好|刚好|等于|=)/
export const QUOTA_NUMBER = /^(\d{1,6})(?:\s*(?:-|~|到|至)\s*(\d{1,6}))?\s*(?:个席位|个名额|席位|名额|席|人|名|位|个)?/
export const QUOTA_SEATS = /^(?:共|总共|一共|总|席位|总席位)?\s*(\d{1,6})\s*(?:个席位|席位|席|人|名|位)/
export const QUOTA_FILLER = /^(?:[\s,;:.、，；：。]|和|及|并且|并|且|其中|设|要求|的|议事员|议事会|名额|席位)+/
