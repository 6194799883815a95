/** Words the privacy feature recognises: the answers to "really erase?". */

export const ERASE_YES = new Set(['确认删除', '确认', '删除', '是', '是的', '好', '好的', '确定', '对', 'yes', 'y'])
export const ERASE_NO = new Set(['不', '不要', '不删', '不删了', '否', '没有', '不用', '不了', 'no', 'n'])

/** a name made only of a door or a building's words is not searched for (it would hit every address) */
export const ADDRESS_ONLY = /^[\d\s#号楼栋幢座单元室层\-—]+$/
