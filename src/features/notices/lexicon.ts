/** Words the notices feature recognises in answers. */

export const SKIP = /^(跳过|不要|不用|没有|无|不配|不配图|skip)$/i
export const CONFIRM = /^(确认|确定|发送|发|好|好的|可以|ok|是)$/i
/** 修改标题 / 改时间: the item follows */
export const EDIT = /^修?改/

/** G2 (公告状态 G2, 已转发 G2): group 1 is the number as written */
export const NOTICE_CODE = /G\s*(\d+)/i

/** 修改 X: the item of the notice each word means */
export const EDITABLE: Record<string, 'title' | 'body' | 'photo' | 'targets' | 'when'> = {
  标题: 'title',
  正文: 'body',
  内容: 'body',
  图片: 'photo',
  照片: 'photo',
  配图: 'photo',
  范围: 'targets',
  楼栋: 'targets',
  发给: 'targets',
  时间: 'when',
}
