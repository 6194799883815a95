/**
 * Chinese names for quota groups, so explanations read like staff talk: 3号楼, 女性, 60+岁.
 * Unknown features fall back to 「feature=value」.
 */

const FEATURE_NAMES: Record<string, string> = {
  building: '各栋',
  age: '各年龄段',
  gender: '性别',
  tenure: '业主/租户',
}

/** The group as a place/kind of seat: 「3号楼至少 1 席」. */
export function groupLabel(feature: string, value: string): string {
  switch (feature) {
    case 'building':
      return /^\d+$/.test(value) ? `${value}号楼` : value
    case 'gender':
      return value === '女' ? '女性' : value === '男' ? '男性' : value
    case 'age':
      return /岁/.test(value) ? value : `${value}岁`
    case 'tenure':
      return value
    default:
      return `${feature}为「${value}」`
  }
}

/** The people in the group: 「只有 1 位3号楼居民报名」. */
export function peopleLabel(feature: string, value: string): string {
  switch (feature) {
    case 'building':
      return `${groupLabel(feature, value)}居民`
    case 'age':
      return `${groupLabel(feature, value)}的居民`
    case 'gender':
    case 'tenure':
      return groupLabel(feature, value)
    default:
      return `${groupLabel(feature, value)}的人`
  }
}

/** The whole attribute: 「各栋最少席位合计 12 席」. */
export function featureLabel(feature: string): string {
  return FEATURE_NAMES[feature] ?? `「${feature}」各组`
}
