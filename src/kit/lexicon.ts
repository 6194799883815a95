/** Words the kit itself recognises. */

/** closes a photo window: "that was all the photos" (matched on the words as typed and as plain) */
export const PHOTOS_DONE = /^(好了|好|完了|发完了?|没有了?|没了|结束|就这些|ok)[。.!！]*$/i
