/** Words the implementation feature recognises in messages (its parsers' words are in domain/implementation/lexicon.ts). */

/** 联络员 @李工 取消: the appointment undone */
export const REVOKE = /取消|撤销|撤掉|不再/
/** the photos after a progress report are all sent */
export const PHOTOS_DONE = /^(好了|好|完了|发完了?|没有了?|没了|结束|就这些|ok)[。.!！]*$/i
