/** Words the implementation feature recognises in messages (its parsers' words are in domain/implementation/lexicon.ts). */

/** 联络员 @李工 取消: the appointment undone */
export const REVOKE = /取消|撤销|撤掉|不再/
