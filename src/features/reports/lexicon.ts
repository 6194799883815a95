/** Words the reports feature recognises. */

/** R12: an everyday report's code */
export const REPORT_CODE = /(?<![A-Za-z])[Rr]\s*(\d{1,7})(?!\d)/

export const YES = /^(是|是的|对|对的|嗯|好|好的|确认|可以|没错|一样|同一件|是同一件|yes|y|ok)$/i
export const NO = /^(不是|不对|否|不|不一样|不是同一件|新的|no|n)$/i

/** 网格员 @李四 取消: no longer a grid member */
export const REVOKE = /取消|撤销|撤掉|不再|免去|卸任/

/** kinds of place that are part of some building: "门口" alone means one building's door */
export const IN_A_BUILDING = new Set(['门口', '楼下', '楼后', '楼道', '电梯', '楼顶', '旁边', '对面'])

/** buildings in 网格员 …: 3号楼 5号楼, 3、5号楼, 3-6号楼, 3栋 */
export const BUILDING_RANGE = /(?<![\d.])(\d+)\s*(?:号楼|栋|幢|座|#)?\s*[-~到至]\s*(\d+)\s*(?:号楼|栋|幢|座|#)/g
export const BUILDING_LIST = /(?<![\d.])(\d+(?:\s*[,、和及与]\s*\d+)*)\s*(?:号楼|栋|幢|座|#)/g
export const BARE_NUMBERS = /^[\d\s,、]+$/

/** 随手拍 alone with a leading "photo" word only: nothing said yet */
export const FILLER = /[\s,.;:!?，。；：！？、~～]+/g

/** "3号楼" or "3层", answering whether "3楼" was a building or a floor */
export const BUILDING_ANSWER = /号楼|栋|幢/
export const FLOOR_ANSWER = /层/
