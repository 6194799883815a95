/** Words the deliberation feature recognises. */

/** 议题结论 Q1 改成花坛 理由 …: where the reason starts */
export const REASON_WORD = /\s*(?:[,，;；。]\s*)?(?:理由|原因|因为)\s*[:：]?\s*/

/** 居民代表 @张三 取消 */
export const REVOKE = /(?:^|\s)(?:取消|撤销|撤掉|去掉|免去)(?:\s|$)/
