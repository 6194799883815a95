/** Words the pool feature recognises around a project's name. */

/** 合并 J3 J7 为 <名称> */
export const NEW_NAME_LEAD = /^(为|成|叫|作为|合成|到)\s*/
/** 改名 P3 为 <名称> */
export const RENAME_LEAD = /^(为|成|叫)\s*/

/** "撤销 J12" is a resident withdrawing a suggestion: with a J-code, 撤销 goes to 撤回 */
export const UNDO_DIVERT = { args: /J\s*\d/i, to: '撤回' }
