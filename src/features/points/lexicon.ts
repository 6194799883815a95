/** Words the points feature recognises. */

/** 报名找茬志愿者: the answer that means "do not name me on the 积分榜" */
export const NOT_NAMED = /^(不上榜|不要上榜|不用上榜|不愿意|不愿|不想|不要|不用|匿名|不具名|不公开|不署名|否|no)$/i

/** 记分 冲正 15 记错了: a reversing entry of entry 15 */
export const REVERSE = /^(?:冲正|冲销|撤销|作废|更正)\s*(?:第|#|＃|编号)?\s*/

/** 积分商品 洗衣液 50分 库存20 / 下架 */
export const COST = /(?<![\d.])(\d+)\s*(?:积分|分)/
export const STOCK = /库存\s*[:：]?\s*(\d+)\s*(?:件|个|份|瓶|袋|张|只|盒|包|桶|套)?/
export const OFF = /下架|删除|停用|不兑了|撤下/

/** an amount of points at the start: 10, 10分, +10, 十分 (numerals are read before 分) */
export const AMOUNT = /^([+-]?\d+)\s*(?:积分|分)?(?![\d.])/

/** D7: a redemption's code, as 兑换 gives it */
export const REDEMPTION_CODE = /(?<![A-Za-z])[Dd]\s*(\d{1,7})(?!\d)/

/** "@张三" as typed, when the puppet gives no mention list */
export const TYPED_MENTION = /@([^\s@\u2005]+)/g

/** separators and filler around a name or item */
export const FILLER = /[\s,.;:!?，。；：！？、~～「」“”"'()（）[\]【】]+/g
