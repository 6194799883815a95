/** Words the suggestions feature recognises in answers (the words of a suggestion itself: domain/suggestions/lexicon.ts). */

export const YES = /^(是|是的|对|对的|嗯|好|好的|确认|提交|可以|没错|yes|y|ok)$/i
export const NO = /^(不是|不对|否|不|no|n)$/i
/** no (more) photos */
export const DONE = /^(好了|好|完了|完成|发完了|没有了|就这些|跳过|不要|没有|不用|无|skip)$/i

/** a draft on offer: go on with it, or start over */
export const CONTINUE = /^(继续|接着|好)$/
export const RESTART = /^(重来|重新开始|新的|重新)$/

/** 修改 / 改地点 at the summary */
export const EDIT = /^修?改/
/** 修改 X: the step each word means */
export const EDITABLE: Record<string, 'what' | 'where' | 'photo'> = {
  问题: 'what',
  内容: 'what',
  地点: 'where',
  位置: 'where',
  地方: 'where',
  照片: 'photo',
  图片: 'photo',
}

/** "3楼": the answer says building 3, or the 3rd floor */
export const MEANS_BUILDING = /号楼|栋|幢|楼栋/
export const MEANS_STOREY = /层/

/** 建议列表 全部 */
export const ALL = /全部|所有/
